from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "netral.regions"
    default_auto_field = "django.db.models.BigAutoField"
