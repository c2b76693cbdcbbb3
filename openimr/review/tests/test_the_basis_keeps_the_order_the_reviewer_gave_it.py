"""The forms list catalog entries apart from free citations, and saved them catalog first: an
item citing a free MTUS source first and a catalog one second printed them the other way
round once the item was saved again, even unchanged, or corrected on the amend form. Each
citation now has a position; the basis keeps the reviewer's order through save, reopen,
amend, the API and the letter in text, HTML and PDF."""

import pytest

from openimr.cases.models import DisputedItem
from openimr.cases.selectors import case_row
from openimr.core.case import Citation, Decision
from openimr.letters.models import AmendedLetter
from openimr.letters.rendering import render
from openimr.letters.selectors import case_for_letter
from openimr.letters.tests.pdf_reading import reading
from openimr.review import services
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, login
from openimr.review.tests.test_each_free_citation_keeps_its_own_mtus_flag import _item_as_shown

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
FREE = "Chronic Pain Medical Treatment Guidelines, Physical Medicine, pp. 98-99"
ENTRY = "mtus-acoem-neck"
CATALOG = (
    "ACOEM Practice Guidelines, Chapter 8, Neck and Upper Back Complaints, 2nd Edition (2004) "
    "(8 CCR 9792.23.1)"
)
RATIONALE = "Neck strain with no deficit on examination; more visits are not needed."
IN_ORDER = [{"mtus": True, "citation": FREE}, {"mtus": True, "citation": CATALOG}]
LINE = f"Decision based on MTUS {FREE}; {CATALOG}."


def _basis(n=0):
    return DisputedItem.objects.get(case__case_number=CASE, position=n).reviewer_basis


def _store_free_first(reviewer):
    basis = (Citation(True, FREE), Citation(True, CATALOG))
    entry = services.ItemInput(0, Decision.UPHELD, basis, "", RATIONALE)
    services.item_save(row=case_row(CASE), entry=entry, actor=reviewer)


def _folded(data: bytes) -> str:
    return " ".join(data.decode().split())


def test_positions_put_a_free_citation_before_a_catalog_entry(client, cast, under_review):
    login(client, cast.reviewer)
    data = {
        "action": "item",
        "item": "0",
        "item-0-decision": "upheld",
        "item-0-basis": [ENTRY],
        f"item-0-basis_position_{ENTRY}": "2",
        "item-0-free_citation": FREE,
        "item-0-free_is_mtus": "on",
        "item-0-free_position": "1",
        "item-0-rationale": RATIONALE,
    }
    assert client.post(URL, data).status_code == 302
    assert _basis() == IN_ORDER


def test_an_item_reopened_and_saved_unchanged_keeps_its_order(client, cast, under_review):
    _store_free_first(cast.reviewer)
    page, data = _item_as_shown(login(client, cast.reviewer))
    shown = {e.attrs.get("name"): e.attrs.get("value") for e in page.all("input")}
    assert shown[f"item-0-basis_position_{ENTRY}"] == "2"
    assert shown["item-0-free_position"] == "1"
    assert client.post(URL, data).status_code == 302
    assert _basis() == IN_ORDER


def test_the_api_and_the_letter_in_every_format_keep_the_order(client, cast, under_review):
    _store_free_first(cast.reviewer)
    api = login(client, cast.reviewer).get(f"/api/v1/review/{CASE}").json()
    assert api["items"][0]["reviewer_basis"] == IN_ORDER
    case = case_for_letter(CASE)
    assert LINE in _folded(render(case, "text"))
    assert LINE in _folded(render(case, "html"))
    assert LINE in " ".join(reading(render(case, "pdf")).split())


def test_a_new_citation_without_a_position_goes_after_the_stored_ones(client, cast, under_review):
    _store_free_first(cast.reviewer)
    _, data = _item_as_shown(login(client, cast.reviewer))
    data["item-0-free_citation_1"] = "MTUS Chronic Pain, Opioids, p. 80"
    data["item-0-free_is_mtus_1"] = "on"
    assert client.post(URL, data).status_code == 302
    assert _basis() == [*IN_ORDER, {"mtus": True, "citation": "MTUS Chronic Pain, Opioids, p. 80"}]


@pytest.mark.parametrize("position", ["0", "1000", "first"])
def test_a_position_out_of_range_is_refused_at_its_box(client, cast, under_review, position):
    _store_free_first(cast.reviewer)
    _, data = _item_as_shown(login(client, cast.reviewer))
    data["item-0-free_position"] = position
    response = client.post(URL, data)
    assert response.status_code == 422
    assert "Position in the basis of free citation 1" in response.content.decode()
    assert _basis() == IN_ORDER


def test_the_amend_form_keeps_the_order_and_may_change_it(client, cast, in_qa):
    items = list(case_row(CASE).items.order_by("position"))
    items[0].reviewer_basis = IN_ORDER
    items[0].save(update_fields=["reviewer_basis"])
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    form = client.get(f"{QA_URL}amend/").context["form"]
    assert form.initial[f"basis_position_0_{ENTRY}"] == 2
    assert form.initial["free_position_0"] == 1
    summary = form.initial["summary"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    swapped = {f"basis_position_0_{ENTRY}": "1", "free_position_0": "2"}
    response = amend_post(client, "The sources were listed in the wrong order.", summary,
                          rationales, **swapped)  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    amended = " ".join(AmendedLetter.objects.get().text.split())
    assert f"Decision based on MTUS {CATALOG}; {FREE}." in amended
