from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Cross-cutting pieces: `netral setup`, the base templates, benchmarks and demo data."""

    name = "netral.core"
    default_auto_field = "django.db.models.BigAutoField"
