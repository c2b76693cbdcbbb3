"""A name on an application is whom a notice is served on and whom the reviewer may have no
tie to; a diagnosis is the condition the reviewer is chosen to know (LC 4610.6(f);
LC 139.5; 8 CCR 9792.10.2). An employee named by a lone combining accent ("\u0301", which
prints as a floating mark) or a diagnosis of "..." was taken, and printed on every notice as
if it named someone and something. Each is refused at its field, saying why; a name written
with letters and accents in any form still passes."""

import pytest

from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput

NO_ONE = "must hold a letter or digit: punctuation or accents alone name no one"
NO_DIAGNOSIS = "must hold a letter or digit: punctuation or accents alone name no diagnosis"
FIELDS = {
    "$.employee.name": ("employee", "name"),
    "$.requesting_physician.name": ("requesting_physician", "name"),
    "$.claims_administrator.name": ("claims_administrator", "name"),
    "$.claims_administrator.adjuster": ("claims_administrator", "adjuster"),
    "$.employer.name": ("employer", "name"),
    "$.signature.signed_by": ("signature", "signed_by"),
}


def _problems(doc):
    with pytest.raises(InvalidInput) as refused:
        parse_application(doc)
    return [(p.path, p.message) for p in refused.value.problems]


@pytest.mark.parametrize("written", ["\u0301", "\u0301\u0308", "...", "- / -", "\u2014"])
@pytest.mark.parametrize("path", FIELDS)
def test_a_name_of_punctuation_or_accents_alone_is_refused_at_its_field(
    application_doc, path, written
):
    part, field = FIELDS[path]
    application_doc[part][field] = written
    assert _problems(application_doc) == [(path, NO_ONE)]


@pytest.mark.parametrize("written", ["...", "\u0301", "?"])
def test_a_diagnosis_of_punctuation_or_accents_alone_is_refused_at_its_item(
    application_doc, written
):
    application_doc["treatments"][1]["diagnosis"] = written
    assert _problems(application_doc) == [("$.treatments[1].diagnosis", NO_DIAGNOSIS)]


@pytest.mark.parametrize(
    "name", ["Jose\u0301 Nun\u0303ez", "O'Brien", "\u674e\u5c0f\u9f8d", "Ana-Mar\u00eda"]
)
def test_a_name_of_letters_with_accents_in_any_form_is_taken(application_doc, name):
    application_doc["employee"]["name"] = name
    assert parse_application(application_doc).employee.name == name


def test_a_name_of_invisible_characters_still_says_so(application_doc):
    application_doc["employee"]["name"] = "\u200b"
    assert _problems(application_doc) == [("$.employee.name", "has no visible character")]
