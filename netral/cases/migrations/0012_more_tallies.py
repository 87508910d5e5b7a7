"""`CaseTally`, `DimensionTally`, `WeekTally` and `PpkTally` (cases/models/tally.py): cases per state (now
and ever entered), per catalogue item, position class, employment and agency, per week received, and the
recommendations sent to the PPK with their follow-up outcome, by case attributes; `DeadlineTally` gets the
case's current state in its key (Kemendagri's selection is by state). From then on the action layer keeps
them (cases/tally/).

The tables are created empty. A migration imports no application code, and the counting rules live in one
place, `cases/tally/`, which counts with the installed models (a frozen copy here would be a second set of
rules that could drift from the first). So:
- a database with no cases yet (a fresh install: `netral setup`) needs nothing: empty tallies are exact,
  and the actions count every case from the first one;
- a database that already has cases gets a warning on the console: run
  `netral analytics tallies --rebuild` right after migrating (the dashboards count too little until then),
  and `netral analytics tallies --check` to confirm (docs/analytics.md, "Tallies").
(Until Dec 2026 this migration recounted the tallies itself by calling `cases.tally.rebuild` with the
historical models; databases migrated then are filled already.)"""

import sys

import django.db.models.deletion
from django.db import migrations, models

WARNING = (
    "\n  cases.0012_more_tallies: the database holds %(n)d cases; the dashboards' tallies were created empty."
    "\n  Run now:  netral analytics tallies --rebuild   (then --check: exit 0 when every tally row agrees)\n"
)


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    cases = apps.get_model("cases", "Case").objects.using(schema_editor.connection.alias)
    if cases.exists():
        sys.stderr.write(WARNING % {"n": cases.count()})


def empty(apps, schema_editor):  # type: ignore[no-untyped-def]
    # Backwards: the deadline tally loses the state from its key, so its rows would collide; it is left
    # empty, as 0011 created it (forwards again, then `netral analytics tallies --rebuild`).
    apps.get_model("cases", "DeadlineTally").objects.using(schema_editor.connection.alias).delete()


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
                    "daluwarsa",
                    models.IntegerField(
                        default=0, verbose_name="cases in the state reported after the window"
                    ),
                ),
            ],
            options={
                "verbose_name": "case tally",
                "verbose_name_plural": "case tallies",
            },
        ),
        migrations.CreateModel(
            name="DimensionTally",
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
                ("dimension", models.CharField(max_length=20, verbose_name="dimension")),
                ("value", models.CharField(blank=True, default="", max_length=60, verbose_name="value")),
                ("cases", models.IntegerField(default=0, verbose_name="cases")),
            ],
            options={
                "verbose_name": "dimension tally",
                "verbose_name_plural": "dimension tallies",
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
            ],
            options={
                "verbose_name": "PPK tally",
                "verbose_name_plural": "PPK tallies",
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
            ],
            options={
                "verbose_name": "week tally",
                "verbose_name_plural": "week tallies",
            },
        ),
        migrations.RemoveConstraint(
            model_name="deadlinetally",
            name="cases_deadline_tally_key",
        ),
        migrations.AddField(
            model_name="deadlinetally",
            name="state",
            field=models.CharField(default="", max_length=40, verbose_name="state"),
        ),
        migrations.AddConstraint(
            model_name="deadlinetally",
            constraint=models.UniqueConstraint(
                fields=("clock", "election", "region", "authority_key", "group", "state"),
                name="cases_deadline_tally_state_key",
            ),
        ),
        migrations.AddField(
            model_name="casetally",
            name="election",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="elections.election"
            ),
        ),
        migrations.AddField(
            model_name="casetally",
            name="region",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
            ),
        ),
        migrations.AddField(
            model_name="dimensiontally",
            name="election",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="elections.election"
            ),
        ),
        migrations.AddField(
            model_name="dimensiontally",
            name="region",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
            ),
        ),
        migrations.AddField(
            model_name="ppktally",
            name="election",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="elections.election"
            ),
        ),
        migrations.AddField(
            model_name="ppktally",
            name="region",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
            ),
        ),
        migrations.AddField(
            model_name="weektally",
            name="election",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="elections.election"
            ),
        ),
        migrations.AddField(
            model_name="weektally",
            name="region",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region"
            ),
        ),
        migrations.AddConstraint(
            model_name="casetally",
            constraint=models.UniqueConstraint(
                fields=("election", "region", "authority_key", "group", "state"), name="cases_case_tally_key"
            ),
        ),
        migrations.AddConstraint(
            model_name="dimensiontally",
            constraint=models.UniqueConstraint(
                fields=("election", "region", "authority_key", "group", "dimension", "value"),
                name="cases_dimension_tally_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="ppktally",
            constraint=models.UniqueConstraint(
                fields=("election", "region", "authority_key", "group", "state", "agency_key"),
                name="cases_ppk_tally_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="weektally",
            constraint=models.UniqueConstraint(
                fields=("election", "region", "authority_key", "group", "week"), name="cases_week_tally_key"
            ),
        ),
        migrations.RunPython(fill, empty),
    ]
