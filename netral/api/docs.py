"""The OpenAPI docs page (Swagger UI) with no CDN: its files come from the django-ninja package.

django-ninja falls back to a CDN template when "ninja" is not an installed app. This page renders
our own template instead and serves ninja's bundled Swagger UI files itself, from a fixed list,
so the docs work on a machine without internet access.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ninja
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase

NINJA_STATIC = Path(ninja.__file__).resolve().parent / "static" / "ninja"
ASSETS = {
    "swagger-ui.css": "text/css; charset=utf-8",
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui-init.js": "text/javascript; charset=utf-8",
    "favicon.svg": "image/svg+xml",
    "favicon.png": "image/png",
}
# A changed ninja version gives new URLs (?v=...), so browsers may keep the files for a day.
ASSET_VERSION = ninja.__version__


class OfflineSwagger(DocsBase):
    template = "api/swagger.html"
    default_settings: dict[str, Any] = {
        "layout": "BaseLayout",
        "deepLinking": True,
        # Swagger UI would otherwise load a badge from validator.swagger.io.
        "validatorUrl": None,
    }

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings = {**self.default_settings, **(settings or {})}

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        swagger_settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {
            "api": api,
            "swagger_settings": swagger_settings,
            "asset_version": ASSET_VERSION,
        }
        return render(request, self.template, context)


@require_GET
def asset(request: HttpRequest, name: str) -> FileResponse:
    content_type = ASSETS.get(name)
    if content_type is None:
        raise Http404(name)
    response = FileResponse((NINJA_STATIC / name).open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response
