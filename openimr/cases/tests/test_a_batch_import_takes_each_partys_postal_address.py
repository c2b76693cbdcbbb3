"""`openimr applications import` reads the API's application schema line by line, so each
party's postal address comes in with its line; a bad address on any line is named by line
and path, and nothing of the batch is imported."""

import copy
import json

import pytest

from openimr.cases.models import Application, Case
from openimr.cli import main

pytestmark = pytest.mark.django_db(transaction=True)
ADDRESSES = {
    "claims_administrator": "PO Box 8192\nPleasanton, CA 94588",
    "requesting_physician": "2801 K Street, Suite 300\nSacramento, CA 95816",
    "attorney": "455 Capitol Mall, Suite 801\nSacramento, CA 95814",
    "employer": "8900 Elk Grove Boulevard\nElk Grove, CA 95624",
}


def _line(doc, claim, **addresses):
    doc = copy.deepcopy(doc)
    doc["claim_number"], doc["attorney"]["name"] = claim, "Mara Quintero, Esq."
    for party, address in addresses.items():
        doc[party]["address"] = address
    return json.dumps(doc)


def test_each_lines_addresses_are_kept_with_its_application(tmp_path, application_doc):
    path = tmp_path / "batch.jsonl"
    lines = [_line(application_doc, "A-1", **ADDRESSES), _line(application_doc, "A-2")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 0
    kept = {
        a.claim_number: (
            a.claims_administrator_address,
            a.requesting_physician_address,
            a.attorney_address,
            a.employer_address,
        )
        for a in Application.objects.all()
    }
    assert kept == {"A-1": tuple(ADDRESSES.values()), "A-2": ("", "", "", "")}


@pytest.mark.parametrize(
    ("party", "address", "said"),
    [
        ("requesting_physician", "Suite\x00 300", "$.requesting_physician.address: must not"),
        ("claims_administrator", "x" * 501, "$.claims_administrator.address: String should"),
        ("employer", "x" * 501, "$.employer.address: String should"),
    ],
)
def test_a_bad_address_on_one_line_imports_nothing_and_names_the_line(
    tmp_path, application_doc, capsys, party, address, said
):
    path = tmp_path / "batch.jsonl"
    lines = [
        _line(application_doc, "A-1", **ADDRESSES),
        _line(application_doc, "A-2", **{party: address}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 2
    assert f"line 2: {said}" in capsys.readouterr().err
    assert not Case.objects.exists() and not Application.objects.exists()


@pytest.mark.parametrize("party", ["attorney", "employer"])
def test_an_address_with_no_name_is_refused_at_the_name(tmp_path, application_doc, capsys, party):
    doc = copy.deepcopy(application_doc)
    doc[party] = {"name": None, "address": ADDRESSES[party]}
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 2
    assert f"line 1: $.{party}.name: is required when the {party}'s address is given" in (
        capsys.readouterr().err
    )
    assert not Case.objects.exists()
