"""A citation entered twice for one item (the same catalog entry twice, a free citation equal
to a chosen entry or to another free one, case and spacing aside) was stored twice and
printed twice in the letter as the standard the decision rests on. It is refused at save,
naming the item and the row it was entered in, and nothing is saved: in the workspace, in
the amend form, and in the service every caller goes through (LC 4610.6(e))."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.models import DisputedItem
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.core.case import Citation, Decision
from openimr.core.errors import InvalidInput
from openimr.letters.models import AmendedLetter, IssuedLetter
from openimr.review import services
from openimr.review.tests.conftest import (
    CASE,
    QA_URL,
    amend_post,
    assign,
    item_post,
    login,
)
from tests.a11y_html import parse

pytestmark = pytest.mark.django_db
ITEM = "Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks)"
CHRONIC_PAIN = "Chronic Pain Medical Treatment Guidelines, 2009 (8 CCR 9792.24.2)"
ODG = "Official Disability Guidelines, Low Back, Physical therapy"
TWICE = "the letter would print it twice; cite each source once"


def _basis():
    return DisputedItem.objects.get(case__case_number=CASE, position=0).reviewer_basis


def _refused(response):
    body = response.content.decode()
    assert response.status_code == 422, body[:2000]
    assert _basis() == []
    return body


def test_a_free_citation_equal_to_the_chosen_entry_is_refused_at_its_row(
    client, cast, under_review
):
    login(client, cast.reviewer)
    typed = "  chronic pain medical treatment   guidelines, 2009 (8 CCR 9792.24.2)"
    response = item_post(
        client,
        **{"item-0-basis": "mtus-chronic-pain", "item-0-free_citation": typed},
        **{"item-0-free_is_mtus": "on", "item-0-why_not_mtus": ""},
    )
    body = _refused(response)
    assert (
        f"{ITEM}, Free citation 1: repeats the entry chosen in the guideline list, "
        f"&#x27;{CHRONIC_PAIN}&#x27;: {TWICE}"
    ) in body
    [row] = [e for e in parse(body).all("input") if e.attrs.get("name") == "item-0-free_citation"]
    assert row.attrs.get("aria-invalid") == "true"  # marked at the row, not just the alert


def test_a_free_citation_equal_to_another_row_is_refused_at_the_second(client, cast, under_review):
    login(client, cast.reviewer)
    response = item_post(client, **{"item-0-free_citation_1": ODG.upper().replace(" ", "  ")})
    body = _refused(response)
    assert f"{ITEM}, Free citation 2: repeats free citation 1, &#x27;{ODG}&#x27;" in body
    assert "Free citation 1: repeats" not in body


def test_two_equal_citations_in_one_row_are_refused_at_that_row(client, cast, under_review):
    login(client, cast.reviewer)
    response = item_post(client, **{"item-0-free_citation": f"{ODG}; {ODG.lower()}"})
    body = _refused(response)
    assert f"{ITEM}, Free citation 1: names &#x27;{ODG}&#x27; twice" in body


def test_the_same_catalog_entry_sent_twice_is_refused_at_the_list(client, cast, under_review):
    login(client, cast.reviewer)
    chosen = ["mtus-chronic-pain", "mtus-chronic-pain"]
    response = item_post(
        client, **{"item-0-basis": chosen, "item-0-free_citation": "", "item-0-why_not_mtus": ""}
    )
    body = _refused(response)
    assert (
        f"{ITEM}, Basis from the guideline catalog: names &#x27;{CHRONIC_PAIN}&#x27; twice"
    ) in body


def test_citations_that_differ_by_more_than_case_and_spacing_are_both_saved(
    client, cast, under_review
):
    login(client, cast.reviewer)
    other = f"{ODG}, flare-ups"
    assert item_post(client, **{"item-0-free_citation_1": other}).status_code == 302
    assert _basis() == [{"mtus": False, "citation": ODG}, {"mtus": False, "citation": other}]


def test_the_service_refuses_a_repeated_citation_at_the_items_basis(cast, under_review):
    basis = (Citation(False, ODG), Citation(False, f" {ODG.lower()} "))
    why = "The MTUS does not address visits after a flare of pain."
    entry = services.ItemInput(0, Decision.UPHELD, basis, why, "Lumbar strain, no deficit.")
    with pytest.raises(InvalidInput) as refused:
        services.item_save(row=case_row(CASE), entry=entry, actor=cast.reviewer)
    [problem] = refused.value.problems
    assert problem.path == "$.items[0].reviewer_basis"
    assert problem.message.startswith("citation 2 (' official disability")
    assert "repeats citation 1" in problem.message
    assert _basis() == []


def test_the_amend_form_refuses_a_citation_entered_twice_naming_item_and_row(client, cast, issued):
    login(client, cast.qa)
    form = client.get(f"{QA_URL}amend/").context["form"]
    texts = [form.initial[f"rationale_{n}"] for n in range(3)]
    changes = {"basis_0": None, "free_citation_0": ODG, "free_citation_0_1": f"{ODG} "}
    changes["why_not_mtus_0"] = "The MTUS does not address visits after a flare of pain."
    response = amend_post(
        client, "The basis was misstated.", form.initial["summary"], texts, **changes
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert (
        f"Other citation 2 of item 1: repeats other citation 1 of item 1, &#x27;{ODG}&#x27;"
    ) in body
    assert not AmendedLetter.objects.exists()


@pytest.fixture
def repeated_in_qa(cast, three_item_doc):
    """The demo case in QA, imported with item 3's citation written twice (as a case decided
    elsewhere, or stored before the rule, may hold it)."""
    basis = three_item_doc["items"][2]["reviewer_basis"]
    basis.append({**basis[0], "citation": basis[0]["citation"].upper()})
    case_import(case=case_from_document(three_item_doc), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")
    return basis[0]["citation"]


def test_a_repeated_citation_already_stored_holds_the_letter_at_qa(client, cast, repeated_in_qa):
    login(client, cast.qa)
    page = client.get(QA_URL).content.decode()
    assert "item 3 (Orthopedic cervical pillow): citation 2 (" in page
    assert "repeats citation 1" in page
    assert client.post(QA_URL, {"action": "approve"}).status_code == 422
    assert not IssuedLetter.objects.exists()
