"""The reason for an amendment prints in the amended letter ("Reason for amendment: ..."),
which is served on every party: like the corrected texts, a reason naming the reviewer or
giving their license number is refused, saying where (never what), and nothing is issued
(LC 4610.6(f))."""

import pytest

from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import QA_URL, amend_post, login
from openimr.reviewers.models import License

pytestmark = pytest.mark.django_db


def _texts(client):
    form = client.get(f"{QA_URL}amend/").context["form"]
    return form.initial["summary"], [form.initial[f"rationale_{n}"] for n in range(3)]


@pytest.mark.parametrize("reveals", ["name", "license"])
def test_a_reason_that_reveals_the_reviewer_is_refused_and_nothing_is_issued(
    client, cast, issued, reveals
):
    login(client, cast.qa)
    summary, rationales = _texts(client)
    number = License.objects.get(reviewer__reviewer_id="R-1").number
    said = "Dr. Jane Q. Roe" if reveals == "name" else f"license {number}"
    reason = f"Corrected at the request of {said}."
    response = amend_post(client, reason, summary, rationales)
    body = response.content.decode()
    assert response.status_code == 422
    assert "appears in the reason for the amendment" in body
    assert not AmendedLetter.objects.exists()


def test_a_reason_without_the_reviewers_identity_is_printed_in_the_amended_letter(
    client, cast, issued
):
    login(client, cast.qa)
    summary, rationales = _texts(client)
    response = amend_post(client, "The date of injury was misstated.", summary, rationales)
    assert response.status_code == 302
    assert "The date of injury was misstated." in AmendedLetter.objects.get().text
