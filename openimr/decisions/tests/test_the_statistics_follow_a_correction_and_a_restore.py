"""The statistics page's kept report follows every change of the corpus, as the kept search
pages do: it was kept by the number of letters and the last id, so a corrected outcome (the
same letters) left the overturn rates as they were for ten minutes, and so did a restore
followed by a new letter (whose id repeats that of a letter added after the backup)."""

import pytest
from django.core.cache import cache
from django.db import connection

from openimr.decisions import analytics
from openimr.decisions.corpus import TABLE
from openimr.decisions.models import Decision, DecisionItem
from openimr.decisions.services.kept_answers import kept_answers_forget
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    cache.clear()


def _rates() -> dict[str, tuple[int, int]]:
    rows = analytics.report()["category"]
    return {r.key: (r.count, r.overturned) for r in rows}  # type: ignore[union-attr]


def test_a_corrected_outcome_shows_in_the_rates_at_once():
    make_decision(case_number="CM16-0000001", items=[item(outcome="upheld")])
    assert _rates() == {"rehabilitation": (1, 0)}

    DecisionItem.objects.update(outcome="overturned")

    assert _rates() == {"rehabilitation": (1, 1)}


def test_a_restore_leaves_no_kept_report_behind():
    make_decision(case_number="CM16-0000001", items=[item(outcome="upheld")])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT stamp, removal FROM {TABLE} WHERE id = 1")
        at_backup = list(cursor.fetchone())
    make_decision(case_number="CM16-0000002", items=[item(outcome="overturned")])
    assert _rates() == {"rehabilitation": (2, 1)}

    # A restore: the backup's rows and stamps, then a letter whose id is the one the
    # letter added after the backup had.
    Decision.objects.filter(case_number="CM16-0000002").update(case_number="CM16-0000003")
    DecisionItem.objects.filter(decision__case_number="CM16-0000003").update(outcome="upheld")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET stamp = %s, removal = %s WHERE id = 1", at_backup)
    kept_answers_forget()

    assert _rates() == {"rehabilitation": (2, 0)}
