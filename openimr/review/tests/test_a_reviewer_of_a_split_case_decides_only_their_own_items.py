"""A case split between two reviewers: each saves only the items assigned to them. Another
reviewer's item is refused at ``$.items[N]`` (the page names it "Item N+1 (its treatment)"),
nothing is stored, and the refusal never names
the reviewer it belongs to (LC 139.5(c); LC 4610.6(f)). Staff and services are not asked."""

from typing import Any

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import DisputedItem
from openimr.cases.selectors import case_row
from openimr.core.case import Citation, Decision
from openimr.core.errors import InvalidInput
from openimr.review import services
from openimr.review.models import Determination
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
RATIONALE = (
    "The progress note of August 30, 2016 documents lumbar radiculopathy after twelve "
    "therapy sessions; the MTUS allows 10 visits, so more is not medically necessary."
)
PT = "Physical therapy, lumbar spine, 2 times a week for 6 weeks"
REFUSAL = "this item is assigned to another reviewer on this case"


def _post(client: Any, n: int, action: str = "item") -> Any:
    data = {"action": action, "item": str(n), f"item-{n}-decision": "upheld"}
    data.update({f"item-{n}-basis": "mtus-chronic-pain", f"item-{n}-rationale": RATIONALE})
    return client.post(URL, data)


def _item(n: int) -> DisputedItem:
    return DisputedItem.objects.get(case__case_number=CASE, position=n)


def _entry(n: int) -> services.ItemInput:
    basis = (Citation(True, "Chronic Pain Medical Treatment Guidelines, page 99"),)
    return services.ItemInput(n, Decision.UPHELD, basis, "", RATIONALE)


def test_a_reviewer_cannot_save_another_reviewers_item_and_nothing_is_stored(client, cast, split):
    response = _post(login(client, cast.other_reviewer), 0)
    assert response.status_code == 422
    body = response.content.decode()
    assert (
        f"Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks): {REFUSAL}" in body
        and "$.items" not in body
    )
    item = _item(0)
    assert (item.decision, item.reviewer_basis, item.rationale) == (None, [], None)
    assert not AuditEvent.objects.filter(action="case.item_saved").exists()
    stored = Determination.objects.filter(case__case_number=CASE).first()
    assert stored is None or "0" not in stored.rationale_inputs


def test_the_refusal_says_which_item_and_never_names_the_other_reviewer(client, cast, split):
    with pytest.raises(InvalidInput) as refused:
        services.item_save(row=case_row(CASE), entry=_entry(0), actor=cast.other_reviewer)
    assert [(p.path, p.message.startswith(REFUSAL)) for p in refused.value.problems] == [
        ("$.items[0]", True)
    ]
    assert "item 1" in str(refused.value)
    body = _post(login(client, cast.other_reviewer), 2).content.decode()
    for identity in ("Jane Q. Roe", "Roe", "R-1", "jroe"):
        assert identity not in body
        assert identity not in refused.value.report()


def test_each_reviewer_saves_their_own_items(client, cast, split):
    assert _post(login(client, cast.other_reviewer), 1).status_code == 302
    assert _post(login(client, cast.reviewer), 0).status_code == 302
    assert _post(client, 2).status_code == 302
    assert [_item(n).decision for n in range(3)] == ["upheld"] * 3


def test_the_first_reviewer_is_refused_the_second_reviewers_item(client, cast, split):
    response = _post(login(client, cast.reviewer), 1)
    assert response.status_code == 422
    assert (
        f"Item 2 (MRI of the lumbar spine without contrast): {REFUSAL}" in response.content.decode()
    )
    assert "Min Park" not in response.content.decode()
    assert _item(1).decision is None


def test_working_the_checklist_of_another_reviewers_item_is_refused(client, cast, split):
    response = _post(login(client, cast.other_reviewer), 0, action="checklist")
    assert response.status_code == 422
    assert REFUSAL in response.content.decode()


def test_staff_and_services_that_are_not_a_reviewer_of_the_case_save_any_item(cast, split):
    services.item_save(row=case_row(CASE), entry=_entry(1), actor=cast.admin)
    services.item_save(row=case_row(CASE), entry=_entry(0), actor="cli")
    assert [_item(n).decision for n in range(2)] == ["upheld", "upheld"]


def test_an_item_the_case_does_not_have_is_still_refused_as_such(cast, split):
    with pytest.raises(InvalidInput) as refused:
        services.item_save(row=case_row(CASE), entry=_entry(7), actor=cast.other_reviewer)
    assert [p.message for p in refused.value.problems] == ["the case has no such item"]
