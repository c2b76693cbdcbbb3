"""DWC Form IMR has an address block for the employee, the claims administrator, the
requesting physician and the employee's attorney, and the employer is served the letter by
mail (LC 4610.6(f)): each address is taken with the application, under the employee's
address's rule (printable, several lines, at most 500 characters), and kept on it for
mailing. A bad one is refused at its field and nothing of the application is written."""

from datetime import UTC, datetime

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput

RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
ADDRESSES = {
    "claims_administrator": "PO Box 8192\nPleasanton, CA 94588",
    "requesting_physician": "2801 K Street, Suite 300\r\nSacramento,\tCA 95816",
    "attorney": "455 Capitol Mall, Suite 801\nSacramento, CA 95814",
    "employer": "8900 Elk Grove Boulevard\nElk Grove, CA 95624",
}


def with_addresses(doc, **addresses):
    doc["attorney"]["name"] = "Mara Quintero, Esq."
    for party, address in (addresses or ADDRESSES).items():
        doc[party]["address"] = address
    return doc


def _refused(doc) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInput) as caught:
        parse_application(doc)
    return [(p.path, p.message) for p in caught.value.problems]


@pytest.mark.django_db
def test_each_partys_address_is_kept_on_the_application_as_written(application_doc):
    form = parse_application(with_addresses(application_doc))
    stored = services.application_submit(
        form=form, via="api", actor="clerk", client="t", at=RECEIVED
    ).application
    stored.refresh_from_db()
    kept = {party: getattr(stored, f"{party}_address") for party in ADDRESSES}
    assert kept == ADDRESSES
    assert stored.employee_address == "1200 K Street, Sacramento, CA 95814"


@pytest.mark.django_db
def test_a_party_without_an_address_keeps_none(application_doc):
    stored = services.application_submit(
        form=parse_application(application_doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application
    assert [getattr(stored, f"{party}_address") for party in ADDRESSES] == [""] * len(ADDRESSES)


@pytest.mark.parametrize("party", list(ADDRESSES))
@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x85"])
def test_a_control_character_in_an_address_is_refused_at_that_address(
    application_doc, party, character
):
    doc = with_addresses(application_doc, **{party: f"1 Main{character} Street"})
    assert _refused(doc) == [(f"$.{party}.address", "must not contain control characters")]


@pytest.mark.parametrize("party", ["employee", *ADDRESSES])
def test_an_address_longer_than_500_characters_is_refused_as_the_employees_is(
    application_doc, party
):
    doc = with_addresses(application_doc, **{party: "x" * 501})
    assert _refused(doc) == [(f"$.{party}.address", "String should have at most 500 characters")]


def test_an_address_of_500_characters_is_taken(application_doc):
    doc = with_addresses(application_doc, attorney="x" * 500)
    assert parse_application(doc).attorney.address == "x" * 500


def test_a_text_direction_control_in_an_address_is_refused(application_doc):
    doc = with_addresses(application_doc, claims_administrator="PO Box \u202e2918")
    assert [path for path, _ in _refused(doc)] == ["$.claims_administrator.address"]


@pytest.mark.parametrize("party", ["attorney", "employer"])
def test_an_address_with_no_one_named_is_refused_at_the_name(application_doc, party):
    application_doc[party] = {"name": None, "address": "455 Capitol Mall"}
    assert _refused(application_doc) == [
        (f"$.{party}.name", f"is required when the {party}'s address is given")
    ]


def test_an_employers_name_without_an_address_is_taken(application_doc):
    application_doc["employer"] = {"name": "Capitol Grocers Inc."}
    assert parse_application(application_doc).employer.address is None


def test_an_address_of_blanks_only_is_no_address(application_doc):
    doc = with_addresses(application_doc, requesting_physician="   \n ")
    assert not parse_application(doc).requesting_physician.address
