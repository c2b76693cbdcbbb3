"""Each item of a letter stores the body regions it is for (``DecisionItem.regions``), read
as the precedent panel reads the case under review's item
(``domain.treatment_words.item_regions``): those its treatment names ("MRI of the left
knee": knee; "Massage to the upper back": thoracic), or, for a course given to a body part
that names none ("PT 2x6"), the one region its letter's diagnoses name (listed, or, as a
published letter writes them, the sentences of its summary stating them). A cohort tests one
region as a substring of the column, where it tested the region's words in the item's
text: a letter's "Physical therapy 2x6" was counted for no region although its diagnoses
named the lumbar spine, and an item on the "upper back" was counted as lumbar ("back").

A region taken from the diagnoses is marked ("*|lumbar|"), and an index of (category,
regions, decision) gives the newest letters holding such an item: the full-text index the
cohort's window is drawn from holds no diagnoses. The column is nullable, so SQLite adds
it in place (a NOT NULL column would rebuild the
table and drop its search and stamp triggers, 0002-0012). The backfill reads every letter's
document once, in batches, with the reading rules of the code that runs it; the rules
changing later need a migration that runs ``backfill`` again. Its updates reindex each
updated letter for search by trigger (the items' text is unchanged), which cost about as
much as storing it did, until the trigger was narrowed to the columns the index reads
(0016): it is narrowed here first, so the backfill writes the items alone."""

import importlib

from django.db import migrations, models

BATCH = 2_000


def backfill(apps, schema_editor):
    # The current reading, not a frozen copy: the column must agree with the panel's reading.
    from openimr.decisions.domain.item_regions import (  # noqa: PLC0415
        letter_diagnoses,
        stored_regions,
    )

    decision = apps.get_model("decisions", "Decision")
    item = apps.get_model("decisions", "DecisionItem")
    last = 0
    while True:
        batch = list(
            decision.objects.filter(id__gt=last)
            .order_by("id")
            .values_list("id", "document")[:BATCH]
        )
        if not batch:
            return
        last = batch[-1][0]
        documents = dict(batch)
        changed = []
        for row in item.objects.filter(decision_id__in=documents).only(
            "id", "decision_id", "position", "treatment", "category"
        ):
            document = documents[row.decision_id] or {}
            diagnoses = letter_diagnoses(
                document.get("diagnoses") or (), document.get("clinical_summary") or ""
            )
            items = document.get("items") or []
            own = items[row.position] if row.position < len(items) else {}
            codes = [str(c) for c in (own or {}).get("icd10") or ()]
            found = stored_regions(row.treatment, row.category, diagnoses, codes)
            if found:
                row.regions = found
                changed.append(row)
        item.objects.bulk_update(changed, ["regions"], batch_size=500)


def _0016():  # type: ignore[no-untyped-def]
    return importlib.import_module(
        "openimr.decisions.migrations.0016_search_item_update_of_indexed_columns"
    )


def _narrowed(apps, schema_editor):  # type: ignore[no-untyped-def]
    """The items' update trigger fires only for the columns the search index reads."""
    _0016().narrowed(apps, schema_editor)


def _widened(apps, schema_editor):  # type: ignore[no-untyped-def]
    _0016().widened(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0014_pg_search_folds_accents"),
    ]

    operations = [
        migrations.AddField(
            model_name="decisionitem",
            name="regions",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddIndex(
            model_name="decisionitem",
            index=models.Index(fields=["category", "regions", "decision"], name="item_regions"),
        ),
        migrations.RunPython(_narrowed, _widened),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
    ]
