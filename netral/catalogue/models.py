"""The violation catalogue (docs/catalogue.md): groups, items, sanctions and legal bases.

The catalogue is data: a versioned file (`data/catalogue.json`) is loaded into these tables by
`services.load_reference_data()`, and administrators edit the rows in the Django admin.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db import models, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _english() -> bool:
    return (get_language() or "id").startswith("en")


class CatalogueVersion(models.Model):
    """One loaded version of the catalogue file; exactly one version is current."""

    version = models.CharField(_("version"), max_length=40, unique=True)
    source = models.TextField(_("source"))
    notes = models.JSONField(_("notes"), default=list, blank=True)
    # The penalty forms table of the file: sanction level -> {"basis", "forms": [{"id", "en"}]}.
    penalty_forms = models.JSONField(_("penalty forms"), default=dict, blank=True)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)
    is_current = models.BooleanField(_("current"), default=False)

    class Meta:
        ordering = ["-loaded_at"]
        verbose_name = _("catalogue version")
        verbose_name_plural = _("catalogue versions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="catalogue_one_current_version",
            )
        ]

    def __str__(self) -> str:
        return self.version

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Making a version current (also from the admin) makes every other version not current.
        with transaction.atomic():
            if self.is_current:
                CatalogueVersion.objects.exclude(pk=self.pk).filter(is_current=True).update(is_current=False)
            super().save(*args, **kwargs)

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        # save() un-marks the other current version, so the one-current rule is not a form error.
        super().validate_constraints(exclude={*(exclude or ()), "is_current"})


class ViolationGroup(models.Model):
    """A coarse "bentuk pelanggaran" every report is triaged into. Codes are fixed."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    label_id = models.CharField(_("label (Indonesian)"), max_length=120)
    label_en = models.CharField(_("label (English)"), max_length=120)
    description_id = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("violation group")
        verbose_name_plural = _("violation groups")

    def __str__(self) -> str:
        return f"{self.code} ({self.label})"

    @property
    def label(self) -> str:
        """The label in the active language."""
        return self.label_en if _english() else self.label_id

    @property
    def description(self) -> str:
        return self.description_en if _english() else self.description_id


class ViolationClass(models.TextChoices):
    ETHICS = "ethics", _("ethics")
    DISCIPLINE = "discipline", _("discipline")
    CRIMINAL = "criminal", _("criminal")


class SanctionLevel(models.TextChoices):
    MORAL = "moral", _("moral sanction")
    RINGAN = "ringan", _("light discipline (ringan)")
    SEDANG = "sedang", _("moderate discipline (sedang)")
    BERAT = "berat", _("heavy discipline (berat)")
    DISMISSAL = "dismissal", _("dismissal not with honour")
    CRIMINAL = "criminal", _("criminal penalty")


class Applies(models.TextChoices):
    """When, relative to the KPU candidate determination, the item is the right classification."""

    BEFORE = "before_determination", _("before candidate determination")
    AFTER = "after_determination", _("after candidate determination")
    ANY = "any", _("any time")


class CatalogueItem(models.Model):
    """One violation in one catalogue version (E = ethics, D = discipline, L = law-level)."""

    version = models.ForeignKey(
        CatalogueVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("version")
    )
    code = models.CharField(_("code"), max_length=10)
    group = models.ForeignKey(
        ViolationGroup, on_delete=models.PROTECT, related_name="items", verbose_name=_("group")
    )
    violation_class = models.CharField(_("class"), max_length=12, choices=ViolationClass.choices)
    sanction_level = models.CharField(_("sanction level"), max_length=12, choices=SanctionLevel.choices)
    sanction_forms = models.JSONField(_("sanction forms"), default=list, blank=True)
    legal_basis = models.TextField(_("legal basis"))
    act_id = models.TextField(_("act (Indonesian)"))
    act_en = models.TextField(_("act (English)"))
    applies = models.CharField(_("applies"), max_length=24, choices=Applies.choices, default=Applies.ANY)
    param = models.BooleanField(
        _("uncertain reading (editable parameter)"),
        default=False,
        help_text=_(
            "The sanction level is a reading of the law that is uncertain or changes between regimes."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["version", "order", "code"]
        verbose_name = _("catalogue item")
        verbose_name_plural = _("catalogue items")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="catalogue_item_code_per_version")
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def act(self) -> str:
        """The act in the active language."""
        return self.act_en if _english() else self.act_id
