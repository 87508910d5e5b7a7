"""`CaseTally`, `WeekTally` and `PpkTally` (cases/models_tally.py): cases per state (now and ever
entered), cases per week received, and recommendations sent to the PPK with their follow-up outcome, by
case attributes; filled from the existing rows, from then on kept by the action layer (cases/tally.py)."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    from netral.cases import tally

    tally.rebuild(lambda name: apps.get_model("cases", name), only=["CaseTally", "WeekTally", "PpkTally"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_deadline_tally"),
        ("elections", "0001_initial"),
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("authority_key", models.PositiveIntegerField(default=0, verbose_name="ASN authority")),
                (
                    "group",
                    models.CharField(blank=True, default="", max_length=40, verbose_name="violation group"),
                ),
                ("state", models.CharField(max_length=40, verbose_name="state")),
                ("current", models.IntegerField(default=0, verbose_name="cases in the state")),
                ("entered", models.IntegerField(default=0, verbose_name="cases that entered the state")),
                (
                    "election",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="elections.election"
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
                    ),
                ),
            ],
            options={
                "verbose_name": "case tally",
                "verbose_name_plural": "case tallies",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("election", "region", "authority_key", "group", "state"),
                        name="cases_case_tally_key",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="PpkTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("authority_key", models.PositiveIntegerField(default=0, verbose_name="ASN authority")),
                (
                    "group",
                    models.CharField(blank=True, default="", max_length=40, verbose_name="violation group"),
                ),
                ("state", models.CharField(max_length=40, verbose_name="state")),
                ("agency_key", models.PositiveIntegerField(default=0, verbose_name="addressed agency")),
                ("received", models.IntegerField(default=0, verbose_name="received")),
                ("on_time", models.IntegerField(default=0, verbose_name="met on time")),
                ("late", models.IntegerField(default=0, verbose_name="met late")),
                ("overdue", models.IntegerField(default=0, verbose_name="overdue")),
                ("blocks", models.IntegerField(default=0, verbose_name="block requests")),
                (
                    "election",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="elections.election"
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
                    ),
                ),
            ],
            options={
                "verbose_name": "PPK tally",
                "verbose_name_plural": "PPK tallies",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("election", "region", "authority_key", "group", "state", "agency_key"),
                        name="cases_ppk_tally_key",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="WeekTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("authority_key", models.PositiveIntegerField(default=0, verbose_name="ASN authority")),
                (
                    "group",
                    models.CharField(blank=True, default="", max_length=40, verbose_name="violation group"),
                ),
                ("week", models.DateField(verbose_name="week (Monday)")),
                ("cases", models.IntegerField(default=0, verbose_name="cases")),
                (
                    "election",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="elections.election"
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
                    ),
                ),
            ],
            options={
                "verbose_name": "week tally",
                "verbose_name_plural": "week tallies",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("election", "region", "authority_key", "group", "week"),
                        name="cases_week_tally_key",
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
