"""Text pasted from Word into the workspace: a manual line break (Shift+Enter) comes as a
vertical tab and a page break as a form feed, which refused the whole summary with "must not
contain control characters" and no word of where; a soft hyphen, a zero-width space or a
byte-order mark inside a word was kept, so the text letter and the corpus held a word no
search finds. The breaks now save as line breaks, the invisible characters are taken out,
and a control character still refused is named with where it is."""

import pytest

from openimr.cases.models import Case
from openimr.cases.selectors import case_by_number
from openimr.letters.rendering import render
from openimr.letters.selectors import case_for_letter
from openimr.review.tests.conftest import CASE, item_post, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def test_words_manual_and_page_breaks_save_as_line_breaks(client, cast, under_review):
    login(client, cast.reviewer)
    pasted = "Treated with:\x0b1. Physical therapy\x0b2. Naproxen\x0cShe still works."
    assert client.post(URL, {"action": "summary", "summary": pasted}).status_code == 302
    saved = Case.objects.get(case_number=CASE).clinical_summary
    assert saved == "Treated with:\n1. Physical therapy\n2. Naproxen\n\nShe still works."


def test_invisible_characters_inside_words_are_taken_out_of_every_text(client, cast, under_review):
    login(client, cast.reviewer)
    fields = {
        "item-0-rationale": "Physio\u00adtherapy gave no gain\u200b; \ufeffno more visits.",
        "item-0-why_not_mtus": "The MTUS does not ad\u2060dress visits after a flare of pain.",
        "item-0-free_citation": "Official Disability Guide\u00adlines, Low Back",
    }
    assert item_post(client, **fields).status_code == 302
    item = case_by_number(CASE).items[0]
    assert item.rationale == "Physiotherapy gave no gain; no more visits."
    assert item.why_not_mtus == "The MTUS does not address visits after a flare of pain."
    assert item.reviewer_basis[0].citation == "Official Disability Guidelines, Low Back"
    letter = render(case_for_letter(CASE), "text").decode()
    assert "Physiotherapy gave no gain" in letter and "\u00ad" not in letter


def test_a_refused_control_character_is_named_with_where_it_is(client, cast, under_review):
    login(client, cast.reviewer)
    response = client.post(URL, {"action": "summary", "summary": "First line.\nSec\x07ond."})
    assert response.status_code == 422
    assert (
        "Clinical case summary: must not contain control characters: U+0007 on line 2, character 16"
    ) in response.content.decode()
