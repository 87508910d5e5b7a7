"""Every named URL of the project, requested by the public and by every user of tests/fixtures.py.

The project's URL resolver is walked (namespaces included: the intake, cases, triage, analytics,
accounts, notifications and API pages, and the admin site); each named URL is requested as anonymous
and as each named user, and the status code is compared with `EXPECTED`, a small table of rules per
URL (who gets 200, who is sent to the login, who gets 403 and who 404 because the object lies outside
their scope). URL parameters come from real objects built through the real actions: a report and
its case in Kabupaten Sleman (seen by Bawaslu RI, DIY and Sleman and by the operators; a 404 for
Bawaslu Kota Manado and for the other institutions), a Sleman case forwarded to BKN (its package and
documents), a receipt, an evidence file.

A URL that the table does not know fails the test with a message to add its rule: a new view
cannot reach CI without its access rule being written down here.

POST-only views answer a GET with 405 (before or after the login, depending on the decorators);
for them the rule also lists who must be refused, and an empty POST is sent as each of those
(never as a user who would be let in, so nothing is changed): anonymous to the login, outsiders
403 or 404.

The admin site is one gate (`AdminSite.admin_view`: active staff only, whatever the role) plus
Django's model permissions: every admin URL is requested as anonymous and as a user without staff
rights (both must be sent to the admin login), the admin index as everybody (the administrator and
the data custodian get in). Which model a data custodian may change is the admin's permission table,
tested in test_access.py and test_personnel_admin.py.

The data are built once per module (in a transaction rolled back at the end); each test runs in
its own savepoint, so what a request writes (audit rows, sessions, TOTP devices) is rolled back too.
"""

from __future__ import annotations

import functools
import sys
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.test.utils import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from netral.intake.models import Report
from tests.fixtures import USER_FIXTURES
from tests.test_url_access_support import ANONYMOUS, World, build_world

pytestmark = pytest.mark.django_db

LOGIN = "accounts:login"
EVERYONE: tuple[str, ...] = (ANONYMOUS, *USER_FIXTURES)
USERS = frozenset(USER_FIXTURES)

# --- who ----------------------------------------------------------------------------------------

BAWASLU = frozenset(
    {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "bawaslu_kota_manado", "commissioner_kab_sleman"}
)
OPERATORS = frozenset({"admin_user", "data_custodian"})
PPK = frozenset({"ppk_kota_manado", "ppk_kab_sleman"})
# Whose scope covers Kabupaten Sleman (34.04), where the report and both cases lie.
SLEMAN = frozenset({"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "commissioner_kab_sleman"})
SEES_SLEMAN = SLEMAN | OPERATORS
# The report pages: Bawaslu staff and commissioners, administrators, data custodians.
REPORT_STAFF = BAWASLU | OPERATORS
# Who classifies cases (the triage steps and the narrowing lists): Bawaslu and the ASN authority.
CLASSIFIERS = BAWASLU | {"bkn_analyst"}

# --- rules --------------------------------------------------------------------------------------

Kwargs = Callable[["World"], dict[str, Any]]


@dataclass(frozen=True)
class Expect:
    """The status of a GET for each of EVERYONE, and for POST-only URLs who must be refused a POST."""

    get: Mapping[str, int]
    # POST-only URLs: the refusals (302 to the login, 403, 404) an empty POST must get; nobody else
    # is sent a POST.
    post: Mapping[str, int] = field(default_factory=dict)
    kwargs: Kwargs | None = None
    query: str = ""
    headers: Callable[[World], dict[str, str]] | None = None
    # The URL name of the login page anonymous 302s go to ("" when the 302 is no login redirect).
    login: str = ""


def everyone(status: int, **rule: Any) -> Expect:
    """The same answer for everybody (public pages; POST-only public endpoints: 405)."""
    return Expect(get=dict.fromkeys(EVERYONE, status), **rule)


def logged_in(status: int = 200, **rule: Any) -> Expect:
    """Every logged-in user gets `status`; anonymous visitors are sent to the login."""
    return Expect(get={ANONYMOUS: 302, **dict.fromkeys(USERS, status)}, login=LOGIN, **rule)


def access(allowed: frozenset[str], *, sees: frozenset[str] | None = None) -> dict[str, int]:
    """Anonymous 302 (login); `allowed` users 200, or with `sees` only those 200 and the other allowed
    users 404 (the object lies outside their scope); everyone else 403."""
    statuses = {ANONYMOUS: 302}
    for who in USERS:
        if who not in allowed:
            statuses[who] = 403
        else:
            statuses[who] = 200 if sees is None or who in sees else 404
    return statuses


def page(allowed: frozenset[str], *, sees: frozenset[str] | None = None, **rule: Any) -> Expect:
    return Expect(get=access(allowed, sees=sees), login=LOGIN, **rule)


def refusals(statuses: Mapping[str, int]) -> dict[str, int]:
    return {who: status for who, status in statuses.items() if status in (302, 403, 404)}


def post_only(refused: Mapping[str, int], *, login_first: bool = False, **rule: Any) -> Expect:
    """A POST-only view: a GET gets 405 (anonymous visitors: 302 when the login is checked first);
    an empty POST as each of `refused` gets its refusal."""
    get = dict.fromkeys(EVERYONE, 405)
    if login_first:
        get[ANONYMOUS] = 302
    return Expect(get=get, post=refused, login=LOGIN, **rule)


# --- the objects behind the URL parameters (built in test_url_access_support.py) -----------------


class _StandInWeasyPrint(types.ModuleType):
    class HTML:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pass

        def write_pdf(self, *args: Any, **kwargs: Any) -> bytes:
            return b"%PDF-1.7 stand-in"


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """The users, clients and objects, built once for the module and rolled back after it."""
    from netral.triage.matching import reset_index

    media = tmp_path_factory.mktemp("media")
    quiet = override_settings(
        MEDIA_ROOT=media, NETRAL_MATCH_INDEX_BACKGROUND=False, NETRAL_MATCH_INDEX_STORE=False
    )
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock(), quiet, transaction.atomic():
        # The PDF summary is about access here, not typesetting: a stand-in for WeasyPrint (which
        # takes about a second per rendering, and needs the system's Pango).
        patch.setitem(sys.modules, "weasyprint", _StandInWeasyPrint("weasyprint"))
        built = build_world()
        yield built
        transaction.set_rollback(True)
    reset_index()


# --- the table ----------------------------------------------------------------------------------

# Refusals of the case pages for a case in Sleman: anonymous to the login, the other case roles 404.
CASE_OUTSIDERS = {ANONYMOUS: 302, **dict.fromkeys(USERS - SEES_SLEMAN, 404)}


def _case(**more: Any) -> Kwargs:
    return lambda w: w.case_kwargs(**more)


EXPECTED: dict[str, Expect] = {
    # --- public ---
    "set_language": everyone(302),  # back to the page it came from ("/" without a referer)
    "statistics:page": everyone(200),
    "intake:report": everyone(200),
    "intake:report_check": everyone(405),
    "intake:status": everyone(200),
    "intake:status_message": everyone(405),
    "intake:status_evidence": everyone(405),
    "intake:status_logout": everyone(405),
    "accounts:landing": Expect(get={ANONYMOUS: 200, **dict.fromkeys(USERS, 302)}),  # users: their home
    "accounts:login": Expect(get={ANONYMOUS: 200, **dict.fromkeys(USERS, 302)}),
    "accounts:logout": everyone(405),
    "admin_logout": everyone(405),  # the same audited logout
    # The admin's login: anonymous to the main login, staff on to the admin, everyone else 403.
    "admin_login": Expect(
        get={ANONYMOUS: 302, **dict.fromkeys(USERS - OPERATORS, 403), **dict.fromkeys(OPERATORS, 302)},
        login=LOGIN,
    ),
    # --- API (session logins play no part: reference data is public, /me needs a token) ---
    "api-docs": everyone(200),
    "api-docs-asset": everyone(200, kwargs=lambda w: {"name": "swagger-ui.css"}),
    "api-v1:api-root": everyone(404),
    "api-v1:openapi-json": everyone(200),
    "api-v1:list_regions": everyone(200),
    "api-v1:get_region": everyone(200, kwargs=lambda w: {"code": "34.04"}),
    "api-v1:get_catalogue": everyone(200),
    "api-v1:list_elections": everyone(200),
    "api-v1:get_election": everyone(200, kwargs=lambda w: {"code": "pemilu-2024"}),
    "api-v1:get_deadline": everyone(200, query="clock=pemilu.decision&start=2024-04-04&region=34.04"),
    "api-v1:public_stats": everyone(200),
    "api-v1:me": everyone(401),
    "api-v1:submit_report": everyone(405),
    "api-v1:add_evidence": everyone(405, kwargs=lambda w: {"tracking_code": w.tracking_code}),
    # The receipt is the key: whoever holds it follows the report, logged in or not.
    "api-v1:report_status": everyone(
        200,
        kwargs=lambda w: {"tracking_code": w.tracking_code},
        headers=lambda w: {"X-Receipt-Secret": w.receipt_secret},
    ),
    # --- accounts ---
    "accounts:home": logged_in(),
    "accounts:users": logged_in(),
    "accounts:enrol": logged_in(),
    # --- reports (intake) ---
    "intake:staff_list": page(REPORT_STAFF),
    "intake:staff_detail": page(REPORT_STAFF, sees=SEES_SLEMAN, kwargs=lambda w: {"pk": w.report.pk}),
    "intake:staff_evidence": page(
        REPORT_STAFF, sees=SEES_SLEMAN, kwargs=lambda w: {"pk": w.report.pk, "evidence_pk": w.evidence.pk}
    ),
    # Only data custodians and the Bawaslu of the area may see the reporter: administrators 403.
    "intake:staff_identity": post_only(
        {**refusals(page(REPORT_STAFF, sees=SEES_SLEMAN).get), "admin_user": 403},
        kwargs=lambda w: {"pk": w.report.pk},
    ),
    "intake:staff_reply": post_only(
        refusals(page(REPORT_STAFF, sees=SEES_SLEMAN).get), kwargs=lambda w: {"pk": w.report.pk}
    ),
    "intake:finding": page(BAWASLU),
    "intake:finding_check": post_only(refusals(page(BAWASLU).get)),
    # --- cases ---
    "cases:inbox": logged_in(),
    "cases:detail": page(USERS, sees=SEES_SLEMAN, kwargs=_case()),
    "cases:action": post_only(CASE_OUTSIDERS, kwargs=_case()),
    "cases:step": post_only(CASE_OUTSIDERS, kwargs=_case(action="register")),
    "cases:classify": post_only(CASE_OUTSIDERS, kwargs=_case()),
    "cases:assign": post_only(CASE_OUTSIDERS, kwargs=_case()),
    "cases:unassign": post_only(CASE_OUTSIDERS, kwargs=lambda w: w.case_kwargs(assignment=w.assignment.pk)),
    "cases:add_task": post_only(CASE_OUTSIDERS, kwargs=_case()),
    "cases:complete_task": post_only(CASE_OUTSIDERS, kwargs=lambda w: w.case_kwargs(task=w.task.pk)),
    "cases:reply": post_only(CASE_OUTSIDERS, kwargs=lambda w: w.case_kwargs(report=w.report.pk)),
    "cases:documents": page(USERS, sees=SEES_SLEMAN, kwargs=lambda w: {"number": w.case.number}),
    # The forwarded case is BKN's too, but the initial-review result is a Bawaslu (and operators) document.
    "cases:document_pdf": Expect(
        get={**access(USERS, sees=SEES_SLEMAN | {"bkn_analyst"}), "bkn_analyst": 403},
        login=LOGIN,
        kwargs=lambda w: {"number": w.forwarded.number, "kind": "kajian-awal"},
    ),
    "cases:package": page(
        USERS,
        sees=SEES_SLEMAN | {"bkn_analyst"},
        kwargs=lambda w: {"number": w.forwarded.number, "pk": w.package.pk},
    ),
    # --- triage: the case must be visible (else 404), the role must classify (else 403). Without a
    # trained model no suggestion exists; the refusals come before a suggestion is looked up. ---
    "triage:rerun": post_only({**CASE_OUTSIDERS, **dict.fromkeys(OPERATORS, 403)}, kwargs=_case()),
    "triage:decide": post_only({**CASE_OUTSIDERS, **dict.fromkeys(OPERATORS, 403)}, kwargs=_case()),
    "triage:reject": post_only({**CASE_OUTSIDERS, **dict.fromkeys(OPERATORS, 403)}, kwargs=_case()),
    "triage:person": post_only(
        {**CASE_OUTSIDERS, **dict.fromkeys(OPERATORS, 403)}, kwargs=_case(suggestion_id=0)
    ),
    "triage:narrow_person": post_only(
        {**CASE_OUTSIDERS, **dict.fromkeys(OPERATORS, 403)}, kwargs=_case(suggestion_id=0)
    ),
    "triage:merge": post_only({**CASE_OUTSIDERS, **dict.fromkeys(OPERATORS, 403)}, kwargs=_case()),
    "triage:options": page(CLASSIFIERS, kwargs=lambda w: {"kind": "wilayah"}, query="q=sleman"),
    # --- notifications (each user's own) ---
    "notifications:inbox": logged_in(),
    # Someone else's notification: 404.
    "notifications:mark_read": post_only(
        {ANONYMOUS: 302, **dict.fromkeys(USERS - {"bawaslu_kab_sleman"}, 404)},
        login_first=True,
        kwargs=lambda w: {"pk": w.notification.pk},
    ),
    "notifications:mark_all_read": post_only({ANONYMOUS: 302}, login_first=True),
    # --- analytics: every case role, over `Case.objects.visible_to`; the index: not PPK ---
    "analytics:dashboard": logged_in(),
    "analytics:map": logged_in(),
    "analytics:cases": logged_in(),
    "analytics:data": logged_in(kwargs=lambda w: {"name": "summary"}),
    "analytics:export_cases": logged_in(kwargs=lambda w: {"fmt": "csv"}),
    "analytics:export_ppk": logged_in(kwargs=lambda w: {"fmt": "csv"}),
    "analytics:export_pdf": logged_in(),
    "vulnerability:index": page(USERS - PPK),
}


# --- the admin site -----------------------------------------------------------------------------

ADMIN_LOGIN = "admin_login"
# Served by netral's own views at the admin's paths (accounts.views.admin_login / logout_view).
ADMIN_SHADOWED = {"admin:login": "admin_login", "admin:logout": "admin_logout"}


# The admin gate looks only at `is_active and is_staff`, never at the role: every admin URL is
# requested as anonymous and as one user without staff rights; the index as everybody.
NOT_STAFF = "bawaslu_ri"


def admin_rule(name: str) -> Expect:
    """Every admin page sends anonymous visitors and users without staff rights to the admin login;
    the staff users are checked on the admin index (the admin's model permissions decide the rest)."""
    if name in ADMIN_SHADOWED:
        return EXPECTED[ADMIN_SHADOWED[name]]
    if name == "admin:index":
        statuses = {who: 200 if who in OPERATORS else 302 for who in EVERYONE}
    else:
        statuses = {ANONYMOUS: 302, NOT_STAFF: 302}
    return Expect(get=statuses, kwargs=lambda w: admin_kwargs(name, w), login=ADMIN_LOGIN)


def admin_kwargs(name: str, world: World) -> dict[str, Any]:
    """Parameters of admin URLs: a real row of the page's model where it takes one (the gate answers
    before any lookup, so the row matters only to make the URL real)."""
    pattern = next(p for p in named_patterns() if p.name == name)
    wanted = set(pattern.pattern.regex.groupindex)
    model = next(
        (
            m
            for m in admin.site._registry
            if name.startswith(f"admin:{m._meta.app_label}_{m._meta.model_name}_")
        ),
        None,
    )
    row = model._default_manager.order_by("pk").first() if model is not None else None
    values: dict[str, Any] = {
        "app_label": "regions",
        "object_id": row.pk if row is not None else 0,
        "pk": row.pk if row is not None else 0,
        "id": world.users["bawaslu_kab_sleman"].pk,
        "content_type_id": ContentType.objects.get_for_model(Report).pk,
    }
    if "content_type_id" in wanted:
        values["object_id"] = world.report.pk
    return {key: values[key] for key in wanted}


# --- walking the resolver -----------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    name: str  # with its namespaces, e.g. "admin:auth_group_change"
    pattern: Any


def _walk(resolver: URLResolver, namespace: str) -> Iterator[Named]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield Named(f"{namespace}:{entry.name}" if namespace else entry.name, entry.pattern)


@functools.cache
def named_patterns() -> list[Named]:
    """Every named URL pattern of the project, the first of each name (the one `reverse` uses)."""
    seen: dict[str, Named] = {}
    for named in _walk(get_resolver(), ""):
        seen.setdefault(named.name, named)
    return list(seen.values())


URL_NAMES = sorted(named.name for named in named_patterns())


def rule_for(name: str) -> Expect:
    if name.startswith("admin:"):
        return admin_rule(name)
    if name not in EXPECTED:
        pytest.fail(
            f"The URL {name!r} has no access rule in tests/test_url_access.py. Add it to EXPECTED: who gets "
            "200, who is sent to the login (302), who 403, and who 404 because the object lies outside "
            "their scope (the view must check `scope_for(user)` / `visible_to(user)`).",
            pytrace=False,
        )
    return EXPECTED[name]


# --- requesting ---------------------------------------------------------------------------------


def request(world: World, who: str, method: str, url: str, rule: Expect) -> Any:
    client = world.clients[who]
    send = client.get if method == "GET" else client.post
    response = send(url, headers=rule.headers(world) if rule.headers else None)
    # File downloads hold an open file. Closing a response sends `request_finished`, whose
    # `close_old_connections` would close the database connection in the middle of the module's
    # transaction (PostgreSQL); Django's test client disconnects it the same way.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return response


def check(world: World, name: str, rule: Expect) -> list[str]:
    """The differences between the rule and the answers, one line each (empty: all as expected)."""
    url = reverse(name, kwargs=rule.kwargs(world) if rule.kwargs else None)
    if rule.query:
        url += "?" + rule.query
    wrong = []
    for method, statuses in (("GET", rule.get), ("POST", rule.post)):
        for who, expected in statuses.items():
            response = request(world, who, method, url, rule)
            got = response.status_code
            if got != expected:
                wrong.append(f"{method} {url} as {who}: {got}, expected {expected}")
            elif got == 302 and who == ANONYMOUS and rule.login:
                target, login = response["Location"], reverse(rule.login)
                if not target.startswith(login + "?"):
                    wrong.append(f"{method} {url} as {who}: redirected to {target}, not to the login {login}")
    return wrong


@pytest.mark.parametrize("name", URL_NAMES)
def test_every_url_answers_each_role_as_its_rule_says(world: World, name: str) -> None:
    rule = rule_for(name)
    wrong = check(world, name, rule)
    assert not wrong, f"{name}: the answers differ from the rule in EXPECTED:\n" + "\n".join(wrong)


def test_the_table_names_only_urls_that_exist() -> None:
    stale = set(EXPECTED) - set(URL_NAMES)
    assert not stale, f"Rules for URLs that no longer exist (remove them from EXPECTED): {sorted(stale)}"


def test_every_rule_says_what_everyone_gets() -> None:
    """Outside the admin, each rule gives the GET status of every one of EVERYONE (nobody left out)."""
    for name, rule in EXPECTED.items():
        assert set(rule.get) == set(EVERYONE), f"{name}: the rule leaves out {set(EVERYONE) - set(rule.get)}"
        assert set(rule.post) <= set(EVERYONE), name
