"""Covering indexes for the deadline health and the PPK table at a million cases (netral/analytics/queries),
PostgreSQL only.

- recommendations by case_id INCLUDE (agency_id, id): the PPK table walks them in case order;
- cases by id INCLUDE (state, region_id, authority_id): the case's state (and the scope columns of Bawaslu
  and ASN-authority users) without visiting the 1,000,000-row table;
- deadlines by case_id INCLUDE (clock, state, due_at, met_at): the deadline health of a scoped selection is
  an index-only probe per selected case instead of a scan of every deadline.
With `analytics.queries.planner.without_hash_joins` the PPK table is a merge join of these index-only scans
with `cases_deadline_ppk_fu_idx` (0008). SQL run by the migration, like 0006 and 0008, so the cases models
stay as their owners wrote them. No-ops on SQLite.
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
    "CREATE INDEX IF NOT EXISTS cases_rec_case_agency_idx ON cases_recommendation (case_id) "
    "INCLUDE (agency_id, id)",
    "CREATE INDEX IF NOT EXISTS cases_case_scope_idx ON cases_case (id) "
    "INCLUDE (state, region_id, authority_id)",
    "CREATE INDEX IF NOT EXISTS cases_deadline_health_idx ON cases_deadline (case_id) "
    "INCLUDE (clock, state, due_at, met_at)",
)
REVERSE = (
    "DROP INDEX IF EXISTS cases_deadline_health_idx",
    "DROP INDEX IF EXISTS cases_case_scope_idx",
    "DROP INDEX IF EXISTS cases_rec_case_agency_idx",
)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_dashboard_indexes"),
    ]

    operations = [PostgresOnlySQL(FORWARD, REVERSE, elidable=False)]
