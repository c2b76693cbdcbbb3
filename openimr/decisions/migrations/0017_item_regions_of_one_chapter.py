"""The body regions stored with each letter's item (``DecisionItem.regions``, 0015) read
again under the rules of ``domain.item_regions.diagnosed_regions`` as they now are: a course
naming no part whose letter's diagnoses name several now takes one when they come to one
part or guideline chapter ("finger of the right hand and trigger finger of the right thumb":
the hand), "thoracic back" is the thoracic spine alone, and "cervicalgia" and "lumbago" name
the neck and the low back. Only the items those rules can change are read (a course for a
part whose region came from the diagnoses or is none, and an item naming the back or those
pains), and only a changed one is written: each write moves the corpus stamps and, where
the items' update trigger fires on any column, reindexes its letter for search. A letter stored
without its document (``{}``: a corpus `bench/search_load.py` loaded, whose items took their
regions from the generated case) is left as it is: there is nothing to read its diagnoses
from, and reading none would take away the regions it has."""

from django.db import migrations
from django.db.models import Q

BATCH = 2_000
# As treatment_words.FOR_A_PART, frozen: the items this migration may change.
FOR_A_PART = ("rehabilitation", "chiropractic", "acupuncture")


def refresh(apps, schema_editor):
    from openimr.decisions.domain.item_regions import (  # noqa: PLC0415
        letter_diagnoses,
        stored_regions,
    )

    decision = apps.get_model("decisions", "Decision")
    item = apps.get_model("decisions", "DecisionItem")
    diagnosed = Q(regions__isnull=True) | Q(regions__startswith="*")
    named = Q(treatment__icontains="back")
    named |= Q(treatment__icontains="cervicalgia") | Q(treatment__icontains="lumbago")
    candidates = item.objects.filter((Q(category__in=FOR_A_PART) & diagnosed) | named)
    last = 0
    while True:
        rows = list(
            candidates.filter(decision_id__gt=last)
            .order_by("decision_id", "position")
            .only("id", "decision_id", "position", "treatment", "category", "regions")[:BATCH]
        )
        if not rows:
            return
        last = rows[-1].decision_id
        # The last letter's items may go on past the batch: read them all.
        rows += list(
            candidates.filter(decision_id=last)
            .exclude(id__in=[r.id for r in rows])
            .only("id", "decision_id", "position", "treatment", "category", "regions")
        )
        documents = dict(
            decision.objects.filter(id__in={r.decision_id for r in rows}).values_list(
                "id", "document"
            )
        )
        changed = []
        for row in rows:
            document = documents.get(row.decision_id)
            if not document:
                continue
            diagnoses = letter_diagnoses(
                document.get("diagnoses") or (), document.get("clinical_summary") or ""
            )
            items = document.get("items") or []
            own = items[row.position] if row.position < len(items) else {}
            codes = [str(c) for c in (own or {}).get("icd10") or ()]
            found = stored_regions(row.treatment, row.category, diagnoses, codes)
            if found != row.regions:
                row.regions = found
                changed.append(row)
        item.objects.bulk_update(changed, ["regions"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0016_search_item_update_of_indexed_columns"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=False),
    ]
