"""The staff case page, the other reviewer's items on a split case's workspace and the public
decision page label an item's reason for a source outside the MTUS as the letter does (one
rule, ``builder.why_label``): beside an MTUS citation it says why a source outside the MTUS
was also used, never that the MTUS does not apply; a basis without the MTUS keeps that."""

import re

import pytest

from openimr.cases.models import DisputedItem
from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import make_decision
from openimr.review.tests.conftest import (  # noqa: F401  (fixtures)
    CASE,
    assign,
    cast,
    in_qa,
    login,
    undecided,
)

pytestmark = pytest.mark.django_db
BESIDE = "Why a source outside the MTUS was also used"
WITHOUT = "Why the MTUS was not used"
OLD = ("Why the MTUS does not apply", "Why not the MTUS")
WHY = "The MTUS is silent on pillows, so the Official Disability Guidelines were consulted."
MIXED = [
    {"mtus": True, "citation": "MTUS ACOEM Practice Guidelines, Chapter 8"},
    {"mtus": False, "citation": "Official Disability Guidelines, Neck, Pillow"},
]


def _text(response):
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _mixed_item(position=2):
    DisputedItem.objects.filter(case__case_number=CASE, position=position).update(
        reviewer_basis=MIXED, why_not_mtus=WHY
    )


def _assert_labels(text, beside=1, without=0):
    assert text.count(BESIDE) == beside
    assert text.count(WITHOUT) == without
    assert not any(old in text for old in OLD)


def test_the_staff_case_page_labels_a_mixed_basis_reason_as_the_letter(client, cast, in_qa):  # noqa: F811
    _mixed_item()
    _assert_labels(_text(login(client, cast.clerk).get(f"/cases/{CASE}/")))


def test_the_staff_case_page_keeps_the_label_for_a_basis_without_the_mtus(client, cast, in_qa):  # noqa: F811
    text = _text(login(client, cast.clerk).get(f"/cases/{CASE}/"))
    _assert_labels(text, beside=0, without=1)


def test_a_split_cases_other_items_are_labelled_as_the_letter(client, cast, three_item_doc):  # noqa: F811
    from openimr.cases.interchange import case_from_document
    from openimr.cases.services import case_import

    case_import(case=case_from_document(undecided(three_item_doc)), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe", items=(0,))
    assign(CASE, cast.other_reviewer, "R-2", "Min Park", items=(1, 2))
    _mixed_item()
    DisputedItem.objects.filter(case__case_number=CASE, position=2).update(
        decision="upheld", rationale="Not medically necessary."
    )
    page = login(client, cast.reviewer).get(f"/review/{CASE}/")
    assert page.status_code == 200
    # The other reviewer's item as it stands (the reviewer's own form labels its input).
    others = page.content.decode().split('id="item-2"', 1)[1].split("</dl>", 1)[0]
    _assert_labels(" ".join(re.sub(r"<[^>]+>", " ", others).split()))


def test_the_public_page_labels_a_mixed_basis_reason_as_the_letter(client):
    decision = make_decision(case_number="CM16-0000001")
    decision.document["items"][0].update(reviewer_basis=MIXED, why_not_mtus=WHY)
    Decision.objects.filter(pk=decision.pk).update(document=decision.document)
    text = _text(client.get("/decisions/CM16-0000001/"))
    _assert_labels(text)
    assert WHY in text


def test_the_public_page_keeps_the_label_for_a_basis_without_the_mtus(client):
    decision = make_decision(case_number="CM16-0000001")
    decision.document["items"][0].update(why_not_mtus=WHY)
    decision.document["items"][0]["reviewer_basis"][0]["mtus"] = False
    Decision.objects.filter(pk=decision.pk).update(document=decision.document)
    _assert_labels(_text(client.get("/decisions/CM16-0000001/")), beside=0, without=1)
