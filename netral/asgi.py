"""ASGI entry point (uvicorn netral.asgi:application)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
application = get_asgi_application()
