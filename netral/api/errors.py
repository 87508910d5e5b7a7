"""The API's error contract, in one place.

- invalid input: `422 {"detail": [{"field": "region_code", "message": "..."}]}`
- a missing resource: `404 {"detail": "..."}`; other client errors: `4xx {"detail": "..."}`
- throttled: `429 {"detail": "..."}` with `Retry-After`
- anything unexpected: logged, then `500 {"detail": "..."}` with no internals.

Messages are in the active language: Indonesian, the default.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

logger = logging.getLogger("netral.api")

# Where an input came from, as ninja names it in an error's `loc`.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


class InvalidInput(Exception):
    """Raised by endpoint code for input that passed the schema but is still wrong (an unknown
    clock, an unknown region code): answered like a schema error, 422 with per-field messages."""

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = list(errors)


def invalid(field: str, message: str) -> InvalidInput:
    return InvalidInput([(field, message)])


def not_found(message: str) -> HttpError:
    return HttpError(404, message)


def _field_name(loc: Sequence[Any]) -> str:
    """("body", "payload", "reported", 0, "nip") -> "reported.0.nip"; ("query", "start") -> "start"."""
    parts = list(loc)
    source = parts.pop(0) if parts and parts[0] in _SOURCES else ""
    if source == "body" and parts:
        parts.pop(0)  # the name of the view's body parameter, not part of the JSON document
    return ".".join(str(part) for part in parts) or (source or "body")


def _limits(ctx: dict[str, Any]) -> dict[str, Any]:
    return {key: ctx[key] for key in ("min_length", "max_length", "ge", "le", "gt", "lt") if key in ctx}


def message_for(error: dict[str, Any]) -> str:
    """An error of pydantic/ninja in words, in the active language."""
    kind = str(error.get("type", ""))
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    limits = _limits(ctx)
    if kind == "missing":
        return _("A value is required.")
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])  # raised by our own validators, already translated
    if kind in {"string_too_short", "too_short"}:
        if kind == "string_too_short" and limits.get("min_length") == 1:
            return _("Must not be empty.")
        return _("Must have at least %(min_length)s characters or items.") % limits
    if kind in {"string_too_long", "too_long"}:
        return _("Must have at most %(max_length)s characters or items.") % limits
    if kind == "string_pattern_mismatch":
        return _("The format is not valid.")
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Must be at least %(limit)s.") % {"limit": limits.get("ge", limits.get("gt"))}
    if kind in {"less_than_equal", "less_than"}:
        return _("Must be at most %(limit)s.") % {"limit": limits.get("le", limits.get("lt"))}
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Not a valid date; use the format YYYY-MM-DD, e.g. 2024-04-04.")
    if kind.startswith("int") or kind.startswith("float") or kind.startswith("decimal"):
        return _("Must be a number.")
    if kind.startswith("bool"):
        return _("Must be true or false (a JSON boolean).")
    if kind.startswith("string") or kind == "str_type":
        return _("Must be a string of text.")
    if kind in {"list_type", "tuple_type", "set_type"}:
        return _("Must be a JSON list.")
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("Must be a JSON object.")
    if kind in {"literal_error", "enum"}:
        return _("Must be one of: %(expected)s.") % {"expected": ctx.get("expected", "")}
    if kind.startswith("url"):
        return _("Not a valid URL.")
    if kind == "extra_forbidden":
        return _("Unknown field.")
    if kind == "json_invalid":
        return _("Not valid JSON.")
    return _("Invalid value.")


def field_errors(errors: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """ninja's validation errors as `[{"field", "message"}]`, one entry per field and problem."""
    result: list[dict[str, str]] = []
    for error in errors:
        entry = {"field": _field_name(error.get("loc", ())), "message": message_for(error)}
        if entry not in result:
            result.append(entry)
    return result


def _respond(api: NinjaAPI, request: HttpRequest, data: Any, status: int) -> HttpResponse:
    return api.create_response(request, data, status=status)


def _http_error_detail(exc: HttpError) -> str:
    """Our own HttpErrors carry a translated message; ninja's built-in ones get one here."""
    if isinstance(exc, Throttled):
        return _("Too many requests. Try again later.")
    if isinstance(exc, AuthenticationError):
        return _("A valid API token is required (header Authorization: Bearer <token>).")
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        return _("The request body is not valid JSON.")
    return str(exc)


def install(api: NinjaAPI) -> None:
    """Register the handlers of the error contract on `api`."""

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return _respond(api, request, {"detail": field_errors(exc.errors)}, 422)

    def on_invalid(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
        detail = [{"field": field, "message": message} for field, message in exc.errors]
        return _respond(api, request, {"detail": detail}, 422)

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        response = _respond(api, request, {"detail": _http_error_detail(exc)}, exc.status_code)
        if isinstance(exc, Throttled) and exc.wait is not None:
            response["Retry-After"] = str(max(1, math.ceil(exc.wait)))
        if isinstance(exc, AuthenticationError):
            response["WWW-Authenticate"] = "Bearer"
        return response

    def on_404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _respond(api, request, {"detail": _("Not found.")}, 404)

    def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
        if isinstance(exc, RequestDataTooBig):
            return _respond(api, request, {"detail": _("The request is too large.")}, 413)
        logger.warning("API: suspicious request on %s %s: %s", request.method, request.path, type(exc))
        return _respond(api, request, {"detail": _("Bad request.")}, 400)

    def on_unparsable(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _respond(api, request, {"detail": _("Bad request.")}, 400)

    def on_exception(request: HttpRequest, exc: Exception) -> HttpResponse:
        # The traceback goes to the log; the client learns nothing about the internals.
        logger.exception("API error on %s %s", request.method, request.path)
        return _respond(api, request, {"detail": _("Internal server error. Please try again later.")}, 500)

    handlers: list[tuple[type[Exception], Callable[[HttpRequest, Any], HttpResponse]]] = [
        (ValidationError, on_validation),
        (InvalidInput, on_invalid),
        (HttpError, on_http_error),
        (Http404, on_404),
        (SuspiciousOperation, on_suspicious),
        (MultiPartParserError, on_unparsable),  # e.g. multipart/form-data without a boundary
        (UnreadablePostError, on_unparsable),  # the client went away mid-upload
        (Exception, on_exception),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)
