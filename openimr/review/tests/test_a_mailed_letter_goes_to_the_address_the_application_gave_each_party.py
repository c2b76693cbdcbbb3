"""The Final Determination Letter mailed to a party (LC 4610.6(f)) goes to the postal address
the application gave for it: the claims administrator, the requesting physician, the
attorney and the employer as well as the employee. Only a party with none on file waits for
staff to find one."""

import pytest

from openimr.cases.models import Case
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, application_of

pytestmark = pytest.mark.django_db
ADDRESSES = {
    "employee": "1200 K Street\nSacramento, CA 95814",
    "attorney": "455 Capitol Mall, Suite 801\nSacramento, CA 95814",
    "employer": "8900 Elk Grove Boulevard\nElk Grove, CA 95624",
    "claims_administrator": "PO Box 8192\nPleasanton, CA 94588",
    "requesting_physician": "2801 K Street, Suite 300\nSacramento, CA 95816",
}


def _issued(capture, **addresses) -> dict[str, LetterService]:
    row = Case.objects.get(case_number=CASE)
    Case.objects.filter(pk=row.pk).update(attorney_name="Dana Counsel")
    application_of(
        employee_name=row.employee_name or "",
        **{f"{party}_address": address for party, address in addresses.items()},
    )
    with capture(execute=True):
        letter_issue(case_number=CASE, actor="qa-doc")
    return {s.party_role: s for s in LetterService.objects.all()}


def test_each_party_is_mailed_at_its_address_and_none_is_flagged(
    in_qa, django_capture_on_commit_callbacks
):
    served = _issued(django_capture_on_commit_callbacks, **ADDRESSES)
    assert Case.objects.get(case_number=CASE).employer_name  # the employer is served
    mailed = {r: (s.method, s.postal_address) for r, s in served.items()}
    assert mailed == {party: ("mail", address) for party, address in ADDRESSES.items()}
    assert not any(s.needs_address for s in served.values())


def test_only_the_party_with_no_address_on_file_is_flagged(
    in_qa, django_capture_on_commit_callbacks
):
    given = {party: address for party, address in ADDRESSES.items() if party != "employer"}
    served = _issued(django_capture_on_commit_callbacks, **given)
    assert [r for r, s in served.items() if s.needs_address] == ["employer"]
    assert served["employer"].postal_address == ""
