"""What the reviewer and QA write prints in the Final Determination Letter, served on the
parties and published: a control character (a bell, an escape) prints as nothing or a box,
and a text-direction control (U+202A-U+202E, U+2066-U+2069) makes the rest of a sentence
read backwards on the public page. The summary, each item's rationale, reason for leaving
the MTUS and free citation, the amend form's texts and QA's comments are refused at their
field, as the application's texts are, and nothing is saved or issued. Line breaks and
tabs are text."""

import pytest

from openimr.cases.models import Case
from openimr.letters.models import AmendedLetter
from openimr.review.models import QAComment
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, item_post, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
CONTROL = "must not contain control characters"
DIRECTION = "must not contain text-direction controls"


@pytest.mark.parametrize(
    ("text", "said"),
    [("Low back pain\x07 since 2015.", CONTROL), ("Low back pain \u202esince 2015.", DIRECTION)],
)
def test_a_summary_with_such_a_character_is_refused_and_kept_on_the_page(
    client, cast, under_review, records_layer, text, said
):
    login(client, cast.reviewer)
    response = client.post(URL, {"action": "summary", "summary": text})
    assert response.status_code == 422
    assert f"the summary was not saved: Clinical case summary: {said}" in response.content.decode()
    assert Case.objects.get(case_number=CASE).clinical_summary is None


@pytest.mark.parametrize(
    ("field", "named"),
    [
        # Named as the page labels it, not by the field's name ("why_not_mtus").
        ("rationale", "Decision rationale"),
        ("why_not_mtus", "Why the MTUS does not apply"),
        ("free_citation", "Free citation 1"),  # its row's label: an item has several
    ],
)
@pytest.mark.parametrize(("char", "said"), [("\x1b", CONTROL), ("\u2067", DIRECTION)])
def test_an_items_text_with_such_a_character_is_refused_at_the_item(
    client, cast, under_review, records_layer, field, named, char, said
):
    login(client, cast.reviewer)
    response = item_post(client, **{f"item-0-{field}": f"Physical therapy{char} was tried first."})
    assert response.status_code == 422
    item = "Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks)"
    assert f"{item}, {named}: {said}" in response.content.decode()
    assert Case.objects.get(case_number=CASE).items.get(position=0).decision is None


def test_line_breaks_and_tabs_are_text(client, cast, under_review, records_layer):
    login(client, cast.reviewer)
    response = item_post(client, **{"item-0-rationale": "First.\r\n\tSecond."})
    assert response.status_code == 302
    assert Case.objects.get(case_number=CASE).items.get(position=0).decision is not None


@pytest.mark.parametrize("field", ["reason", "summary", "rationale_1", "why_not_mtus_1"])
def test_the_amend_form_refuses_such_a_character_at_its_field(client, cast, issued, field):
    login(client, cast.qa)
    form = client.get(f"{QA_URL}amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    texts = {
        "reason": "A typo.",
        "summary": form.initial["summary"],
        field: "Corrected\u202e text.",
    }
    reason, summary = texts.pop("reason"), texts.pop("summary")
    response = amend_post(client, reason, summary, rationales, **texts)
    assert response.status_code == 422
    assert DIRECTION in response.context["form"].errors[field][0]
    assert not AmendedLetter.objects.exists()


def test_qa_comments_with_a_control_character_are_refused(client, cast, in_qa):
    login(client, cast.qa)
    response = client.post(QA_URL, {"action": "return", "comments": "Fix the date\x1b[31m."})
    assert response.status_code == 422
    assert CONTROL in response.content.decode()
    assert not QAComment.objects.exists()
