"""A correction of an issued letter changes the determination's words (its summary, each
item's rationale and basis), and QA checks it as it checked the first letter. An account
holding both roles that reviewed the case could amend its own letter with no second
physician's check. It is refused, 409 saying another QA physician must amend it, and no
amended letter issues; any other QA physician amends as before."""

import pytest
from django.contrib.auth.models import Group

from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import QA_URL, amend_post, login

pytestmark = pytest.mark.django_db


def _texts(client):
    form = client.get(f"{QA_URL}amend/").context["form"]
    return form.initial["summary"], [form.initial[f"rationale_{n}"] for n in range(3)]


def test_the_reviewer_of_the_case_is_refused_and_no_amended_letter_issues(client, cast, issued):
    cast.reviewer.groups.add(Group.objects.get(name="qa"))
    login(client, cast.reviewer)
    summary, rationales = _texts(client)
    response = amend_post(client, "A typo.", f"{summary} No further records.", rationales)
    assert response.status_code == 409
    assert "another QA physician must amend its letter" in response.content.decode()
    assert not AmendedLetter.objects.exists()


def test_another_qa_physician_amends_as_before(client, cast, issued):
    cast.reviewer.groups.add(Group.objects.get(name="qa"))
    login(client, cast.qa)
    summary, rationales = _texts(client)
    response = amend_post(client, "A typo.", f"{summary} No further records.", rationales)
    assert response.status_code == 302
    assert AmendedLetter.objects.count() == 1
