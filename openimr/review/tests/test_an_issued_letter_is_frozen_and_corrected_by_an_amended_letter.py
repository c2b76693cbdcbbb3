"""No edit after issue: the letter row refuses a change, the workspace refuses a decision,
and a correction is a new amended letter that names the first, which stays as issued."""

from pathlib import Path

import pytest
from django.conf import settings

from openimr.cases.models import Case, DisputedItem
from openimr.core.errors import Conflict
from openimr.letters.models import AmendedLetter, IssuedLetter
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, login

pytestmark = pytest.mark.django_db


def test_an_issued_letter_refuses_an_edit(issued):
    issued.text = "changed"
    with pytest.raises(Conflict, match="a correction is a new amended letter"):
        issued.save()
    assert IssuedLetter.objects.get().text != "changed"
    with pytest.raises(Conflict):
        issued.delete()


def test_the_reviewer_cannot_change_a_decision_after_issue(client, cast, issued):
    response = login(client, cast.reviewer).post(
        f"/review/{CASE}/",
        {"action": "item", "item": "0", "item-0-decision": "overturned", "item-0-basis": "mtus"},
    )
    assert response.status_code == 409
    assert "a correction is a new amended letter" in response.content.decode()
    assert DisputedItem.objects.get(case__case_number=CASE, position=0).decision == "upheld"


def test_a_correction_is_an_amended_letter_that_names_the_first(client, cast, issued):
    first = IssuedLetter.objects.get()
    login(client, cast.qa)
    form = client.get(f"{QA_URL}amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    summary = form.initial["summary"].replace("52", "53", 1)
    response = amend_post(client, "The employee's age was misstated.", summary, rationales)
    assert response.status_code == 302
    amended = AmendedLetter.objects.get()
    assert amended.amends == first and amended.number == 1
    assert amended.text.splitlines()[1] == "Amended Final Determination Letter"
    assert "Amends: the letter issued" in amended.text and first.pdf_sha256 in amended.text
    assert "Reason for amendment: The employee's age was misstated." in amended.text
    assert (Path(settings.MEDIA_ROOT) / amended.pdf_path).exists()
    assert IssuedLetter.objects.get().text == first.text
    assert Case.objects.get(case_number=CASE).state == "issued"
    pdf = client.get(f"{QA_URL}amended/1.pdf")
    assert pdf.status_code == 200


def test_a_correction_without_a_reason_is_refused(client, cast, issued):
    login(client, cast.qa)
    response = amend_post(client, "", "A summary.", ["a", "b", "c"])
    assert response.status_code == 422
    assert not AmendedLetter.objects.exists()


def test_only_qa_corrects_an_issued_letter(client, cast, issued):
    for user in (cast.reviewer, cast.clerk):
        assert login(client, user).get(f"{QA_URL}amend/").status_code == 404
