"""A reviewer with the workspace open in two tabs (or two windows, or a page left open
overnight) who saves an item in one and then in the other silently lost the first save: the
second tab's form, opened on the older item, replaced the newer rationale. The save is
refused (409) when the item was saved after the page was opened, nothing is changed, the
page keeps what was just written and says why, and a second save, made knowingly, goes
through. A form without the version (an older page) still saves."""

from typing import Any

import pytest
from django.test import Client

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, item_post, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def _opened(client: Any) -> str:
    """The first item's version as the page's form carries it."""
    form = next(p["form"] for p in client.get(URL).context["items"] if p["n"] == 0)
    return form.initial.get("based_on", "")


def _rationale() -> str | None:
    return Case.objects.get(case_number=CASE).items.get(position=0).rationale


def test_a_save_from_a_tab_opened_before_the_other_tabs_save_is_refused(
    cast, under_review, records_layer
):
    roe = login(Client(), cast.reviewer)
    first_tab, second_tab = _opened(roe), _opened(roe)
    saved = item_post(
        roe, **{"item-0-based_on": first_tab, "item-0-rationale": "Long and careful."}
    )
    assert saved.status_code == 302
    response = item_post(roe, **{"item-0-based_on": second_tab, "item-0-rationale": "Short."})
    body = response.content.decode()
    assert response.status_code == 409
    assert "item 1 was saved after this page was opened" in body
    assert "Short.</textarea>" in body  # what was just written is kept on the page
    assert _rationale() == "Long and careful."
    again = next(p["form"] for p in response.context["items"] if p["n"] == 0)
    answer = item_post(
        roe, **{"item-0-based_on": again["based_on"].value(), "item-0-rationale": "Merged."}
    )
    assert answer.status_code == 302
    assert _rationale() == "Merged."


def test_saving_twice_from_one_page_reloaded_is_not_a_conflict(cast, under_review, records_layer):
    roe = login(Client(), cast.reviewer)
    assert (
        item_post(roe, **{"item-0-based_on": _opened(roe), "item-0-rationale": "One."}).status_code
        == 302
    )
    assert (
        item_post(roe, **{"item-0-based_on": _opened(roe), "item-0-rationale": "Two."}).status_code
        == 302
    )
    assert _rationale() == "Two."


def test_a_form_without_a_version_still_saves(cast, under_review, records_layer):
    roe = login(Client(), cast.reviewer)
    assert item_post(roe, **{"item-0-rationale": "One."}).status_code == 302
    assert item_post(roe, **{"item-0-rationale": "Two."}).status_code == 302
    assert _rationale() == "Two."
