"""The letters a case produces, as PDF (WeasyPrint), in Indonesian.

Six kinds (`DocumentKind`): receipt of report (tanda terima), initial-review result (kajian awal), study
result (kajian), forwarding letter (penerusan), recommendation (rekomendasi) and the Kemendagri warning
letter (peringatan). A kind is available once the case has *entered* one of the states that produce it
(`PRODUCED_BY`, derived from `workflow.STEPS` and read from the Transition rows), to the roles of
`KIND_ROLES`, and always on top of `Case.objects.visible_to(user)` (the caller's check). Only the receipt
and the initial-review result can carry the reporter's identity, and only for a user entitled to see it
(`intake.services.can_see_reporter_identity`: Bawaslu of the case's area, data custodians); every document
for the ASN authority, the PPK or Kemendagri is without it.

`issue(case, kind, user)` renders the HTML (templates `cases/documents/<kind>.html`), converts it to PDF,
stores a `Document` row (number, SHA-256 of the PDF, issuer, moment) and writes the audit entry
`cases.document_issued`. Without WeasyPrint or the system's Pango library it raises `PdfUnavailable`
(the view answers 503 with that message, never a 500).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netral.accounts.models import Institution, Role, User
from netral.accounts.services import BAWASLU_RI, KEMENDAGRI, bawaslu_code
from netral.audit.services import record
from netral.cases import workflow
from netral.cases.models import Case, Deadline, Document, DocumentKind, Recommendation, Transition
from netral.intake.services import IdentityDecryptionError, can_see_reporter_identity, reporter_identity

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

K = DocumentKind
BAWASLU = frozenset({"bawaslu_staff", "bawaslu_commissioner"})
AUTHORITY = frozenset({"authority_analyst"})
PPK = frozenset({"ppk_officer"})
KEMENDAGRI_ROLES = frozenset({"kemendagri_officer"})
OPERATORS = frozenset({"administrator", "data_custodian"})

# The states whose entry produces each document.
# The states a case reaches by the steps that produce each document (`workflow.Step.document`).
PRODUCED_BY: dict[str, frozenset[str]] = {kind: workflow.produced_by(kind) for kind in DocumentKind.values}
# The roles that may have each document (Bawaslu's own working papers stay with Bawaslu).
KIND_ROLES: dict[str, frozenset[str]] = {
    K.RECEIPT: BAWASLU | OPERATORS,
    K.INITIAL_REVIEW: BAWASLU | OPERATORS,
    K.STUDY: BAWASLU | AUTHORITY | OPERATORS,
    K.FORWARDING: BAWASLU | AUTHORITY | OPERATORS,
    K.RECOMMENDATION: BAWASLU | AUTHORITY | PPK | KEMENDAGRI_ROLES | OPERATORS,
    K.WARNING: BAWASLU | AUTHORITY | PPK | KEMENDAGRI_ROLES | OPERATORS,
}
# The only documents that may name the reporter (for an entitled user).
IDENTITY_KINDS = frozenset({K.RECEIPT, K.INITIAL_REVIEW})
# The transition whose actor signs each document (the latest one); otherwise the issuing user signs.
SIGNED_BY: dict[str, tuple[str, ...]] = {
    K.INITIAL_REVIEW: ("register", "reject_formal", "reject_expired"),
    K.STUDY: ("decide_violation", "decide_not_violation", "to_plenary"),
    K.FORWARDING: ("forward_to_authority", "forward_to_gakkumdu", "forward_to_other"),
    K.RECOMMENDATION: ("recommend",),
    K.WARNING: ("warn_ppk",),
}
CODES: dict[str, str] = {
    K.RECEIPT: "TT",
    K.INITIAL_REVIEW: "KA",
    K.STUDY: "KJ",
    K.FORWARDING: "PN",
    K.RECOMMENDATION: "RK",
    K.WARNING: "SP",
}
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
# WeasyPrint logs every rendering step at INFO; only its warnings belong in the server's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class DocumentError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DocumentNotAvailable(DocumentError):
    """Unknown kind, or the case has not reached the state that produces it (404)."""


class DocumentForbidden(DocumentError):
    """The user's role may not have this document (403)."""


class PdfUnavailable(DocumentError):
    """WeasyPrint or the system's Pango library is missing (503)."""


# --- dates in Indonesian --------------------------------------------------------------------------------


def tanggal(day: dt.date | None) -> str:
    """`14 Oktober 2024`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else "-"


def hari_tanggal(day: dt.date) -> str:
    """`Senin, 14 Oktober 2024`."""
    return f"{DAYS[day.weekday()]}, {tanggal(day)}"


def waktu(moment: dt.datetime | None, case: Case) -> str:
    """`Senin, 14 Oktober 2024 pukul 10.00 WIB` in the case's region time."""
    if moment is None:
        return "-"
    local = moment.astimezone(case.region.zoneinfo)
    return f"{hari_tanggal(local.date())} pukul {local:%H.%M} {case.region.timezone}"


# --- availability and access ----------------------------------------------------------------------------


def _role(user: RequestUser) -> str:
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return ""
    return "administrator" if user.is_superuser else str(getattr(user, "role", ""))


def entered_states(case: Case) -> set[str]:
    return set(Transition.objects.filter(case=case).values_list("to_state", flat=True))


def is_available(kind: str, entered: set[str]) -> bool:
    return bool(PRODUCED_BY[kind] & entered)


def may_have(kind: str, user: RequestUser) -> bool:
    return _role(user) in KIND_ROLES[kind]


def document_rows(case: Case, user: RequestUser) -> list[dict[str, Any]]:
    """The kinds this user may have, each with whether it is available yet and its issued copies."""
    entered = entered_states(case)
    issued: dict[str, list[Document]] = {}
    for document in (
        Document.objects.filter(case=case).select_related("issued_by").order_by("issued_at", "pk")
    ):
        issued.setdefault(document.kind, []).append(document)
    return [
        {
            "kind": kind,
            "label": label,
            "available": is_available(kind, entered),
            "issued": issued.get(kind, []),
        }
        for kind, label in DocumentKind.choices
        if may_have(kind, user)
    ]


def check(case: Case, kind: str, user: RequestUser) -> None:
    """Raise DocumentNotAvailable / DocumentForbidden; the case must already be visible to `user`."""
    if kind not in DocumentKind.values:
        raise DocumentNotAvailable(_("Unknown document."))
    if not may_have(kind, user):
        raise DocumentForbidden(_("Your role may not have this document."))
    if not is_available(kind, entered_states(case)):
        raise DocumentNotAvailable(_("This document is not available before the case reaches its step."))


# --- contents -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signatory:
    name: str
    position: str
    institution: str


def _institution(code: str) -> Institution | None:
    return Institution.objects.filter(code=code).first()


def issuing_institution(case: Case, kind: str) -> Institution | None:
    """Whose letterhead: Bawaslu of the case's region (or the nearest above), the ASN authority for the
    recommendation, Kemendagri for the warning."""
    if kind == K.RECOMMENDATION:
        return case.authority
    if kind == K.WARNING:
        return _institution(KEMENDAGRI)
    code = case.region_id
    while code:
        found = _institution(bawaslu_code(code))
        if found is not None:
            return found
        code = code.rpartition(".")[0]
    return _institution(BAWASLU_RI)


def _signatory(case: Case, kind: str, user: User) -> Signatory:
    signer = user
    actions = SIGNED_BY.get(kind)
    if actions:
        row = (
            Transition.objects.filter(case=case, action__in=actions, actor__isnull=False)
            .select_related("actor__institution")
            .order_by("at", "pk")
            .last()
        )
        if row is not None and row.actor is not None:
            signer = row.actor
    role = getattr(signer, "role", "")
    position = str(Role(role).label) if role in Role.values else role
    institution = getattr(signer, "institution", None)
    name = signer.get_full_name() or signer.get_username()
    return Signatory(name=name, position=position, institution=institution.name if institution else "")


def carries_identity(case: Case, kind: str, user: RequestUser) -> bool:
    """Whether this user's copy of this document names a reporter (a named report, an entitled user)."""
    return kind in IDENTITY_KINDS and any(
        link.report.reporter_identity_token
        and not link.report.anonymous
        and can_see_reporter_identity(link.report, user)
        for link in case.case_reports.select_related("report")
    )


def _reporter_text(case: Case, user: User, with_identity: bool) -> str:
    names: list[str] = []
    for link in case.case_reports.select_related("report", "report__region").order_by("added_at", "pk"):
        report = link.report
        if report.anonymous or not report.reporter_identity_token:
            names.append(_("Anonymous"))
        elif not with_identity:
            names.append(_("Withheld (the reporter's identity is protected)"))
        else:
            try:
                identity = reporter_identity(report, user=user)  # audited disclosure
            except IdentityDecryptionError:
                identity = None
            names.append(identity.name if identity and identity.name else _("Withheld"))
    return "; ".join(names) or "-"


def _deadline(case: Case, clock_suffix: str) -> Deadline | None:
    return Deadline.objects.filter(case=case, clock__endswith=clock_suffix).order_by("pk").last()


def _last(case: Case, actions: tuple[str, ...]) -> Transition | None:
    return Transition.objects.filter(case=case, action__in=actions).order_by("at", "pk").last()


def build_context(case: Case, kind: str, user: User, *, number: str, at: dt.datetime) -> dict[str, Any]:
    """Everything a document template needs (Indonesian dates, letterhead, signatory)."""
    from netral.cases.forwarding import build_contents  # the package's case summary, never identity

    with_identity = carries_identity(case, kind, user)
    summary = build_contents(case, redacted=True)
    institution = issuing_institution(case, kind)
    recommendation = Recommendation.objects.filter(case=case).select_related("item", "agency").last()
    initial = _last(case, SIGNED_BY[K.INITIAL_REVIEW])
    decision = _last(case, ("decide_violation", "decide_not_violation"))
    forwarding = _last(case, SIGNED_BY[K.FORWARDING])
    route = case.external_routes.order_by("pk").last() if hasattr(case, "external_routes") else None
    follow_up = _deadline(case, "ppk.follow_up")
    after_warning = _deadline(case, "ppk.follow_up_after_warning")
    # The letter is dated on the step that produced it (a later copy keeps that date; the footer says
    # when the copy was issued).
    produced = (
        Transition.objects.filter(case=case, to_state__in=PRODUCED_BY[kind]).order_by("at", "pk").last()
    )
    local_day = (produced.at if produced else at).astimezone(case.region.zoneinfo).date()
    return {
        "kind": kind,
        "title": DocumentKind(kind).label,
        "number": number,
        "case": case,
        "summary": summary,
        "institution": institution,
        "letterhead": (institution.name if institution else "Bawaslu").upper(),
        "place_date": f"{case.region.name}, {tanggal(local_day)}",
        "issued_at": waktu(at, case),
        "received": waktu(case.received_at, case),
        "with_identity": with_identity,
        "reporter": _reporter_text(case, user, with_identity),
        "initial": initial,
        "initial_at": waktu(initial.at, case) if initial else "-",
        "initial_review_due": tanggal(d.due_date) if (d := _deadline(case, "initial_review")) else "-",
        "decision": decision,
        "decision_at": waktu(decision.at, case) if decision else "-",
        "forwarding": forwarding,
        "forwarding_at": waktu(forwarding.at, case) if forwarding else "-",
        "authority": case.authority,
        "route": route,
        "recommendation": recommendation,
        "recommendation_at": waktu(recommendation.created_at, case) if recommendation else "-",
        "follow_up_due": tanggal(follow_up.due_date) if follow_up else "-",
        "after_warning_due": tanggal(after_warning.due_date) if after_warning else "-",
        "signatory": _signatory(case, kind, user),
    }


def render_html(case: Case, kind: str, user: User, *, number: str, at: dt.datetime) -> str:
    """The document's HTML, in Indonesian whatever the user's language."""
    with translation.override("id"):
        context = build_context(case, kind, user, number=number, at=at)
        return render_to_string(f"cases/documents/{kind}.html", context)


# --- PDF and issuing ------------------------------------------------------------------------------------


def pdf_engine() -> Any:
    """WeasyPrint's HTML class, or PdfUnavailable when it or the system's Pango cannot be loaded."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(
            _(
                "PDF documents cannot be produced on this server: WeasyPrint or the system's Pango "
                "library is not installed. Ask the administrator (see docs/documents.md)."
            )
        ) from exc
    return HTML


def to_pdf(html: str) -> bytes:
    engine = pdf_engine()
    return bytes(engine(string=html, base_url=None).write_pdf())


@dataclass(frozen=True)
class Issued:
    document: Document
    pdf: bytes
    html: str


def _next_sequence(case: Case, kind: str) -> int:
    last = Document.objects.filter(case=case, kind=kind).aggregate(last=Max("sequence"))["last"]
    return (last or 0) + 1


def issue(case: Case, kind: str, user: User, *, at: dt.datetime | None = None) -> Issued:
    """Check, render, convert and record one document issue (see the module docstring)."""
    check(case, kind, user)
    pdf_engine()  # fail before any identity is read
    at = at or timezone.now()
    for _attempt in range(3):
        sequence = _next_sequence(case, kind)
        number = f"{case.number}/{CODES[kind]}/{sequence}"
        html = render_html(case, kind, user, number=number, at=at)
        pdf = to_pdf(html)
        digest = hashlib.sha256(pdf).hexdigest()
        try:
            with transaction.atomic():
                document = Document.objects.create(
                    case=case,
                    kind=kind,
                    sequence=sequence,
                    number=number,
                    sha256=digest,
                    with_identity=carries_identity(case, kind, user),
                    issued_by=user,
                    issued_at=at,
                )
                record(
                    "cases.document_issued",
                    actor=user,
                    obj=document,
                    data={"number": case.number, "document": number, "kind": kind, "sha256": digest},
                )
        except IntegrityError:
            continue  # someone issued the same sequence at the same moment: take the next one
        return Issued(document=document, pdf=pdf, html=html)
    raise RuntimeError("could not allocate a document number")  # pragma: no cover
