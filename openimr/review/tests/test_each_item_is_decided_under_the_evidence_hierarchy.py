"""Per-item decisions: a basis from the catalog (MTUS first) or a free citation; a non-MTUS
basis needs why the MTUS does not apply; a refusal says why and changes nothing."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import DisputedItem
from openimr.review.models import Determination
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
RATIONALE = (
    "The progress note of August 30, 2016 documents lumbar radiculopathy after twelve "
    "therapy sessions; the MTUS allows 10 visits, so more is not medically necessary."
)
WHY = "The MTUS does not address orthopedic pillows for neck pain; ODG is next in order."


def _post(client, n=0, **fields):
    data = {"action": "item", "item": str(n)}
    data.update({f"item-{n}-{k}": v for k, v in fields.items()})
    return client.post(URL, data)


def _item(n=0):
    return DisputedItem.objects.get(case__case_number=CASE, position=n)


def test_the_basis_list_offers_the_mtus_first(client, cast, under_review):
    body = login(client, cast.reviewer).get(URL).content.decode()
    assert body.index('optgroup label="MTUS"') < body.index('optgroup label="ODG"')


def test_an_mtus_basis_from_the_catalog_is_saved_with_the_decision_and_rationale(
    client, cast, under_review
):
    login(client, cast.reviewer)
    response = _post(client, decision="upheld", basis="mtus-chronic-pain", rationale=RATIONALE)
    assert response.status_code == 302
    item = _item()
    assert item.decision == "upheld"
    assert item.reviewer_basis[0]["mtus"] is True
    assert item.reviewer_basis[0]["citation"].startswith("Chronic Pain Medical Treatment")
    assert item.rationale == RATIONALE
    assert AuditEvent.objects.filter(action="case.item_saved", object_id=CASE).count() == 1


def test_a_non_mtus_basis_without_the_reason_is_refused_and_nothing_changes(
    client, cast, under_review
):
    login(client, cast.reviewer)
    response = _post(client, n=2, decision="upheld", basis="odg-neck", rationale=RATIONALE)
    assert response.status_code == 422
    assert "needs why the MTUS does not address the condition" in response.content.decode()
    item = _item(2)
    assert (item.decision, item.reviewer_basis, item.rationale) == (None, [], None)
    assert not AuditEvent.objects.filter(action="case.item_saved").exists()


def test_a_non_mtus_basis_with_its_reason_is_saved(client, cast, under_review):
    login(client, cast.reviewer)
    response = _post(
        client, n=2, decision="upheld", basis="odg-neck", why_not_mtus=WHY, rationale=RATIONALE
    )
    assert response.status_code == 302
    item = _item(2)
    assert item.reviewer_basis[0]["mtus"] is False
    assert item.why_not_mtus == WHY


def test_a_decision_without_a_basis_is_refused(client, cast, under_review):
    login(client, cast.reviewer)
    response = _post(client, decision="overturned", rationale=RATIONALE)
    assert response.status_code == 422
    assert "a decided item needs the standard it was decided on" in response.content.decode()
    assert _item().decision is None


def test_a_reason_beside_an_mtus_only_basis_is_refused(client, cast, under_review):
    login(client, cast.reviewer)
    response = _post(client, decision="upheld", basis="mtus-chronic-pain", why_not_mtus=WHY)
    assert response.status_code == 422
    assert "the basis is entirely MTUS" in response.content.decode()


def test_a_free_citation_is_saved_as_written_with_its_mtus_flag(client, cast, under_review):
    login(client, cast.reviewer)
    _post(
        client,
        n=2,
        decision="upheld",
        free_citation="Smith et al., Spine 2015; Jones, Pain 2016",
        why_not_mtus=WHY,
        rationale=RATIONALE,
    )
    assert _item(2).reviewer_basis == [
        {"mtus": False, "citation": "Smith et al., Spine 2015"},
        {"mtus": False, "citation": "Jones, Pain 2016"},
    ]


def test_page_markers_in_a_rationale_become_its_sources(client, cast, under_review, records_layer):
    login(client, cast.reviewer)
    text = "The exam of August 30, 2016 shows a positive straight-leg raise. [[7 p2]] Not needed."
    _post(client, decision="upheld", basis="mtus-chronic-pain", rationale=text)
    assert _item().rationale == (
        "The exam of August 30, 2016 shows a positive straight-leg raise. Not needed."
    )
    stored = Determination.objects.get(case__case_number=CASE)
    assert stored.rationale_sources["0"][0]["sources"] == [{"document_id": "7", "page": 2}]
    assert stored.rationale_inputs["0"] == text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"decision": "maybe"}, "Select a valid choice"),
        ({"basis": "no-such-guideline"}, "Select a valid choice"),
        ({"free_citation": "x" * 1001}, "at most 1000 characters"),
    ],
)
def test_bad_input_in_a_field_is_refused_at_the_item(client, cast, under_review, fields, message):
    login(client, cast.reviewer)
    response = _post(client, **fields)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert _item().reviewer_basis == []


@pytest.mark.parametrize("item", ["", "x", "9"])
def test_an_item_that_is_not_in_the_case_is_refused(client, cast, under_review, item):
    login(client, cast.reviewer)
    response = client.post(URL, {"action": "item", "item": item})
    assert response.status_code == 422


def test_an_unknown_action_is_refused(client, cast, under_review):
    login(client, cast.reviewer)
    assert client.post(URL, {"action": "publish"}).status_code == 400
