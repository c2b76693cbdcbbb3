"""Each distinct wording notices are served in is kept once, in its own table keyed by its
SHA-256, instead of in every notice's facts (1.4 KB a notice); the wordings notices already
keep are moved there. A notice frozen before the wording was kept has none, as before."""

import django.db.models.deletion
from django.db import migrations, models

from openimr.cases.models.wording import wording_key

BATCH = 2000
WORDING = "wording"  # the key the wording had among a notice's facts


def move_wordings_out(apps, schema_editor):
    Notice = apps.get_model("cases", "Notice")
    NoticeWording = apps.get_model("cases", "NoticeWording")
    ids: dict[str, int] = dict(NoticeWording.objects.values_list("sha256", "id"))
    rows = Notice.objects.filter(facts__has_key=WORDING).only("id", "facts").order_by("id")
    pending = []
    for row in rows.iterator(chunk_size=BATCH):
        tables = row.facts.pop(WORDING)
        key = wording_key(tables)
        if key not in ids:
            ids[key] = NoticeWording.objects.create(sha256=key, tables=tables).id
        row.wording_id = ids[key]
        pending.append(row)
        if len(pending) == BATCH:
            Notice.objects.bulk_update(pending, ["facts", "wording"])
            pending = []
    Notice.objects.bulk_update(pending, ["facts", "wording"])


def move_wordings_back(apps, schema_editor):
    Notice = apps.get_model("cases", "Notice")
    NoticeWording = apps.get_model("cases", "NoticeWording")
    tables = dict(NoticeWording.objects.values_list("id", "tables"))
    rows = Notice.objects.filter(wording__isnull=False).only("id", "facts", "wording_id")
    pending = []
    for row in rows.order_by("id").iterator(chunk_size=BATCH):
        row.facts[WORDING] = tables[row.wording_id]
        pending.append(row)
        if len(pending) == BATCH:
            Notice.objects.bulk_update(pending, ["facts"])
            pending = []
    Notice.objects.bulk_update(pending, ["facts"])


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0009_claim_number_compared_however_written'),
    ]

    operations = [
        migrations.CreateModel(
            name='NoticeWording',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sha256', models.CharField(max_length=64, unique=True)),
                ('tables', models.JSONField()),
            ],
        ),
        migrations.AddField(
            model_name='notice',
            name='wording',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cases.noticewording'),
        ),
        migrations.RunPython(move_wordings_out, move_wordings_back, elidable=False),
    ]
