"""The application the demo files gives each party the postal address of DWC Form IMR's
address blocks, and the employer an address too (served the letter by mail, LC 4610.6(f)),
so that the notices and letter mailed on it print addressed: once staff assign it, no copy
of its Notice of Assignment waits in the print queue for an address."""

import pytest

from openimr.cases import services
from openimr.cases.models import Application
from openimr.demo.intake import ADDRESSES, CLIENT, demo_application_file

pytestmark = pytest.mark.django_db


def test_each_party_of_the_demo_application_has_its_address_on_file():
    demo_application_file()
    stored = Application.objects.get(client=CLIENT)
    assert {party: getattr(stored, f"{party}_address") for party in ADDRESSES} == ADDRESSES


def test_the_notice_of_assignment_is_mailed_addressed_to_every_party():
    demo_application_file()
    row = Application.objects.get(client=CLIENT).case
    services.case_assign(row=row, actor="clerk")
    notice = row.notices.get(kind="noarfi")
    mailed = {s.party_role: s.postal_address for s in notice.services.all()}
    # The notices go to every party but the employer, who is served the letter only.
    assert mailed == {party: address for party, address in ADDRESSES.items() if party != "employer"}
    assert not any(s.needs_address for s in notice.services.all())
