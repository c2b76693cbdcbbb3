"""A control character in an application's text (a NUL pasted from a PDF, an escape code)
is refused at its field before anything is stored: PostgreSQL cannot store a NUL in text,
so it would otherwise fail the whole request. Tabs and line breaks (an address) are text."""

import pytest

from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput


@pytest.mark.parametrize(
    ("part", "key", "path"),
    [
        ("employee", "name", "$.employee.name"),
        ("claims_administrator", "adjuster", "$.claims_administrator.adjuster"),
        ("ur_decision_document", "filename", "$.ur_decision_document.filename"),
    ],
)
@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f"])
def test_a_control_character_is_refused_at_its_path(application_doc, part, key, path, character):
    application_doc[part][key] = f"Ro{character}sa"
    with pytest.raises(InvalidInput) as caught:
        parse_application(application_doc)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (path, "must not contain control characters")
    ]


def test_a_control_character_in_a_treatment_is_refused_at_its_row(application_doc):
    application_doc["treatments"][1]["treatment"] = "Physical\x00therapy"
    with pytest.raises(InvalidInput) as caught:
        parse_application(application_doc)
    assert [p.path for p in caught.value.problems] == ["$.treatments[1].treatment"]


def test_an_address_on_several_lines_is_accepted(application_doc):
    application_doc["employee"]["address"] = "1200 K Street\r\nSacramento,\tCA 95814"
    assert parse_application(application_doc).employee.address.startswith("1200 K Street\r\n")
