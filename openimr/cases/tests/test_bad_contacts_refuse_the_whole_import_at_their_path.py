"""A contact that would not serve its party refuses the import, at its JSON path, under the
same rules as the application's fields (an e-mail address, a printable postal address of at
most 500 characters), and nothing is stored: not the case, not the other files."""

import json

import pytest

from openimr.cases import models
from openimr.cases.interchange import imported_from_document
from openimr.cli import main
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _problems(doc, contacts):
    with pytest.raises(InvalidInput) as caught:
        imported_from_document({**doc, "contacts": contacts})
    return [(p.path, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("contacts", "path", "message"),
    [
        ({"attorney": {"email": "not-an-address"}}, "$.contacts.attorney.email", "is not an email address"),
        ({"employee": {"address": "x" * 501}}, "$.contacts.employee.address", "at most 500"),
        ({"employee": {"address": "1 Main St\x07"}}, "$.contacts.employee.address", "character"),
        ({"employee": {"address": "\u200b"}}, "$.contacts.employee.address", "no visible character"),
        ({"employer": {"email": "hr@firm.test"}}, "$.contacts.employer", "email"),
        ({"adjuster": {"address": "1 Main St"}}, "$.contacts", "adjuster"),
        ({"employee": {"phone": "555-0100"}}, "$.contacts.employee", "phone"),
        ({"employee": "1 Main St"}, "$.contacts.employee", "object"),
    ],
)  # fmt: skip
def test_a_bad_contact_is_refused_at_its_path(three_item_doc, contacts, path, message):
    [(found_path, found)] = _problems(three_item_doc, contacts)
    assert found_path == path and message in found


def test_a_contact_for_a_party_the_case_does_not_name_is_refused(three_item_doc):
    three_item_doc["attorney"]["name"] = None
    contacts = {"attorney": {"address": "455 Capitol Mall"}}
    assert _problems(three_item_doc, contacts) == [
        ("$.contacts.attorney", "the case names no attorney")
    ]


def test_a_batch_with_one_bad_contact_stores_nothing(tmp_path, three_item_doc, seed_doc, capsys):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(three_item_doc), encoding="utf-8")
    named = {**seed_doc, "employee": {**seed_doc["employee"], "name": "Ada Lee"}}
    bad.write_text(
        json.dumps({**named, "contacts": {"employee": {"email": "ada@"}}}), encoding="utf-8"
    )
    assert main(["case", "import", str(good), str(bad)]) == 2
    assert "$.contacts.employee.email" in capsys.readouterr().err
    assert models.Case.objects.count() == 0
