"""QA approves what it has read (LC 4610.6(f), (g): the letter issued binds the parties).
A QA page left open in one tab while the case was returned, changed by the reviewer and
submitted again issued the new determination, unread, when approved from that tab. The
page now carries the determination it showed, and an approval from an older page is
refused, 409, nothing issued; the page then shows the determination as it stands."""

import re

import pytest

from openimr.letters.models import IssuedLetter
from openimr.review.tests.conftest import QA_URL, item_post, login

pytestmark = pytest.mark.django_db


def _shown_version(client) -> str:
    page = client.get(QA_URL).content.decode()
    return re.search(r'name="based_on" value="([0-9a-f]{16})"', page)[1]


def _returned_changed_and_resubmitted(client, cast):
    login(client, cast.qa).post(QA_URL, {"action": "return", "comments": "Say which visits."})
    login(client, cast.reviewer)
    changed = (
        "Twelve visits already given for the lumbar radiculopathy, the progress note of "
        "August 30, 2016 records; the guideline allows 8 to 10. Not medically necessary."
    )
    assert item_post(client, **{"item-0-rationale": changed}).status_code == 302
    assert client.post("/review/CM16-0400101/", {"action": "submit"}).status_code == 302


def test_an_approval_from_a_page_opened_before_a_resubmission_is_refused(client, cast, in_qa):
    stale = _shown_version(login(client, cast.qa))
    _returned_changed_and_resubmitted(client, cast)
    login(client, cast.qa)
    response = client.post(QA_URL, {"action": "approve", "based_on": stale})
    assert response.status_code == 409
    page = response.content.decode()
    assert "the determination was submitted again after this page was opened" in page
    assert "nothing was issued" in page
    assert "Twelve visits already given for" in page  # the determination as it stands now
    assert not IssuedLetter.objects.exists()


def test_an_approval_from_the_page_showing_the_determination_issues_it(client, cast, in_qa):
    _returned_changed_and_resubmitted(client, cast)
    login(client, cast.qa)
    response = client.post(QA_URL, {"action": "approve", "based_on": _shown_version(client)})
    assert response.status_code == 302
    assert "Twelve visits already given for" in IssuedLetter.objects.get().text


def test_an_approval_without_a_version_is_taken_as_before(client, cast, in_qa):
    response = login(client, cast.qa).post(QA_URL, {"action": "approve"})
    assert response.status_code == 302
    assert IssuedLetter.objects.exists()
