"""A published letter's item that names no body part ("Physical therapy 2x6") is counted in
the cohort of the part its letter's diagnoses name, as the case under review's item is
(test_an_item_naming_no_body_part_takes_the_diagnosed_one.py): both read it with one rule
(``domain.item_regions.item_regions``), the letter's when it is stored (the item's
``regions`` column), and an existing corpus gets it by migration 0015. A published letter
lists no diagnoses apart: its summary states them ("The current diagnoses are documented as
lumbar spine sprain/strain."), and those sentences are read. Before, such an item was in no
region's cohort: a lumbar case's panel counted only the letters whose item wrote the part."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from openimr.decisions.models import DecisionItem, Source
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.services.store import decision_rows, decisions_store
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

LUMBAR = "M54.16 Radiculopathy, lumbar region"
SHOULDER = "M75.41 Impingement syndrome of right shoulder"


def _case(treatment: str, diagnoses=()) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": list(diagnoses),
        "clinical_summary": "Injured lifting boxes.",
        "items": [{"treatment": treatment, "category": "rehabilitation"}],
    }


def _listed(found) -> set[str]:
    return {p.case_number for p in found.decisions if p.match != "similar text"}


@pytest.fixture
def letters() -> dict[str, str]:
    return {
        "listed": make_decision(
            diagnoses=(LUMBAR,), items=[item("Physical therapy 2x6")]
        ).case_number,
        # CM16-0248698 writes its diagnosis so: no diagnoses listed apart.
        "stated": make_decision(
            summary="The current diagnosis is documented as sprain of ligaments of lumbar "
            "spine, subsequent encounter. Treatment has included medications.",
            items=[item("PT 12 visits")],
        ).case_number,
        "named": make_decision(items=[item("PT to the low back x 8")]).case_number,
        "shoulder": make_decision(
            diagnoses=(SHOULDER,), items=[item("Physical therapy 3x4")]
        ).case_number,
        # Two regions diagnosed: the item is for neither (too narrow a guess).
        "both": make_decision(
            diagnoses=(LUMBAR, SHOULDER), items=[item("Physical therapy 3x4")]
        ).case_number,
    }


@pytest.mark.parametrize(
    ("treatment", "diagnoses"),
    [("PT lumbar spine 2x4", ()), ("Physical therapy 2x6", (LUMBAR,))],
)
def test_a_lumbar_cohort_counts_the_letters_diagnosed_lumbar_whatever_their_item_names(
    letters, treatment, diagnoses
):
    [found] = precedents_for_case(_case(treatment, diagnoses))
    assert found.regions == ("lumbar",)
    assert found.cohort_size == 3
    assert _listed(found) == {letters["listed"], letters["stated"], letters["named"]}


def test_a_shoulder_cohort_counts_the_letter_diagnosed_shoulder_only(letters):
    [found] = precedents_for_case(_case("Physical therapy for the right shoulder"))
    assert (found.cohort_size, _listed(found)) == (1, {letters["shoulder"]})


def test_a_cohort_for_no_body_part_still_counts_every_letter(letters):
    [found] = precedents_for_case(_case("Physical therapy 2x6", (LUMBAR, SHOULDER)))
    assert (found.regions, found.cohort_size) == ((), 5)


def test_the_store_reads_each_items_region_from_its_treatment_or_the_letters_diagnoses():
    document = {
        "schema": "openimr.case/1",
        "case_number": "CM16-0999001",
        "dates": {"decision": "2016-12-01"},
        "clinical_summary": "The current diagnoses are documented as lumbar spine "
        "sprain/strain. Diagnostic studies included an x-ray of the left ankle.",
        "items": [
            {"treatment": "Physical therapy 2-3 times a week for 6 weeks", "decision": "upheld"},
            {"treatment": "MRI of the right knee", "category": "diagnostics"},
            {"treatment": "Norco 10/325mg #60", "category": "pharmaceuticals"},
            {"treatment": "Massage to the upper back", "category": "rehabilitation"},
        ],
    }
    rows = decision_rows(
        document=document, source=Source.PUBLISHED, layout="test", content_sha256="0" * 64
    )
    [key] = decisions_store([rows])
    stored = DecisionItem.objects.filter(decision_id=key).order_by("position")
    assert [i.regions for i in stored] == ["*|lumbar|", "|knee|", None, "|thoracic|"]


def test_the_upgrade_reads_the_regions_of_the_items_already_stored(letters):
    DecisionItem.objects.update(regions=None)  # as before migration 0015
    upgrade = importlib.import_module("openimr.decisions.migrations.0015_item_regions")
    upgrade.backfill(apps, connection.schema_editor())
    by_letter = dict(DecisionItem.objects.values_list("decision__case_number", "regions"))
    assert by_letter == {
        letters["listed"]: "*|lumbar|",
        letters["stated"]: "*|lumbar|",
        letters["named"]: "|lumbar|",
        letters["shoulder"]: "*|shoulder|",
        letters["both"]: None,
    }
    [found] = precedents_for_case(_case("PT lumbar spine 2x4"))
    assert found.cohort_size == 3
