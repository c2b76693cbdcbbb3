"""What an application says is printed on the notices served on the parties, so each field
must print as it was meant: no C1 control character, no text-direction override, no name
made only of invisible characters, dates written YYYY-MM-DD and no earlier than 1900, and
each treatment listed once. Each is refused at its own path, before anything is stored."""

import pytest

from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput


def _problems(doc):
    with pytest.raises(InvalidInput) as caught:
        parse_application(doc)
    return [(p.path, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("character", ["\x85", "\x9b"])
def test_a_c1_control_character_is_refused(application_doc, character):
    application_doc["employee"]["name"] = f"Ro{character}sa"
    assert _problems(application_doc) == [
        ("$.employee.name", "must not contain control characters")
    ]


@pytest.mark.parametrize("character", ["\u202a", "\u202e", "\u2066", "\u2069"])
def test_a_text_direction_control_is_refused(application_doc, character):
    application_doc["requesting_physician"]["name"] = f"Dr. {character}zeruR anA"
    [(path, message)] = _problems(application_doc)
    assert path == "$.requesting_physician.name"
    assert "text-direction" in message


@pytest.mark.parametrize("number", ["SCIF\n2024", "SCIF\t2024", "SCIF\r2024"])
def test_a_claim_number_on_more_than_one_line_is_refused(application_doc, number):
    # A tab or a line break, taken in other text, is no part of a number a notice prints
    # on one line and a party types on one line of /status/.
    application_doc["claim_number"] = number
    [(path, message)] = _problems(application_doc)
    assert path == "$.claim_number" and message.startswith("must not contain control")


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200d \ufeff", "\u2060"])
def test_a_name_of_invisible_characters_only_is_refused(application_doc, name):
    application_doc["employee"]["name"] = name
    assert _problems(application_doc) == [("$.employee.name", "has no visible character")]


def test_a_name_with_a_joiner_inside_it_is_taken(application_doc):
    application_doc["employee"]["name"] = "Priya\u200dRao"
    assert parse_application(application_doc).employee.name == "Priya\u200dRao"


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31"])
def test_a_date_before_1900_is_refused_wherever_it_is(application_doc, day):
    application_doc["date_of_injury"] = day
    application_doc["treatments"][0]["rfa_date"] = day
    problems = dict(_problems(application_doc))
    assert problems["$.date_of_injury"] == "must not be before 1900-01-01"
    assert problems["$.treatments[0].rfa_date"] == "must not be before 1900-01-01"


@pytest.mark.parametrize("written", ["2024-02-10T00:00", "2024-02-10T00:00:00Z", "20240210", 0])
def test_a_date_not_written_yyyy_mm_dd_is_refused(application_doc, written):
    application_doc["date_of_injury"] = written
    assert _problems(application_doc) == [
        ("$.date_of_injury", "must be a valid date written YYYY-MM-DD")
    ]


def test_the_same_treatment_twice_is_refused_at_the_second(application_doc):
    first = application_doc["treatments"][0]
    application_doc["treatments"].append({**first, "treatment": first["treatment"].upper()})
    last = len(application_doc["treatments"]) - 1
    assert _problems(application_doc) == [
        (f"$.treatments[{last}].treatment", "repeats treatment 1; list each treatment once")
    ]


@pytest.mark.parametrize("value", ["yes", 0, 1, "true"])
def test_a_yes_or_no_field_takes_only_true_or_false(application_doc, value):
    # "yes" and 0 had been read as a guess (found by fuzzing the API).
    application_doc["formulary_dispute"] = value
    with pytest.raises(InvalidInput) as refused:
        parse_application(application_doc)
    assert [p.path for p in refused.value.problems] == ["$.formulary_dispute"]
