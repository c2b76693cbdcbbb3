"""A case imported whole keeps the number its file gives; intake's counter, which knew
nothing of it, gave the same number to the next application, and every filing after it
failed on the unique case number (the counter rolled back with it, so forever)."""

import copy
from dataclasses import replace

import pytest

from openimr.cases import models
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cases.tests.conftest import SCREENED_AT, filed
from openimr.core.case_numbers import letter_case_spellings

pytestmark = pytest.mark.django_db


def _imported_as(seed_doc, number):
    case_import(case=replace(case_from_document(seed_doc), case_number=number), actor="test")


def test_an_application_passes_over_a_number_an_imported_case_holds(seed_doc, application_doc):
    _imported_as(seed_doc, "CM24-0000001")
    row = filed(application_doc)
    assert row.case_number == "CM24-0000002"
    imported = models.Case.objects.get(case_number="CM24-0000001")
    assert not hasattr(imported, "application")


def test_a_number_held_in_other_letters_is_passed_over_too(seed_doc, application_doc):
    _imported_as(seed_doc, "cm24-0000001")
    assert filed(application_doc).case_number == "CM24-0000002"


def test_a_batch_passes_over_every_number_held_and_keeps_counting(seed_doc, application_doc):
    _imported_as(seed_doc, "CM24-0000002")
    _imported_as(seed_doc, "CM24-0000003")
    first = filed(application_doc)
    other = copy.deepcopy(application_doc)
    other["claim_number"] = "OTHER-1"
    second = filed(other, at=SCREENED_AT)
    assert (first.case_number, second.case_number) == ("CM24-0000001", "CM24-0000004")
    assert models.CaseNumberCounter.objects.get(prefix="CM24-").last == 4


def test_every_letter_case_of_a_number_is_spelt():
    assert letter_case_spellings("CM24-1") == ("CM24-1", "Cm24-1", "cM24-1", "cm24-1")
