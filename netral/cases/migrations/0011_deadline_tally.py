"""`DeadlineTally` (cases/models/tally.py): ended deadlines counted by case attributes, created empty
(0012_more_tallies says how the tallies get filled); from then on kept by the action layer (cases/tally/).
The deadline health counts only open deadlines live now: a partial index of them replaces 0010's index of
every deadline by authority. On PostgreSQL, cases by (region prefix, id): the case ids of a province or
regency selection as an index-only scan, for the semi-join of its open deadlines; and by (state, id):
Kemendagri's selection (cases in three states), whose deadlines are still counted one by one."""

import django.db.models.deletion
from django.db import migrations, models


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL run only on PostgreSQL, a no-op on SQLite (a frozen copy: migrations import no netral code)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    # Nothing: 0012_more_tallies adds the case's state to the key and says what fills the tallies.
    return None


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0010_deadline_authority"),
        ("elections", "0001_initial"),
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="deadline", name="cases_deadline_authority"),
        migrations.AddIndex(
            model_name="deadline",
            index=models.Index(
                condition=models.Q(("state", "open")),
                fields=["case"],
                include=("clock", "due_at", "authority"),
                name="cases_deadline_open_health",
            ),
        ),
        migrations.CreateModel(
            name="DeadlineTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("clock", models.CharField(max_length=50, verbose_name="clock")),
                ("authority_key", models.PositiveIntegerField(default=0, verbose_name="ASN authority")),
                (
                    "group",
                    models.CharField(blank=True, default="", max_length=40, verbose_name="violation group"),
                ),
                ("on_time", models.IntegerField(default=0, verbose_name="met on time")),
                ("late", models.IntegerField(default=0, verbose_name="met late")),
                ("overdue", models.IntegerField(default=0, verbose_name="overdue")),
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
                "verbose_name": "deadline tally",
                "verbose_name_plural": "deadline tallies",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("clock", "election", "region", "authority_key", "group"),
                        name="cases_deadline_tally_key",
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        PostgresOnlySQL(
            (
                "CREATE INDEX IF NOT EXISTS cases_case_region_ids_idx ON cases_case "
                "(region_id varchar_pattern_ops, id)",
                "CREATE INDEX IF NOT EXISTS cases_case_state_ids_idx ON cases_case (state, id)",
            ),
            (
                "DROP INDEX IF EXISTS cases_case_state_ids_idx",
                "DROP INDEX IF EXISTS cases_case_region_ids_idx",
            ),
            elidable=False,
        ),
    ]
