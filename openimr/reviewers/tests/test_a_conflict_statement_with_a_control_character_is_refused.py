"""A reviewer declaring a conflict of interest says what it is (LC 139.5): the statement is
kept with the assignment and shown to staff. A control character (a NUL cannot be stored on
PostgreSQL) or a text-direction control is refused with the reason on the page, and the
assignment stays proposed: the reviewer is neither kept nor replaced on a statement no one
could read as written."""

import pytest

from openimr.reviewers import models
from openimr.reviewers.tests.test_an_attestation_answer_it_does_not_know_is_refused import (
    assignment,  # noqa: F401  (the fixture)
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("I consulted\x00 for the employer.", "must not contain control characters"),
        ("I consulted for the \u202eemployer.", "must not contain text-direction controls"),
    ],
)
def test_such_a_statement_is_refused_and_the_assignment_stays_proposed(
    client,
    staff_client,
    assignment,  # noqa: F811
    statement,
    said,
):
    response = client.post(
        f"/reviewers/attest/{assignment.pk}/",
        {"answer": "conflict", "statement": statement},
        follow=True,
    )
    assert f"the statement {said}" in response.content.decode()
    assignment.refresh_from_db()
    assert (assignment.status, assignment.statement) == ("proposed", "")
    assert models.Assignment.objects.filter(case_id=assignment.case_id).count() == 1
