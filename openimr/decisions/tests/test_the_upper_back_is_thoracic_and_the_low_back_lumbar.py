"""The back is read by its level: "upper back", "mid back" (and "mid-back", "middle back")
and "thoracic" are the thoracic spine, "low back" and "lower back" the lumbar, "back" alone
the lumbar (ICD-10-CM: M54.6 "Pain in thoracic spine", M54.5 "Low back pain"). The case's
item and each letter's item are read by the same rule (the letter's stored with it), so an
upper back's physical therapy is no precedent for a low back's: the letters' side had
counted any item writing "back" as lumbar."""

import pytest

from openimr.decisions.domain.precedent_words import NOISE
from openimr.decisions.domain.treatment_words import body_words, key_words, regions
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision


@pytest.mark.parametrize(
    ("treatment", "found"),
    [
        ("Massage to the upper back", ("thoracic",)),
        ("Physical therapy for the mid-back 2x6", ("thoracic",)),
        ("Chiropractic treatment to the middle back", ("thoracic",)),
        ("Thoracic spine MRI", ("thoracic",)),
        ("PT to the low back 2x6", ("lumbar",)),
        ("Physical therapy lower back x 8", ("lumbar",)),
        ("Back brace", ("lumbar",)),
        ("Upper extremity EMG", ("upper extremity",)),
        ("PT upper back and low back", ("thoracic", "lumbar")),
    ],
)
def test_the_back_is_read_by_its_level(treatment, found):
    assert regions(treatment) == found


def test_the_level_is_no_word_of_the_treatments_key_but_a_word_of_its_part():
    # "upper" is the part's, as "low" is: "Massage to the upper back" is a massage.
    assert key_words("Massage to the upper back", "rehabilitation", drop=NOISE, limit=2) == [
        "massage"
    ]
    assert body_words("Massage upper back") == ["upper", "back", "thoracic"]
    assert body_words("PT to the low back") == ["low", "back", "lumbar"]


def _case(treatment: str, category: str = "rehabilitation") -> dict:
    return {
        "case_number": "CM26-0000001",
        "items": [{"treatment": treatment, "category": category}],
    }


def _letters(wordings, category="rehabilitation") -> set[str]:
    return {make_decision(items=[item(w, category=category)]).case_number for w in wordings}


def _listed(found) -> set[str]:
    return {p.case_number for p in found.decisions if p.match != "similar text"}


@pytest.mark.django_db
def test_an_upper_backs_cohort_is_the_thoracic_letters_on_both_databases():
    thoracic = _letters(
        [
            "Physical therapy to the upper back x 8",
            "Physical therapy for the mid-back 2x6",
            "Thoracic spine physical therapy 2x4",
        ]
    )
    lumbar = _letters(["Physical therapy to the low back x 8", "PT lower back 2x6"])
    [found] = precedents_for_case(_case("Physical therapy upper back 2x3"))
    assert (found.regions, found.cohort_size, _listed(found)) == (("thoracic",), 3, thoracic)
    [found] = precedents_for_case(_case("PT to the low back 2x6"))
    assert (found.regions, found.cohort_size, _listed(found)) == (("lumbar",), 2, lumbar)


@pytest.mark.django_db
def test_a_thoracic_mri_finds_the_letters_writing_upper_back_on_both_databases():
    thoracic = _letters(["MRI of the upper back", "Thoracic spine MRI"], "diagnostics")
    _letters(["MRI of the low back"], "diagnostics")
    [found] = precedents_for_case(_case("MRI thoracic spine", "diagnostics"))
    assert (found.cohort_size, _listed(found)) == (2, thoracic)
