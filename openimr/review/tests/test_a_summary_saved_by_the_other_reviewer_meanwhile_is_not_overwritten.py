"""On a split case either reviewer may write the clinical summary. One who saves a summary
opened before the other reviewer's save would silently overwrite it: the save is refused
(409), nothing is changed, the page keeps the text just written and now shows the saved
summary's sources, and a second save, made knowingly, goes through."""

from typing import Any

import pytest
from django.test import Client

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def _opened(client: Any) -> dict[str, str]:
    """The summary form's fields as the page gave them."""
    form = client.get(URL).context["summary_form"]
    return {"action": "summary", "based_on": form.initial.get("based_on", "")}


def _summary() -> str | None:
    return Case.objects.get(case_number=CASE).clinical_summary


def test_a_summary_opened_before_the_other_reviewers_save_is_refused(cast, split, records_layer):
    roe, park = login(Client(), cast.reviewer), login(Client(), cast.other_reviewer)
    roe_form, park_form = _opened(roe), _opened(park)
    assert park.post(URL, {**park_form, "summary": "Dr. Park's summary."}).status_code == 302
    response = roe.post(URL, {**roe_form, "summary": "Dr. Roe's summary."})
    body = response.content.decode()
    assert response.status_code == 409
    assert "saved the summary after you opened it" in body
    assert "Dr. Roe&#x27;s summary." in body  # the text just written is kept on the page
    assert "Dr. Park&#x27;s summary." in body  # and the saved one is shown
    assert _summary() == "Dr. Park's summary."
    again = response.context["summary_form"].initial["based_on"]
    answer = roe.post(URL, {"action": "summary", "based_on": again, "summary": "Both, merged."})
    assert answer.status_code == 302
    assert _summary() == "Both, merged."


def test_saving_twice_from_one_page_is_not_a_conflict(cast, split, records_layer):
    roe = login(Client(), cast.reviewer)
    assert roe.post(URL, {**_opened(roe), "summary": "First."}).status_code == 302
    assert roe.post(URL, {**_opened(roe), "summary": "Second."}).status_code == 302
    assert _summary() == "Second."
