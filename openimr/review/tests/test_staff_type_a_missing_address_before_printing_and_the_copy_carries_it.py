"""A party with no postal address on file got its mailed copy with no address in the
envelope's window: staff could say where they mailed it only at "Mark printed", after
printing, and addressed that envelope by hand. Staff now type the address on the queue's
row first (kept on the service row, where "Mailed to" is kept, audited): the copy they then
print shows it through the window, and "Mark printed" offers it."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.letters.models import LetterService
from openimr.letters.tests.pdf_reading import in_window
from openimr.review.tests.conftest import login
from openimr.review.tests.test_a_mailed_letter_shows_its_address_through_an_envelope_window import (
    _issue,
)
from openimr.review.tests.test_a_party_with_no_postal_address_is_shown_as_needing_one import (
    _assigned,
    _service,
)

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
STREET, CITY = "45 Clinic Way", "Fresno, CA 93701"
TYPED = f"  {STREET}\r\n{CITY} "


@pytest.fixture
def physician(application_doc):
    """The requesting physician of a newly assigned case: mailed, no address on file."""
    row = _service(_assigned(application_doc), "requesting_physician")
    assert row.needs_address
    return row


def _enter(client, row, address=TYPED):
    return client.post(f"{QUEUE}{row.pk}/address/", {"postal_address": address}, follow=True)


def test_the_notice_printed_after_the_address_is_typed_shows_it_in_the_window(
    client, cast, physician
):
    login(client, cast.clerk)
    response = _enter(client, physician)
    assert response.redirect_chain[-1] == (QUEUE, 302)
    assert "Address saved for the requesting physician" in response.content.decode()
    pdf = client.get(f"{QUEUE}{physician.pk}/notice.pdf").content
    assert in_window(pdf, physician.party_name) and in_window(pdf, STREET)
    assert in_window(pdf, CITY)
    physician.refresh_from_db()
    assert physician.postal_address == f"{STREET}\n{CITY}"
    assert (physician.address_entered_by, physician.printed_at) == ("clerk", None)


def test_the_letter_printed_after_the_address_is_typed_shows_it_in_the_window(
    client, cast, in_qa, django_capture_on_commit_callbacks
):
    served = _issue(django_capture_on_commit_callbacks)
    row = next(s for s in served.values() if s.needs_address)
    login(client, cast.clerk)
    assert not in_window(client.get(f"{QUEUE}{row.pk}/letter.pdf").content, STREET)
    _enter(client, row)
    pdf = client.get(f"{QUEUE}{row.pk}/letter.pdf").content
    assert in_window(pdf, STREET) and in_window(pdf, CITY)


def test_mark_printed_offers_the_typed_address_and_records_it_as_found_by_staff(
    client, cast, physician
):
    login(client, cast.clerk)
    _enter(client, physician)
    queue = client.get(QUEUE).content.decode()
    mailed_to = f'id="mailed-to-{physician.pk}"'
    assert mailed_to in queue
    assert f"{STREET}\n{CITY}</textarea>" in queue.split(mailed_to, 1)[1]
    assert "None on file: typed by clerk" in queue
    client.post(f"{QUEUE}{physician.pk}/printed/", {"postal_address": f"{STREET}\n{CITY}"})
    physician.refresh_from_db()
    assert physician.status == "printed" and physician.postal_address == f"{STREET}\n{CITY}"
    event = AuditEvent.objects.get(action="notice.printed")
    assert event.detail["address_found_by_staff"] is True


def test_typing_the_address_is_audited_with_the_case_and_a_change_says_it_replaced_one(
    client, cast, physician
):
    login(client, cast.clerk)
    _enter(client, physician)
    _enter(client, physician, "PO Box 12\nFresno, CA 93702")
    events = AuditEvent.objects.filter(action="notice.address_entered").order_by("id")
    assert [(e.object_type, e.object_id, e.actor.username) for e in events] == [
        ("case", physician.case.case_number, "clerk")
    ] * 2
    assert [e.detail for e in events] == [
        {"service": physician.pk, "party_role": "requesting_physician", "replaced": replaced}
        for replaced in (False, True)
    ]
    physician.refresh_from_db()
    assert physician.postal_address == "PO Box 12\nFresno, CA 93702"


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("   \n ", "no postal address is on file for the requesting physician"),
        ("x" * 501, "at most 500 characters, got 501"),
        (f"{STREET}\x1b[2J\n{CITY}", "must not contain control characters"),
        (f"{STREET}\n\u202e{CITY}", "must not contain text-direction controls"),
        ("\n".join(f"Line {n}" for n in range(8)), "the name and address take 9 lines"),
    ],
    ids=["empty", "too long", "control character", "text direction", "too many lines"],
)
def test_a_bad_address_is_refused_naming_the_field_and_nothing_is_kept(
    client, cast, physician, address, said
):
    login(client, cast.clerk)
    body = _enter(client, physician, address).content.decode()
    assert "Not saved: the postal address: " in body and said in body
    physician.refresh_from_db()
    assert (physician.postal_address, physician.address_entered_by) == ("", "")
    assert not AuditEvent.objects.filter(action="notice.address_entered").exists()


@pytest.mark.parametrize("role", ["reviewer", "qa"])
def test_another_role_gets_404_and_nothing_is_kept(client, cast, physician, role):
    response = login(client, getattr(cast, role)).post(
        f"{QUEUE}{physician.pk}/address/", {"postal_address": TYPED}
    )
    assert response.status_code == 404
    physician.refresh_from_db()
    assert (physician.postal_address, physician.address_entered_by) == ("", "")


def test_an_address_on_file_or_a_printed_copy_is_not_changed_here(
    client, cast, application_doc, physician
):
    payer = _service(physician.case, "claims_administrator")
    LetterService.objects.filter(pk=payer.pk).update(postal_address="1 Capitol Mall")
    login(client, cast.clerk)
    body = _enter(client, payer).content.decode()
    assert "has a postal address on file: nothing was changed" in body
    client.post(f"{QUEUE}{physician.pk}/printed/", {"postal_address": TYPED})
    body = _enter(client, physician, "PO Box 12").content.decode()
    assert "already marked printed" in body
    payer.refresh_from_db()
    physician.refresh_from_db()
    assert (payer.postal_address, physician.postal_address) == (
        "1 Capitol Mall",
        f"{STREET}\n{CITY}",
    )
    assert not AuditEvent.objects.filter(action="notice.address_entered").exists()
    assert client.post(f"{QUEUE}999999/address/", {"postal_address": TYPED}).status_code == 404
