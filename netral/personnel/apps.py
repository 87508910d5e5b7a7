from django.apps import AppConfig


class PersonnelConfig(AppConfig):
    name = "netral.personnel"
    default_auto_field = "django.db.models.BigAutoField"
