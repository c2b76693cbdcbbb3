from datetime import date

import pytest

from openimr.core.case import Sex
from openimr.records.domain.summary import CaseFacts
from openimr.records.tests.drafting import draft

NOTE = """PROGRESS NOTE
Date of Service: 02/19/2014    Date of Injury: 06/03/2011
Subjective: Ms. Roe is a 52-year-old female who returns with low back pain.
"""


@pytest.mark.parametrize(
    ("case", "opening"),
    [
        (
            CaseFacts(age=52, sex=Sex.FEMALE, date_of_injury=date(2011, 6, 3)),
            "The injured worker is a 52 year old female who reported an industrial injury on 6/3/2011.",
        ),
        (CaseFacts(age=47, sex=Sex.MALE), "The injured worker is a 47 year old male."),
        (CaseFacts(age=38), "The injured worker is a 38 year old."),
        (CaseFacts(sex=Sex.MALE), "The injured worker is a male."),
        (
            CaseFacts(date_of_injury=date(2016, 11, 19)),
            "The injured worker reported an industrial injury on 11/19/2016.",
        ),
        (CaseFacts(age=18, sex=Sex.FEMALE), "The injured worker is an 18 year old female."),
    ],
)  # fmt: skip
def test_the_first_sentence_comes_from_the_case_facts_and_cites_no_page(case, opening):
    [first] = draft(case=case).sentences
    assert (first.text, first.sources) == (opening, ())


def test_what_the_case_does_not_know_is_read_from_the_records_with_its_pages():
    first = draft(NOTE).sentences[0]
    assert first.text == (
        "The injured worker is a 52 year old female who reported an industrial injury on 6/3/2011."
    )
    assert {ref.document_id for ref in first.sources} == {"d1"}


def test_the_case_facts_win_over_the_records():
    first = draft(NOTE, case=CaseFacts(age=53)).sentences[0]
    assert first.text.startswith("The injured worker is a 53 year old female")


def test_nothing_known_gives_no_opening_sentence():
    assert draft("PROGRESS NOTE\nSubjective: pain.").facts.get("age") is None
    assert not draft().sentences


@pytest.mark.parametrize(
    ("written", "age", "sex"),
    [
        ("a 52-year-old female", "52", "female"),
        ("52 y/o female grocery cashier", "52", "female"),
        ("a 38-year-old right-hand-dominant male orchard worker", "38", "male"),
        ("a 47-year-old woman", "47", "female"),
        ("60 yo M", "60", "male"),
    ],
)
def test_age_and_sex_are_read_as_notes_write_them(written, age, sex):
    found = draft(f"PROGRESS NOTE\nDOS: 1/2/2015\nSubjective: Patient is {written}.")
    assert (found.facts["age"], found.facts["sex"]) == (age, sex)


def test_an_age_or_a_sex_stated_alone_is_read():
    found = draft("CONSULTATION\nVisit date: 2/6/18\nAge: 45    Sex: F\nHistory: elbow pain.")
    assert (found.facts["age"], found.facts["sex"]) == ("45", "female")
    found = draft(
        "PROGRESS NOTE\nDOS: 2/24/2016\nMs. Roe, a 40-year-old letter carrier, has hip pain."
    )
    assert found.facts["age"] == "40" and "sex" not in found.facts


def test_the_injury_date_most_records_give_wins_over_a_lone_other():
    notes = [
        "PROGRESS NOTE\nDOS: 1/2/2015\nDOI: 07/14/13",
        "PROGRESS NOTE\nDOS: 2/2/2015\nDate of Injury: 07/14/2013",
        "PROGRESS NOTE\nDOS: 3/2/2015\nDate of Injury: 07/15/2013",
    ]
    assert draft(*notes).facts["date_of_injury"] == "2013-07-14"


def test_a_date_of_birth_is_never_taken_for_the_date_of_injury():
    found = draft("PROGRESS NOTE\nDOB: 06/02/1966   Date of Service: 02/25/2014")
    assert "date_of_injury" not in found.facts
