"""The address staff type when marking a copy printed for a party with none on file is kept
with the service as where it was mailed, and shown in the print queue and the timeline: a
control character (a NUL cannot be stored on PostgreSQL) or a text-direction control is
refused at ``$.postal_address``, as the application's addresses are, and the copy stays
unprinted. Line breaks separate its lines."""

import pytest

from openimr.core.errors import InvalidInput
from openimr.letters.services import letter_service_mark_printed
from openimr.review.tests.test_a_party_with_no_postal_address_is_shown_as_needing_one import (
    _assigned,
    _service,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("45 Clinic Way\x00\nFresno, CA 93701", "must not contain control characters"),
        ("45 Clinic Way\n\u202eFresno, CA 93701", "must not contain text-direction controls"),
    ],
)
def test_such_an_address_is_refused_and_the_copy_stays_unprinted(application_doc, address, said):
    physician = _service(_assigned(application_doc), "requesting_physician")
    with pytest.raises(InvalidInput) as caught:
        letter_service_mark_printed(service_id=physician.pk, actor="clerk", postal_address=address)
    assert [(p.path, p.message[: len(said)]) for p in caught.value.problems] == [
        ("$.postal_address", said)
    ]
    physician.refresh_from_db()
    assert (physician.printed_at, physician.postal_address) == (None, "")
