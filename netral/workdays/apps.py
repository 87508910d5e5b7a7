from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "netral.workdays"
    default_auto_field = "django.db.models.BigAutoField"
