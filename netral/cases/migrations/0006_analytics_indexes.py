"""Composite indexes for the analytics dashboards (netral/analytics/queries).

Written as SQL run by the migration (not Meta.indexes), so the models stay as their owners wrote them:
- transitions by (to_state, case_id): the funnel counts entries per state with an index-only scan;
- cases by (region_id, received_at) and (election_id, received_at): region-prefix and period filters
  (on PostgreSQL the region column uses varchar_pattern_ops so `LIKE '34.%'` can use it);
- deadlines by (case_id, clock): the PPK follow-up clock joined 1:1 to each recommendation.
"""

from django.db import migrations

INDEXES = [
    ("cases_tr_state_case_idx", "cases_transition", "to_state, case_id"),
    ("cases_case_region_recv_idx", "cases_case", "region_id{pattern}, received_at"),
    ("cases_case_elec_recv_idx", "cases_case", "election_id, received_at"),
    ("cases_deadline_case_clock_idx", "cases_deadline", "case_id, clock"),
]


def create(apps, schema_editor):
    pattern = " varchar_pattern_ops" if schema_editor.connection.vendor == "postgresql" else ""
    for name, table, columns in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns.format(pattern=pattern)})"
        )


def drop(apps, schema_editor):
    for name, _table, _columns in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_documents_forwarding"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
