"""A reviewer whose session ended (OPENIMR_SESSION_SECONDS after logging in) while writing a
rationale or the summary pressed Save and was sent to log in: what they had written was
lost, and nothing said so. Now nothing is saved, the login page says why, and once logged in
again the workspace puts the text back in its form, unsaved, to save; once only. Only for
the reviewer of the case: someone else logging in on that browser never sees it."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, OTHER_CASE, item_post, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
WRITTEN = "Twenty minutes of careful writing about the lumbar radiculopathy."


def _session_ends(client: Any) -> None:
    client.cookies.pop(settings.SESSION_COOKIE_NAME)


def _rationale() -> str | None:
    return Case.objects.get(case_number=CASE).items.get(position=0).rationale


def test_an_item_saved_after_the_session_ended_is_put_back_once_logged_in(
    cast, under_review, records_layer
):
    roe = login(Client(), cast.reviewer)
    roe.get(URL)
    _session_ends(roe)
    response = item_post(roe, **{"item-0-rationale": WRITTEN})
    assert response.status_code == 302
    assert response.url.startswith("/login/?next=")
    login_page = roe.get(response.url).content.decode()
    assert "Your session had ended: nothing was saved" in login_page
    assert _rationale() is None
    login(roe, cast.reviewer)
    page = roe.get(URL)
    body = page.content.decode()
    assert "was not saved: your session had ended" in body
    assert f"{WRITTEN}</textarea>" in body
    assert _rationale() is None
    assert f"{WRITTEN}</textarea>" not in roe.get(URL).content.decode()  # once only


def test_a_save_after_half_an_hour_without_a_request_is_put_back_once_logged_in(
    cast, under_review, records_layer
):
    """The idle limit (OPENIMR_SESSION_IDLE_SECONDS) ends the session of a reviewer writing
    for long without saving; what they wrote is kept as when the day's session ends."""
    roe = login(Client(), cast.reviewer)
    roe.get(URL)
    later = timezone.now() + timedelta(seconds=settings.OPENIMR_SESSION_IDLE_SECONDS + 120)
    with time_machine.travel(later, tick=False):
        response = item_post(roe, **{"item-0-rationale": WRITTEN})
        assert response.status_code == 302 and response.url.startswith("/login/?next=")
        assert _rationale() is None
        login(roe, cast.reviewer)
        assert f"{WRITTEN}</textarea>" in roe.get(URL).content.decode()


def test_a_summary_saved_after_the_session_ended_is_put_back(cast, under_review, records_layer):
    roe = login(Client(), cast.reviewer)
    _session_ends(roe)
    roe.post(URL, {"action": "summary", "summary": WRITTEN, "based_on": ""})
    login(roe, cast.reviewer)
    assert f"{WRITTEN}</textarea>" in roe.get(URL).content.decode()
    assert Case.objects.get(case_number=CASE).clinical_summary != WRITTEN


def test_another_user_logging_in_on_that_browser_never_sees_it(cast, under_review, records_layer):
    roe = login(Client(), cast.reviewer)
    _session_ends(roe)
    item_post(roe, **{"item-0-rationale": WRITTEN})
    login(roe, cast.other_reviewer)  # not a reviewer of the case: its page is refused
    assert roe.get(URL).status_code == 404
    assert WRITTEN not in roe.get(f"/review/{OTHER_CASE}/").content.decode()
    login(roe, cast.reviewer)  # another user was logged in: the session was emptied
    assert WRITTEN not in roe.get(URL).content.decode()


def test_the_other_reviewer_of_a_split_case_sees_the_page_without_it(cast, split, records_layer):
    roe = login(Client(), cast.reviewer)
    _session_ends(roe)
    item_post(roe, **{"item-0-rationale": WRITTEN})
    login(roe, cast.other_reviewer)  # decides item 2 only
    page = roe.get(URL)
    assert page.status_code == 200
    assert WRITTEN not in page.content.decode()
