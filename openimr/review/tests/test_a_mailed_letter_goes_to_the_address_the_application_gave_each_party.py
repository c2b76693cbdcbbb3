"""The Final Determination Letter mailed to a party (LC 4610.6(f)) goes to the postal address
the application gave for it: the claims administrator, the requesting physician and the
attorney as well as the employee. Only a party with none on file (here the employer, whom
the application gives no address) waits for staff to find one."""

import pytest

from openimr.cases.models import Case
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, application_of

pytestmark = pytest.mark.django_db
ADDRESSES = {
    "employee": "1200 K Street\nSacramento, CA 95814",
    "attorney": "455 Capitol Mall, Suite 801\nSacramento, CA 95814",
    "claims_administrator": "PO Box 8192\nPleasanton, CA 94588",
    "requesting_physician": "2801 K Street, Suite 300\nSacramento, CA 95816",
}


def test_each_party_is_mailed_at_its_address_and_only_the_one_without_is_flagged(
    in_qa, django_capture_on_commit_callbacks
):
    row = Case.objects.get(case_number=CASE)
    Case.objects.filter(pk=row.pk).update(attorney_name="Dana Counsel")
    application_of(
        employee_name=row.employee_name or "",
        **{f"{party}_address": address for party, address in ADDRESSES.items()},
    )
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(case_number=CASE, actor="qa-doc")
    served = {s.party_role: s for s in LetterService.objects.all()}
    mailed = {r: (s.method, s.postal_address) for r, s in served.items() if r in ADDRESSES}
    assert mailed == {party: ("mail", address) for party, address in ADDRESSES.items()}
    assert [r for r, s in served.items() if s.needs_address] == ["employer"]
