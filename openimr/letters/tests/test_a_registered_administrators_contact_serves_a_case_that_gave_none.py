"""A claims administrator registered with an address and e-mail on file gets the letters of
its cases that gave none for it: e-mailed there, not left in the print queue flagged for an
address. What a case gave for it still comes first."""

import pytest
from django.contrib.auth import get_user_model

from openimr.cases.interchange import imported_from_document
from openimr.cases.services import administrator_contact_set, administrator_register, case_import
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
ADMINISTRATOR = "Golden State Claims Services, Inc."  # the three-item case names it
EMPLOYEE = {"employee": {"address": "2417 Pacific Coast Highway\nLong Beach, CA 90806"}}


@pytest.fixture
def registered():
    get_user_model().objects.create_user("golden-portal")
    administrator_register(
        name=ADMINISTRATOR,
        username="golden-portal",
        actor="test",
        address="P.O. Box 60214\nSacramento, CA 95860",
        email="imr@golden.test",
    )


def _served(doc, contacts, capture):
    case, found, _ = imported_from_document({**doc, "contacts": contacts})
    case_import(case=case, actor="test", contacts=found)
    with capture(execute=True):
        letter_issue(case_number=case.case_number, actor="qa")
    rows = LetterService.objects.filter(case__case_number=case.case_number)
    return {row.party_role: row for row in rows}["claims_administrator"]


def test_a_case_with_no_contact_for_its_administrator_is_served_at_the_registered_one(
    registered, three_item_doc, django_capture_on_commit_callbacks
):
    served = _served(three_item_doc, EMPLOYEE, django_capture_on_commit_callbacks)
    assert (served.method, served.address) == ("email", "imr@golden.test")
    assert served.postal_address == "P.O. Box 60214\nSacramento, CA 95860"
    assert not served.needs_address


def test_what_the_case_gave_for_its_administrator_comes_first(
    registered, three_item_doc, django_capture_on_commit_callbacks
):
    given = {**EMPLOYEE, "claims_administrator": {"email": "desk@golden.test"}}
    served = _served(three_item_doc, given, django_capture_on_commit_callbacks)
    assert served.address == "desk@golden.test"
    # The case gave no postal address: the registered one is the fallback for mailing.
    assert served.postal_address == "P.O. Box 60214\nSacramento, CA 95860"


def test_without_any_contact_on_file_the_administrator_is_flagged_for_an_address(
    three_item_doc, django_capture_on_commit_callbacks
):
    served = _served(three_item_doc, EMPLOYEE, django_capture_on_commit_callbacks)
    assert served.needs_address


def test_a_contact_cleared_on_the_registration_is_no_longer_used(
    registered, three_item_doc, django_capture_on_commit_callbacks
):
    administrator_contact_set(name=ADMINISTRATOR, actor="test", address="", email="")
    served = _served(three_item_doc, EMPLOYEE, django_capture_on_commit_callbacks)
    assert served.needs_address
