# A tie or a leave records where it came from, so that a panel import replaces only its own
# rows and never a conflict a reviewer disclosed to staff (LC 139.5(d); 8 CCR 9792.10.6).
# Rows stored before this migration have no known source: they are kept as staff's, so no
# disclosed conflict is lost; a later import does not duplicate the ones its file repeats
# (store.store_reviewer), and staff delete in the admin a tie that has ended.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviewers", "0003_assignment_withdrawn_by_staff"),
    ]

    operations = [
        migrations.AddField(
            model_name="affiliation",
            name="source",
            field=models.CharField(
                choices=[("file", "Panel file"), ("staff", "Staff")], default="staff", max_length=5
            ),
        ),
        migrations.AddField(
            model_name="leave",
            name="source",
            field=models.CharField(
                choices=[("file", "Panel file"), ("staff", "Staff")], default="staff", max_length=5
            ),
        ),
    ]
