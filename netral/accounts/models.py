"""Institutions, users and roles. A staff user's institution sets their scope (see scope.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.accounts.scope import NATIONAL_ROLES, scope_for
from netral.accounts.types import signed_in

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class InstitutionQuerySet(models.QuerySet["Institution"]):
    def visible_to(self, user: RequestUser | None) -> InstitutionQuerySet:
        """National users: every institution. Regional users: institutions in their province or
        regency/city. PPK officers: their own office. Everyone sees their own institution."""
        staff = signed_in(user)
        if staff is None:
            return self.none()
        scope = scope_for(staff)
        if scope.national:
            return self.all()
        condition = scope.region_q("region")
        if staff.institution_id is not None:
            condition |= models.Q(pk=staff.institution_id)
        return self.filter(condition)


class Institution(models.Model):
    class Kind(models.TextChoices):
        BAWASLU = "bawaslu", _("Bawaslu (election supervisor)")
        ASN_AUTHORITY = "asn_authority", _("ASN authority")
        PPK = "ppk", _("PPK office (employer)")
        KEMENDAGRI = "kemendagri", _("Ministry of Home Affairs")
        OPERATOR = "operator", _("system operator")

    code = models.CharField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The region sets the scope: a province or regency/city; empty means national.
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="institutions",
        verbose_name=_("region"),
    )
    # For PPK offices: the agency whose civil servants they sanction.
    agency = models.ForeignKey(
        "personnel.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="institutions",
        verbose_name=_("agency"),
    )
    # The ASN authority changes over time (KASN, then BKN, then a new body): the dates say when.
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    BAWASLU_STAFF = "bawaslu_staff", _("Bawaslu staff")
    BAWASLU_COMMISSIONER = "bawaslu_commissioner", _("Bawaslu commissioner")
    AUTHORITY_ANALYST = "authority_analyst", _("ASN authority analyst")
    PPK_OFFICER = "ppk_officer", _("PPK officer")
    KEMENDAGRI_OFFICER = "kemendagri_officer", _("Kemendagri officer")
    ADMINISTRATOR = "administrator", _("Administrator")
    DATA_CUSTODIAN = "data_custodian", _("Data custodian")


# Which institution kind each role belongs to (administrators and data custodians: the operator).
ROLE_INSTITUTION_KIND: dict[str, str] = {
    Role.BAWASLU_STAFF: Institution.Kind.BAWASLU,
    Role.BAWASLU_COMMISSIONER: Institution.Kind.BAWASLU,
    Role.AUTHORITY_ANALYST: Institution.Kind.ASN_AUTHORITY,
    Role.PPK_OFFICER: Institution.Kind.PPK,
    Role.KEMENDAGRI_OFFICER: Institution.Kind.KEMENDAGRI,
    Role.ADMINISTRATOR: Institution.Kind.OPERATOR,
    Role.DATA_CUSTODIAN: Institution.Kind.OPERATOR,
}


def is_administrator(user: RequestUser) -> bool:
    """Active superusers and administrators (`Scope.is_administrator`)."""
    return scope_for(user).is_administrator


class UserQuerySet(models.QuerySet["User"]):
    def visible_to(self, user: RequestUser | None) -> UserQuerySet:
        """Administrators: every user. Others: the users of their own institution (or only
        themselves when they have none). Anonymous and inactive users: nobody."""
        staff = signed_in(user)
        if staff is None:
            return self.none()
        if is_administrator(staff):
            return self.all()
        if staff.institution_id is None:
            return self.filter(pk=staff.pk)
        return self.filter(institution_id=staff.institution_id)


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    """Django's user manager with `visible_to`."""

    # Not in the migration state: the migrations keep no reference to this live class (they import no
    # netral code), and none of them needs `create_user` or `visible_to`.
    use_in_migrations = False


class User(AbstractUser):
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True, default="")
    language = models.CharField(
        _("language"), max_length=5, default="id", choices=[("id", "Bahasa Indonesia"), ("en", "English")]
    )

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        check_role_institution(self.role, self.institution)


def check_role_institution(role: str, institution: Institution | None) -> None:
    """A role needs an institution of the matching kind (administrators and custodians may have none)."""
    if not role:
        return
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role %(role)s.") % {"role": role}})
    if institution is None:
        if role not in NATIONAL_ROLES:
            raise ValidationError({"institution": _("This role needs an institution.")})
        return
    expected = ROLE_INSTITUTION_KIND[role]
    if institution.kind != expected:
        raise ValidationError(
            {
                "institution": _("A %(role)s must belong to an institution of kind %(kind)s, not %(actual)s.")
                % {
                    "role": Role(role).label,
                    "kind": Institution.Kind(expected).label,
                    "actual": Institution.Kind(institution.kind).label,
                }
            }
        )
