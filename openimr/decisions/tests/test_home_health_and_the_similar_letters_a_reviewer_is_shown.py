"""What a reviewer saw for common requests in the 182 real letters (session 22's QA of the
panel): "Home health care" and "Home health aide" found no cohort (keyed "health home",
where the letters write "Home aide 6 hours per day"), and the similar letters listed after a
cohort were any letter whose items' text, rationales included, named a key word, shown by
their first item: "MRI of the lumbar spine" under home health care (its rationale advised a
"home exercise program"), "Arthroscopy of the left knee" under Norco. Now "health" says the
category's name again in home health, and a similar letter is listed by its item in the
item's category, a letter with none left out."""

import pytest

from openimr.decisions.precedents import precedents_for_case, treatment_of
from openimr.decisions.tests.public_factories import item, make_decision

HOME = "home_health"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Home health aide 4 hours a day, 5 days a week", "Home aide 6 hours per day"),
        ("Home health nursing visits x6", "Home nursing 2 visits"),
    ],
)
def test_a_home_health_item_is_keyed_without_the_categorys_name(one, other):
    assert treatment_of(one, HOME) == treatment_of(other, HOME)


def test_health_still_keys_items_elsewhere():
    assert treatment_of("Behavioral health evaluation", "behavioral_health").key != ()
    assert "health" in treatment_of("Mental health counseling", "behavioral_health").key


def _case(treatment: str, category: str) -> dict:
    return {
        "case_number": "CM26-0000002",
        "items": [{"treatment": treatment, "category": category}],
    }


def _mri_advising_home_exercise() -> None:
    """A letter whose rationale advises a "home exercise program": its words name home
    health's key, its item is no home health."""
    make_decision(
        items=[
            item(
                "MRI of the lumbar spine",
                category="diagnostics",
                rationale="A home exercise program is advised first.",
            )
        ]
    )


@pytest.mark.django_db
def test_home_health_care_is_shown_the_home_aide_and_home_nursing_letters():
    aide = make_decision(items=[item("Home aide 6 hours per day, 5 times a week", category=HOME)])
    nurse = make_decision(items=[item("Daily RN visits for home safety", category=HOME)])
    _mri_advising_home_exercise()  # no home health precedent
    [found] = precedents_for_case(_case("Home health care", HOME))
    assert found.cohort_size == 2
    assert {p.case_number for p in found.decisions} == {aide.case_number, nurse.case_number}


@pytest.mark.django_db
def test_a_similar_letter_is_listed_by_its_item_of_the_same_category():
    percocet = make_decision(
        items=[
            item("Arthroscopy of the left knee", category="surgery"),
            item(
                "Percocet 10/325mg #60",
                category="pharmaceuticals",
                rationale="Norco was tried first.",
            ),
        ]
    )
    make_decision(
        items=[
            item(
                "Arthroscopy of the right knee",
                category="surgery",
                rationale="Norco alone has not relieved the pain.",
            )
        ]
    )
    [found] = precedents_for_case(_case("Norco 10/325mg #90", "pharmaceuticals"))
    assert found.cohort_size == 0
    assert [(p.case_number, p.treatment, p.match) for p in found.decisions] == [
        (percocet.case_number, "Percocet 10/325mg #60", "similar text")
    ]


@pytest.mark.django_db
def test_the_window_holds_only_letters_with_an_item_of_the_category(monkeypatch):
    """The window is the newest letters naming the key in their items: the newest two here
    advise a "home exercise program" in an MRI's rationale, and a window of two held them
    alone, counting no home health item."""
    monkeypatch.setattr("openimr.decisions.precedents.WINDOW", 2)
    aide = make_decision(items=[item("Home aide 6 hours per day", category=HOME)])
    nurse = make_decision(items=[item("Home nursing 2 visits", category=HOME)])
    for _ in range(2):
        _mri_advising_home_exercise()
    [found] = precedents_for_case(_case("Home health care", HOME))
    assert found.cohort_size == 2
    assert {p.case_number for p in found.decisions} == {aide.case_number, nurse.case_number}
