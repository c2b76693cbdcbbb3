"""An amended letter is served on the parties like the first, so it is held to the same rule
(LC 4610.6(f)): a corrected summary, rationale or reason for leaving the MTUS that names the
assigned reviewer or gives their license number is refused, saying where (never what), and
nothing is issued."""

import pytest

from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import QA_URL, amend_post, login
from openimr.reviewers.models import License

pytestmark = pytest.mark.django_db


def _texts(client):
    form = client.get(f"{QA_URL}amend/").context["form"]
    return form.initial["summary"], [form.initial[f"rationale_{n}"] for n in range(3)]


def test_a_summary_that_names_the_reviewer_is_refused_and_nothing_is_issued(client, cast, issued):
    login(client, cast.qa)
    summary, rationales = _texts(client)
    named = f"{summary} Reviewed by Dr. Jane Q. Roe."
    response = amend_post(client, "The summary was incomplete.", named, rationales)
    body = response.content.decode()
    assert response.status_code == 422
    assert "the reviewer&#x27;s name appears in the clinical summary" in body
    assert not AmendedLetter.objects.exists()


def test_a_rationale_with_the_reviewers_license_number_is_refused(client, cast, issued):
    login(client, cast.qa)
    summary, rationales = _texts(client)
    number = License.objects.get(reviewer__reviewer_id="R-1").number
    rationales[1] = f"{rationales[1]} (license {number})"
    response = amend_post(client, "The rationale was unclear.", summary, rationales)
    assert response.status_code == 422
    assert "appears in the rationale of item 2" in response.content.decode()
    assert not AmendedLetter.objects.exists()


def test_a_correction_without_the_reviewers_identity_issues(client, cast, issued):
    login(client, cast.qa)
    summary, rationales = _texts(client)
    response = amend_post(client, "A typo.", f"{summary} No further records.", rationales)
    assert response.status_code == 302
    assert AmendedLetter.objects.count() == 1
