"""A letter writing "Neck_pain" holds the words "neck" and "pain" on both databases, as
PostgreSQL's parser reads it: SQLite's tokenizer keeps "_" inside a token (for the filter
tags), so its index had held the one token "neck_pain", which neither word found there
(migration 0020). Whoever writes the letter (the store's batch, the ORM, a change), and
after the upgrade for the letters already stored; the snippet shows the "_" the letter
wrote. A specialty's accents are folded alike too (0020, PostgreSQL). Run on each database
(DATABASE_URL for PostgreSQL)."""

import importlib

import pytest

from openimr.decisions.models import Decision, DecisionItem
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision
from openimr.decisions.tests.test_search_index_follows_every_write import ingest, letter
from tests.migrating import back_at, migrate_to

_0020 = importlib.import_module(
    "openimr.decisions.migrations.0020_search_parts_words_at_underscores_and_folds_specialties"
)
BEFORE = [("decisions", "0019_search_numbers_whole")]
AFTER = [("decisions", _0020.__name__.rsplit(".", 1)[1])]


def found(**params: str) -> list[str]:
    hits = search(parse({**params, "per_page": "100"})).hits
    return sorted(h.case_number for h in hits)


@pytest.mark.django_db
def test_each_word_finds_a_letter_the_store_or_the_orm_wrote_and_its_changes():
    injection = ("Trigger_point injection", "injections", "upheld", "MTUS")
    ingest(letter("CM17-0000001", "Neck_pain at rest.", injection))
    make_decision(case_number="CM16-0000002", summary="Shoulder_pain; 5_3 noted.")
    assert found(q="pain") == ["CM16-0000002", "CM17-0000001"]
    assert found(q="neck pain") == ["CM17-0000001"]
    assert found(q="trigger point") == ["CM17-0000001"]
    assert found(q="5") == ["CM16-0000002"]
    Decision.objects.filter(case_number="CM16-0000002").update(clinical_summary="Hip_bursitis.")
    DecisionItem.objects.filter(decision__case_number="CM16-0000002").update(
        treatment="Lumbar_support 12.5_3"
    )
    assert found(q="pain") == ["CM17-0000001"]
    assert found(q='bursitis "lumbar support"') == ["CM16-0000002"]
    # A letter writing a decimal keeps its numbers in a row (0019): "_" parts them there too.
    assert found(q="3") == ["CM16-0000002"]


@pytest.mark.django_db
def test_the_snippet_shows_the_underscore_the_letter_wrote(client):
    make_decision(summary="Neck_pain at rest.", items=[item("Physical therapy")])
    page = client.get("/decisions/", {"q": "pain"}).content.decode()
    assert "Neck_<mark>pain</mark> at rest." in page
    assert "\uff3f" not in page


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_parts_the_words_of_the_letters_already_stored():
    with back_at(BEFORE):
        make_decision(case_number="CM16-0000001", summary="Neck_pain at rest; 12.5 mg.")
        make_decision(
            case_number="CM16-0000002",
            summary="Seen.",
            items=[item("Lumbar_support")],
            specialties=("Médecine Physique",),
        )
        make_decision(
            case_number="CM16-0000003", summary="Seen.", specialties=("Medecine Physique",)
        )
        migrate_to(AFTER)
    assert found(q="neck pain") == ["CM16-0000001"]
    assert found(q='"lumbar support"') == ["CM16-0000002"]
    assert found(specialty="Medecine Physique") == ["CM16-0000002", "CM16-0000003"]
    assert found(specialty="Médecine physique") == ["CM16-0000002", "CM16-0000003"]
    # The triggers are the new ones: a letter written after the upgrade is parted too.
    make_decision(case_number="CM16-0000004", summary="Knee_pain.")
    assert found(q="knee") == ["CM16-0000004"]
