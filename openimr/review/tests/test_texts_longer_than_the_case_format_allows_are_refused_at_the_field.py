"""The workspace's and the amend form's texts are held to the case format's limits
(openimr.case-1.schema.json: a summary or a rationale of at most 50,000 characters, a reason
for leaving the MTUS of at most 5,000): a longer one is refused at its field, saying the
limit and the length, and nothing is saved or issued. Page markers are not counted: the
letter does not print them."""

import json

import pytest

from openimr.cases.interchange import SCHEMA_PATH
from openimr.cases.models import Case
from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, item_post, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
SUMMARY_MAX = SCHEMA["properties"]["clinical_summary"]["maxLength"]
ITEM = SCHEMA["properties"]["items"]["items"]["properties"]
RATIONALE_MAX, WHY_MAX = ITEM["rationale"]["maxLength"], ITEM["why_not_mtus"]["maxLength"]


def _words(length):
    """Text of exactly ``length`` characters as printed: sentences, no space at either end."""
    return ("Pain is seven of ten." + " Pain is seven of ten." * (length // 22 + 1))[
        : length - 1
    ] + "."


def test_the_limits_are_the_case_formats():
    assert (SUMMARY_MAX, RATIONALE_MAX, WHY_MAX) == (50_000, 50_000, 5_000)


def test_a_summary_longer_than_the_format_allows_is_refused_and_nothing_is_saved(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    text = _words(SUMMARY_MAX + 1)
    response = client.post(URL, {"action": "summary", "summary": text})
    body = response.content.decode()
    assert response.status_code == 422
    assert "the summary was not saved: Clinical case summary: Ensure this text has at most " in body
    assert "at most 50,000 characters" in body and "it has 50,001" in body
    assert text in body  # kept on the page to shorten
    assert Case.objects.get(case_number=CASE).clinical_summary is None


def test_a_rationale_longer_than_the_format_allows_is_refused_at_the_item(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    response = item_post(client, **{"item-0-rationale": _words(RATIONALE_MAX + 1)})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Decision rationale: " in body and "at most 50,000 characters" in body
    assert Case.objects.get(case_number=CASE).items.get(position=0).decision is None


def test_a_rationale_at_the_limit_with_page_markers_is_saved(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    text = _words(RATIONALE_MAX - 1) + "." + " [[7 p2]]"
    assert len(text) > RATIONALE_MAX
    response = item_post(client, **{"item-0-rationale": text})
    assert response.status_code == 302
    saved = Case.objects.get(case_number=CASE).items.get(position=0).rationale
    assert len(saved) == RATIONALE_MAX


def test_a_reason_for_leaving_the_mtus_longer_than_allowed_is_refused(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    response = item_post(client, **{"item-0-why_not_mtus": _words(WHY_MAX + 1)})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Why the MTUS does not apply: " in body and "at most 5,000 characters" in body
    assert Case.objects.get(case_number=CASE).items.get(position=0).decision is None


@pytest.mark.parametrize(
    ("field", "limit"), [("rationale_1", RATIONALE_MAX), ("why_not_mtus_1", WHY_MAX)]
)
def test_the_amend_form_refuses_a_text_too_long_at_its_field(client, cast, issued, field, limit):
    login(client, cast.qa)
    form = client.get(f"{QA_URL}amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    response = amend_post(
        client, "A typo.", form.initial["summary"], rationales, **{field: _words(limit + 1)}
    )
    assert response.status_code == 422
    errors = response.context["form"].errors[field]
    assert f"at most {limit:,} characters" in errors[0]
    assert not AmendedLetter.objects.exists()


def test_the_amend_form_refuses_a_summary_too_long(client, cast, issued):
    login(client, cast.qa)
    form = client.get(f"{QA_URL}amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    response = amend_post(client, "A typo.", _words(SUMMARY_MAX + 1), rationales)
    assert response.status_code == 422
    assert "at most 50,000 characters" in response.context["form"].errors["summary"][0]
    assert not AmendedLetter.objects.exists()
