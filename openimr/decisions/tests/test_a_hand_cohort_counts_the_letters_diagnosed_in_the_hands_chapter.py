"""The panel and the stored letters read a course naming no part with one rule
(``domain.item_regions.diagnosed_regions``): a letter whose summary names the finger of the
hand and the thumb is counted in the hand's cohort of physical therapy, and a case so
diagnosed is shown that cohort; a letter diagnosed in the neck and the low back is in no
region's. An existing corpus is read again by migration 0017, which writes only the items
whose regions change."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from openimr.decisions.models import DecisionItem
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

HAND = (
    "Diagnoses include jammed interphalangeal joint of the finger of the right hand and "
    "trigger finger of the right thumb."
)
NECK_AND_BACK = "The current diagnoses are documented as lumbar sprain/strain and cervical sprain."


@pytest.fixture
def letters() -> dict[str, str]:
    return {
        "fingers": make_decision(summary=HAND, items=[item("Physical therapy 3x2")]).case_number,
        "hand": make_decision(items=[item("Physical therapy right hand x6")]).case_number,
        "spine": make_decision(
            summary=NECK_AND_BACK, items=[item("Physical therapy 6 sessions")]
        ).case_number,
        "thoracic": make_decision(
            items=[item("Thoracic back brace", category="dmepos")]
        ).case_number,
    }


def _case(treatment: str, summary: str) -> dict:
    return {
        "case_number": "CM26-0000009",
        "clinical_summary": summary,
        "items": [{"treatment": treatment, "category": "rehabilitation"}],
    }


def test_a_case_diagnosed_in_the_fingers_is_shown_the_hands_physical_therapy(letters):
    [found] = precedents_for_case(_case("Continue physical therapy 3 times a week", HAND))
    assert (found.regions, found.regions_diagnosed) == (("hand",), True)
    assert found.cohort_size == 2
    listed = {p.case_number for p in found.decisions if p.match != "similar text"}
    assert listed == {letters["fingers"], letters["hand"]}


def test_a_case_diagnosed_in_the_neck_and_back_is_shown_physical_therapy_for_any_part(letters):
    [found] = precedents_for_case(_case("Physical therapy 6 sessions", NECK_AND_BACK))
    assert (found.regions, found.cohort_size) == ((), 3)


def test_the_upgrade_writes_the_regions_the_rules_now_read_and_only_those(letters):
    by_letter = dict(DecisionItem.objects.values_list("decision__case_number", "id"))
    # As 0015 stored them under the rules before.
    DecisionItem.objects.filter(id=by_letter[letters["fingers"]]).update(regions=None)
    DecisionItem.objects.filter(id=by_letter[letters["thoracic"]]).update(
        regions="|thoracic|lumbar|"
    )
    # A stored value the rules would not write, on an item no rule changed: left as it is.
    DecisionItem.objects.filter(id=by_letter[letters["hand"]]).update(regions="|hand|x|")
    upgrade = importlib.import_module(
        "openimr.decisions.migrations.0017_item_regions_of_one_chapter"
    )
    upgrade.refresh(apps, connection.schema_editor())
    stored = dict(DecisionItem.objects.values_list("decision__case_number", "regions"))
    assert stored == {
        letters["fingers"]: "*|hand|",
        letters["hand"]: "|hand|x|",
        letters["spine"]: None,
        letters["thoracic"]: "|thoracic|",
    }


def test_the_upgrade_leaves_a_letter_stored_without_its_document_as_it_is():
    letter = make_decision(summary=HAND, items=[item("Physical therapy 3x2")])
    # A corpus loaded without documents (bench/search_load.py): its regions came with it.
    type(letter).objects.filter(id=letter.id).update(document={})
    DecisionItem.objects.filter(decision=letter).update(regions="*|finger|")
    upgrade = importlib.import_module(
        "openimr.decisions.migrations.0017_item_regions_of_one_chapter"
    )
    upgrade.refresh(apps, connection.schema_editor())
    assert DecisionItem.objects.get(decision=letter).regions == "*|finger|"
