"""A short cohort is followed by the published items most like the disputed one ("similar
text"): items of its category sharing its treatment's words, a word few of them name
weighing more than one all of them name, then the same body part; failing those, the newest
items of its category in letters naming its condition. Until session 23 the panel listed the
letters naming the case summary's longest word, each by its first item whatever its
category: over the 182 real letters a "Facet joint injections L4-5, L5-S1" (a cohort of its
own) was followed by MRIs of the fingers and the shoulder, letters naming
"radiographically"."""

import pytest

from openimr.decisions.domain.precedent_words import NOISE
from openimr.decisions.domain.similar_items import (
    Candidate,
    asked_words,
    item_words,
    most_similar,
)
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

REHAB = "rehabilitation"


def _rank(treatment: str, regions: tuple[str, ...], others: list[tuple[int, str]]) -> list[str]:
    words = item_words(treatment, REHAB, NOISE)
    candidates = [Candidate(letter, text, ()) for letter, text in others]
    found = most_similar(words, regions, candidates, category=REHAB, drop=NOISE)
    return [c.treatment for c in found]


def test_a_word_few_items_name_weighs_more_than_one_all_name():
    found = _rank(
        "Infrared heat therapy to the low back",
        ("lumbar",),
        [
            (1, "Physical therapy 2x6 lumbar"),
            (2, "Physical therapy 2x6 knee"),
            (3, "Infrared therapy to the knee"),
            (4, "Aquatic therapy"),
            (5, "Massage 6 sessions"),  # shares no word: not similar
        ],
    )
    assert found[0] == "Infrared therapy to the knee"
    # Then "therapy" alone, the same region first, newest (first given) next.
    assert found[1:] == [
        "Physical therapy 2x6 lumbar",
        "Physical therapy 2x6 knee",
        "Aquatic therapy",
    ]


def test_a_letter_is_listed_by_its_most_similar_item_once():
    found = _rank(
        "Infrared heat",
        (),
        [(1, "Aquatic therapy"), (1, "Infrared heat 2x6"), (2, "Heat wrap")],
    )
    assert found == ["Infrared heat 2x6", "Heat wrap"]


def test_the_index_is_asked_for_what_letters_write_for_the_words():
    words = item_words("Single positional MRI of the cervical spine", "diagnostics", NOISE)
    assert words == {"magnetic", "positional", "resonance", "single"}
    assert "mri" in asked_words(words, "diagnostics")


def _case(treatment: str, category: str, diagnoses=()) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": list(diagnoses),
        "clinical_summary": "The x-rays were read radiographically as normal.",
        "items": [{"treatment": treatment, "category": category}],
    }


def _similar(found) -> list[str]:
    return [p.treatment for p in found.decisions if p.match == "similar text"]


@pytest.mark.django_db
def test_a_facet_injection_alone_is_followed_by_other_injections_not_by_mris():
    summary = "Lumbar spine x-rays were read radiographically."
    make_decision(summary=summary, items=[item("MRI of the fingers", category="diagnostics")])
    make_decision(summary=summary, items=[item("Lumbar ESI", category="injections")])
    make_decision(items=[item("Trigger point injection", category="injections")])
    make_decision(items=[item("Physical therapy 2x6 lumbar")])

    [found] = precedents_for_case(_case("Facet joint injections L4-5, L5-S1", "injections"))

    assert found.cohort_size == 0
    assert _similar(found) == ["Lumbar ESI", "Trigger point injection"]


@pytest.mark.django_db
def test_failing_shared_words_the_items_of_the_category_for_the_condition_follow():
    make_decision(
        summary="Lumbar strain.", items=[item("Aquatic therapy 2x6 lumbar", category=REHAB)]
    )
    make_decision(summary="Lumbar strain.", items=[item("MRI lumbar", category="diagnostics")])
    make_decision(summary="Knee sprain.", items=[item("Aquatic therapy 2x6 knee", category=REHAB)])

    [found] = precedents_for_case(
        _case("Myofascial release", REHAB, diagnoses=["M54.5 Low back pain, lumbar"])
    )

    assert _similar(found) == ["Aquatic therapy 2x6 lumbar"]
