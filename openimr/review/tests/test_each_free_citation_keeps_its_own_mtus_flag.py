"""Each free citation of an item carries its own MTUS flag on the workspace: the letter
prints MTUS and non-MTUS sources under their own headings (LC 4610.5(c)(2); 8 CCR
9792.21.1), and one tick box for all free citations saved an item citing the MTUS and ODG
as all MTUS: refused when it gave a reason for leaving the MTUS, else ODG printed as MTUS."""

import pytest

from openimr.cases.models import DisputedItem
from openimr.cases.selectors import case_row
from openimr.core.case import Citation, Decision
from openimr.letters.rendering import render
from openimr.letters.selectors import case_for_letter
from openimr.review import services
from openimr.review.tests.conftest import CASE, login
from tests.a11y_html import Element, parse, text

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
MTUS = "Chronic Pain Medical Treatment Guidelines, Physical Medicine, pp. 98-99"
ODG = "Official Disability Guidelines, Low Back, Physical therapy, flare-ups"
WHY = "The MTUS does not address visits after a flare of pain; ODG is next in order."
RATIONALE = "Lumbar strain with no deficit on examination; more visits are not needed."


def _store_mixed(reviewer, why):
    basis = (Citation(True, MTUS), Citation(False, ODG))
    entry = services.ItemInput(0, Decision.UPHELD, basis, why, RATIONALE)
    services.item_save(row=case_row(CASE), entry=entry, actor=reviewer)


def _shown(control: Element) -> list[str]:
    """What a browser sends for one control of the page as shown, unchanged."""
    kind = control.attrs.get("type", "text")
    if control.tag == "select":  # the catalog's options are in an <optgroup> per family
        options = [
            o for c in control.children for o in (c.children if c.tag == "optgroup" else [c])
        ]
        return [o.attrs["value"] for o in options if "selected" in o.attrs]
    if control.tag == "textarea":
        return [control.text.removeprefix("\n")]
    if kind == "checkbox":
        return ["on"] if "checked" in control.attrs else []
    return [control.attrs.get("value", "")]


def _item_as_shown(client, n=0):
    page = parse(client.get(URL).content.decode())
    prefix = f"item-{n}-"
    data = {"action": "item", "item": str(n)}
    for control in page.all("input", "select", "textarea"):
        name = control.attrs.get("name", "")
        if name.startswith(prefix) and _shown(control):
            data[name] = _shown(control)
    return page, data


def _basis():
    return DisputedItem.objects.get(case__case_number=CASE, position=0).reviewer_basis


@pytest.mark.parametrize("why", [WHY, ""], ids=["with a reason", "without a reason"])
def test_a_mixed_basis_reopened_and_saved_unchanged_stays_as_stored(
    client, cast, under_review, why
):
    _store_mixed(cast.reviewer, why)
    stored = _basis()
    _, data = _item_as_shown(login(client, cast.reviewer))
    response = client.post(URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (
        _basis()
        == stored
        == [
            {"mtus": True, "citation": MTUS},
            {"mtus": False, "citation": ODG},
        ]
    )
    letter = " ".join(render(case_for_letter(CASE), "text").decode().split())
    assert f"openimr guideline: Decision based on MTUS {MTUS}. Decision" in letter
    assert f"Decision based on Non-MTUS Citation {ODG}." in letter


def test_each_free_citation_has_a_tick_box_labelled_with_its_row(client, cast, under_review):
    _store_mixed(cast.reviewer, WHY)
    page, _ = _item_as_shown(login(client, cast.reviewer))
    labels = {e.attrs.get("for"): text(e) for e in page.all("label")}
    ticks = [e for e in page.controls() if e.attrs.get("name", "").startswith("item-0-free_is")]
    assert [labels[e.attrs["id"]] for e in ticks] == [
        f"Free citation {n} is part of the MTUS" for n in (1, 2, 3, 4)
    ]
    assert ["checked" in e.attrs for e in ticks] == [True, False, False, False]


def test_two_new_free_citations_are_saved_each_with_its_own_flag(client, cast, under_review):
    login(client, cast.reviewer)
    data = {
        "action": "item",
        "item": "0",
        "item-0-decision": "upheld",
        "item-0-free_citation": ODG,
        "item-0-free_citation_1": MTUS,
        "item-0-free_is_mtus_1": "on",
        "item-0-rationale": RATIONALE,
    }
    assert client.post(URL, data).status_code == 302
    assert _basis() == [{"mtus": False, "citation": ODG}, {"mtus": True, "citation": MTUS}]


def test_more_free_citation_rows_than_are_read_are_refused_and_nothing_saved(
    client, cast, under_review
):
    login(client, cast.reviewer)
    data = {"action": "item", "item": "0", "item-0-decision": "upheld", "item-0-free_citation": ODG}
    data.update({f"item-0-free_citation_{k}": ODG for k in range(1, 51)})
    response = client.post(URL, data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "at most 50 free-citation rows are read" in page
    assert "__all__" not in page  # the alert says the problem, not Django's key for it
    assert _basis() == []
