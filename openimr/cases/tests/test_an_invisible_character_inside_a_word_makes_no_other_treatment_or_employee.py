"""Text pasted from a PDF or a word processor carries invisible format characters inside its
words: a soft hyphen where a line could break, a zero-width space, a word joiner. "kn\u00adee"
prints as "knee" on every page and notice, so it is the same treatment and the same employee:
listed twice on one application it is a repeat, filed again it is a duplicate, decided
before it is already decided, and its employee is consolidated (8 CCR 9792.10.3(a)(2);
8 CCR 9792.10.4(a)). They had been read as spaces, splitting the word: every one of these
passed as a different treatment or person."""

import json
from dataclasses import replace
from datetime import date

import pytest

from conftest import APPLICATION_FILE
from openimr.cases.domain.application import RequestedTreatment
from openimr.cases.domain.consolidation import consolidation_groups
from openimr.cases.domain.eligibility import (
    PriorReview,
    ReceivedApplication,
    ScreeningContext,
    screen,
)
from openimr.cases.intake_schema import parse_application
from openimr.cases.tests.test_an_accent_typed_either_way_is_the_same_treatment_and_employee import (
    APPLICATION as ACCENTED,
)
from openimr.core.errors import InvalidInput
from openimr.programs.loader import load_program

PROGRAM = load_program()
D = date.fromisoformat
TREATMENT = "Epidural steroid injection"
# Each as text pasted from elsewhere carries it: inside a word, invisible on the page.
HIDDEN = {
    "soft hyphen": "Epi\u00addural steroid injection",
    "zero-width space": "Epidural ste\u200broid injection",
    "word joiner": "Epidural steroid in\u2060jection",
    "byte-order mark": "\ufeffEpidural steroid injection",
}
# The accent test's application (claim ADJ-1234567, UR decision of May 1, 2024), without
# accents in its treatment.
APPLICATION = replace(ACCENTED, treatments=(RequestedTreatment(TREATMENT, "Low back pain"),))


def _codes(context: ScreeningContext) -> set[str]:
    return {r.code for r in screen(APPLICATION, context, PROGRAM).reasons}


@pytest.mark.parametrize("written", HIDDEN.values(), ids=HIDDEN.keys())
def test_the_same_treatment_filed_again_with_an_invisible_character_is_a_duplicate(written):
    earlier = ReceivedApplication(
        "CM24-0000007", "ADJ-1234567", D("2024-05-01"), (written,), D("2024-05-10")
    )
    assert _codes(ScreeningContext(received=(earlier,))) == {"duplicate"}


@pytest.mark.parametrize("written", HIDDEN.values(), ids=HIDDEN.keys())
def test_the_same_treatment_decided_with_an_invisible_character_is_already_decided(written):
    prior = PriorReview("ADJ-1234567", written, D("2023-11-02"))
    assert _codes(ScreeningContext(prior_reviews=(prior,))) == {"already_decided"}


def test_the_employee_named_with_a_soft_hyphen_is_the_same_employee():
    other = replace(APPLICATION, employee_name="Jos\u00adé Peña")
    assert consolidation_groups([("CM24-1", APPLICATION), ("CM24-2", other)]) == [
        ("CM24-1", "CM24-2")
    ]


@pytest.mark.parametrize("written", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_treatment_listed_again_with_an_invisible_character_is_refused_as_a_repeat(written):
    doc = json.loads(APPLICATION_FILE.read_text(encoding="utf-8"))
    first = doc["treatments"][0]
    doc["treatments"] = [{**first, "treatment": TREATMENT}, {**first, "treatment": written}]
    with pytest.raises(InvalidInput) as refused:
        parse_application(doc)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("$.treatments[1].treatment", "repeats treatment 1; list each treatment once")
    ]


def test_words_apart_are_still_other_treatments():
    # The invisible character is taken out, not everything between words: a space or a
    # hyphen still separates, and "therapy" is not "the rapy".
    other = replace(APPLICATION, treatments=(RequestedTreatment("Epidural steroid", "x"),))
    earlier = ReceivedApplication(
        "CM24-0000007",
        "ADJ-1234567",
        D("2024-05-01"),
        ("Epidural-steroid-injection",),
        D("2024-05-10"),
    )
    assert {
        r.code for r in screen(other, ScreeningContext(received=(earlier,)), PROGRAM).reasons
    } == set()
    assert _codes(ScreeningContext(received=(earlier,))) == {"duplicate"}
