"""Deadlines carry a copy of their case's ASN authority (`Deadline.authority`), so the deadline health of an
ASN-authority user reads its deadlines directly (netral/analytics/queries/aggregates.py). Existing rows are
filled from their case; the partial index (covering on PostgreSQL) holds the authority's deadlines only."""

import django.db.models.deletion
from django.db import migrations, models


def copy_authority(apps, schema_editor):  # type: ignore[no-untyped-def]
    Case = apps.get_model("cases", "Case")
    Deadline = apps.get_model("cases", "Deadline")
    authority = Case.objects.filter(pk=models.OuterRef("case_id")).values("authority_id")[:1]
    Deadline.objects.filter(case__authority__isnull=False).update(authority_id=models.Subquery(authority))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_manager_and_role_labels"),
        ("cases", "0009_dashboard_indexes_2"),
    ]

    operations = [
        migrations.AddField(
            model_name="deadline",
            name="authority",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.institution",
                verbose_name="ASN authority",
            ),
        ),
        migrations.RunPython(copy_authority, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="deadline",
            index=models.Index(
                condition=models.Q(("authority__isnull", False)),
                fields=["authority", "clock"],
                include=("state", "due_at", "met_at"),
                name="cases_deadline_authority",
            ),
        ),
    ]
