"""`netral demo cases`: a realistic election's worth of cases, made through the real actions.

Every case is filed with `intake.services.submit_report` and walked with `cases.actions.transition`
and `cases.sanctions.*` (so transitions, deadlines, forwarding packages and the audit chain are what
real use would write), classified with `cases.classification.classify_case`. The mixes come from
`shape` (published shapes). Deterministic: a case's whole story is drawn from `Random(seed)` before
anything touches the database, and each report carries the idempotency key `demo-<seed>-<n>`, so a
second run with the same seed files nothing new and walks nothing again.

Most cases belong to the current election (default pilkada-2024, after BKN took over on 24 Aug
2024); a share belongs to an earlier one (pilkada-2020) and stops at the Bawaslu decision, which
gives the vulnerability index its "violations in past elections".
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from netral.audit.services import batch as audit_batch
from netral.cases import actions, sanctions
from netral.cases.models import Case, Recommendation
from netral.catalogue.services import item_for
from netral.elections.models import Election
from netral.outbox.services import unprocessed
from netral.regions.models import Region
from netral_gen.cases import shape
from netral_gen.cases.stories import UNREGISTERED, Story, actions_for, plan, summary

__all__ = ["DEFAULT_SIZE", "UNREGISTERED", "Story", "Walker", "plan", "run", "summary"]

# About one election's worth: Pemilu 2024 had 403 ASN reported (KASN), Pilkada 2024 433 findings and reports.
DEFAULT_SIZE = 450
_DAY = dt.timedelta(days=1)
BAWASLU_ACTIONS = frozenset(
    {"start_initial_review", "register", "reject_formal", "reject_expired", "start_clarification"}
    | {"start_study", "to_plenary", "forward_to_authority", "forward_to_gakkumdu", "forward_to_other"}
)


class Walker:
    """Takes each story's actions as the demo users (national Bawaslu, BKN, Kemendagri, the PPK)."""

    def __init__(self) -> None:
        from netral.accounts.models import User
        from netral.accounts.services import create_demo_users

        names = ("bawaslu.ri", "komisioner.ri", "bkn.analis", "kemendagri")
        users = {user.username: user for user in User.objects.filter(username__in=names, is_active=True)}
        if len(users) < len(names):
            create_demo_users()
            users = {user.username: user for user in User.objects.filter(username__in=names)}
        self.staff, self.commissioner = users["bawaslu.ri"], users["komisioner.ri"]
        self.analyst, self.kemendagri = users["bkn.analis"], users["kemendagri"]
        self._ppk_users: dict[int, Any] = {}
        self._elections = {election.code: election for election in Election.objects.all()}

    def ppk_user(self, agency: Any) -> Any:
        """A PPK officer of `agency` (a demo user without password where none exists)."""
        from netral.accounts.models import Role, User
        from netral.accounts.services import create_user, ppk_office_for_agency

        if agency.pk not in self._ppk_users:
            office = ppk_office_for_agency(agency)
            user = User.objects.filter(role=Role.PPK_OFFICER, institution=office, is_active=True).first()
            if user is None:
                user = create_user(f"demo.ppk.{agency.code}", role=Role.PPK_OFFICER, institution=office)
            self._ppk_users[agency.pk] = user
        return self._ppk_users[agency.pk]

    def file(self, story: Story, seed: int) -> Case | None:
        """File the report; None when this seed's report exists already (a re-run)."""
        from netral.intake.services import ReportedPersonInput, ReportInput, submit_report

        zone = Region.objects.get(code=story.region).zoneinfo
        received_day = story.received_at.astimezone(zone).date()
        known_on = received_day - (12 if story.known_late else int(story.steps[0])) * _DAY
        data = ReportInput(
            description=shape.DESCRIPTIONS[story.group],
            region_code=story.region,
            election=story.election,
            known_on=known_on,
            occurred_on=known_on - int(story.steps[1]) * _DAY,
            anonymous=True,
            reported=(
                ReportedPersonInput(name=story.name, position=shape.POSITION_TITLES[story.position_class]),
            ),
        )
        submitted = submit_report(
            data, channel="web", idempotency_key=f"demo-{seed}-{story.number}", received_at=story.received_at
        )
        if not submitted.created:
            return None
        return Case.objects.get(case_reports__report=submitted.report)

    def actor(self, action: str, agency: Any) -> Any:
        if action in BAWASLU_ACTIONS:
            return self.staff
        if action.startswith("decide_"):
            return self.commissioner
        if action in ("mark_ppk_overdue", "block"):
            return actions.SYSTEM
        if action == "warn_ppk":
            return self.kemendagri
        if action.startswith("record_"):
            return self.ppk_user(agency)
        return self.analyst

    def walk(self, case: Case, story: Story) -> None:
        """Take the story's actions in order, at the story's times (never later than now)."""
        at, now = story.received_at, timezone.now()
        agency = self._agency(story.region)
        for action, days in actions_for(story):
            at = min(at + dt.timedelta(days=days), now)
            actor = self.actor(action, agency)
            if action == "recommend":
                item = case.item or item_for(story.group, True)
                assert item is not None  # every group a case is forwarded for has catalogue items
                level = item.sanction_level if item.sanction_level in shape.SANCTION_FORMS else "berat"
                sanctions.recommend(case, actor=actor, at=at, item=item, sanction_level=level, agency=agency)
            elif action == "block":
                sanctions.block(
                    case, actor=actor, at=at, reason="Peringatan Kemendagri tidak ditindaklanjuti PPK."
                )
            elif action in ("record_sanction", "record_left_service"):
                recommendation = Recommendation.objects.filter(case=case).select_related("item").last()
                assert recommendation is not None
                if action == "record_left_service":
                    sanctions.record_left_service(recommendation, actor=actor, at=at)
                else:
                    decree = self._decree(story, shape.SANCTION_FORMS[recommendation.sanction_level])
                    sanctions.record_sanction(recommendation, actor=actor, decree=decree, at=at)
            else:
                case = actions.transition(case, action, actor=actor, at=at)
            case.refresh_from_db()
            if action == "register":
                self.classify(case, story, at)

    def _decree(self, story: Story, forms: list[str]) -> Any:
        day = story.received_at.date() + 40 * _DAY
        return sanctions.DecreeInput(
            number=f"800/{story.number + 1:04d}/DEMO/{day.year}",
            date=day,
            form=forms[story.form_index % len(forms)],
            start=day + 7 * _DAY,
            pppk=story.employment == "pppk",
        )

    def _agency(self, region_code: str) -> Any:
        from netral.personnel.services import agency_for_region

        return agency_for_region(region_code)

    def classify(self, case: Case, story: Story, at: dt.datetime) -> None:
        """Set the classification through `classify_case` (the one action that changes it)."""
        from netral.cases.classification import classify_case
        from netral.elections.services import is_determined

        election = self._elections[story.election]
        occurred = case.occurred_on or story.received_at.date()
        item = item_for(story.group, is_determined(election, occurred, case.region))
        classify_case(
            case,
            actor=self.staff,
            group=story.group,
            item=item,
            employment=story.employment,
            position_class=story.position_class,
            agency=self._agency(story.region),
            reason="Klasifikasi data demo.",
            at=at,
        )
        case.refresh_from_db()


def run(
    size: int = DEFAULT_SIZE,
    *,
    seed: int = 0,
    election_code: str = "pilkada-2024",
    past_code: str | None = "pilkada-2020",
    past_share: float = 0.15,
    progress: Callable[[int, int], None] | None = None,
    notify: bool = False,
) -> dict[str, Any]:
    """File and walk `size` demo cases; returns the planned `summary` plus how many were new."""
    election = Election.objects.get(code=election_code)
    past = Election.objects.filter(code=past_code).first() if past_code else None
    stories = plan(size, seed=seed, election=election, past=past, past_share=past_share)
    walker = Walker()
    created = 0
    # The demo replays past events: without `notify`, their outbox events are stored as skipped in each
    # case's own transaction, so nobody is notified about them.
    for index, story in enumerate(stories, start=1):
        with (
            contextlib.nullcontext() if notify else unprocessed(),
            audit_batch(),
        ):  # one audit append per case
            case = walker.file(story, seed)
            if case is not None:
                walker.walk(case, story)
                created += 1
        if progress is not None and index % 100 == 0:
            progress(index, len(stories))
    return {**summary(stories), "created": created}
