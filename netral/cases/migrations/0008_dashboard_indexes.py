"""Partial indexes for the analytics dashboards at a million cases (netral/analytics/queries), PostgreSQL.

- transitions that change the state, by (to_state, case_id) WHERE from_state <> to_state: "how many cases
  entered state S" (funnel, public statistics, drill-down by stage) excludes the steps that keep the state,
  so with this index it is an index-only scan or probe (the old full index of 0006 had to visit the table
  for from_state). It replaces `cases_tr_state_case_idx` of 0006 (same columns, nothing else uses it);
- the PPK follow-up deadlines, by case_id with the columns the PPK compliance table reads (state, due_at,
  met_at) WHERE clock = 'ppk.follow_up': an index-only scan of those rows instead of all deadlines.

SQL run by the migration (not Meta.indexes), like 0006, so the cases models stay as their owners wrote them.
No-ops on SQLite (a development database; the counts are the same without the indexes).
"""

from django.db import migrations


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL run only on PostgreSQL, a no-op on SQLite (a frozen copy: migrations import no netral code)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


FORWARD = (
    "CREATE INDEX IF NOT EXISTS cases_tr_entry_idx ON cases_transition (to_state, case_id) "
    "WHERE from_state <> to_state",
    "DROP INDEX IF EXISTS cases_tr_state_case_idx",
    "CREATE INDEX IF NOT EXISTS cases_deadline_ppk_fu_idx ON cases_deadline (case_id) "
    "INCLUDE (state, due_at, met_at) WHERE clock = 'ppk.follow_up'",
)
REVERSE = (
    "DROP INDEX IF EXISTS cases_deadline_ppk_fu_idx",
    "CREATE INDEX IF NOT EXISTS cases_tr_state_case_idx ON cases_transition (to_state, case_id)",
    "DROP INDEX IF EXISTS cases_tr_entry_idx",
)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_tasks_assignments"),
    ]

    operations = [PostgresOnlySQL(FORWARD, REVERSE, elidable=False)]
