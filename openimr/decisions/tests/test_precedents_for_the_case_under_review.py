"""Precedents: for each item of the case under review, published decisions on the same
treatment and condition first, then the rest of that cohort, then similar letters; the
cohort's size and overturn rate (no rate below 20 decided items); shown in the workspace."""

import pytest

from openimr.decisions.precedents import MIN_COHORT, precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision
from openimr.review.tests import conftest as review
from openimr.review.tests.conftest import CASE, login

# The review app's cast and case under review, as fixtures of this module.
cast = review.cast
under_review = review.under_review

pytestmark = pytest.mark.django_db

PT = "Physical therapy, lumbar spine, 2 times a week for 6 weeks"


def physical_therapy(n: int, *, overturned: int, summary: str = "Low back strain.") -> None:
    for k in range(n):
        make_decision(
            summary=summary,
            items=[
                item(
                    "Physical therapy 2x6 lumbar",
                    outcome="overturned" if k < overturned else "upheld",
                )
            ],
        )


def case(**changes):
    doc = {
        "case_number": "CM26-0000001",
        "diagnoses": ["M54.16 Radiculopathy, lumbar region"],
        "clinical_summary": "Radiculopathy after lifting cartons.",
        "items": [{"treatment": PT, "category": "rehabilitation"}],
    }
    doc.update(changes)
    return doc


def test_the_cohort_counts_decided_items_on_the_same_treatment_and_category():
    physical_therapy(24, overturned=6)
    make_decision(items=[item("Physical therapy 2x6", category="chiropractic")])
    make_decision(items=[item("Acupuncture x6", category="acupuncture")])
    found = precedents_for_case(case())[0]
    assert (found.cohort_size, found.overturned) == (24, 6)
    assert found.rate == pytest.approx(0.25)


def test_no_rate_below_twenty_decided_items():
    physical_therapy(MIN_COHORT - 1, overturned=10)
    found = precedents_for_case(case())[0]
    assert found.cohort_size == MIN_COHORT - 1
    assert found.rate is None


def test_same_treatment_and_condition_come_before_the_rest_then_similar_text():
    # The item and its diagnosis name no body part: its cohort is the treatment's, on every part.
    therapy = [
        {"treatment": "Physical therapy 2 times a week for 6 weeks", "category": "rehabilitation"}
    ]
    for _ in range(3):
        make_decision(summary="Ankle sprain.", items=[item("Physical therapy 2x6 ankle")])
    make_decision(
        case_number="CM16-0000099",
        summary="Lumbar radiculopathy, L5.",
        items=[item("Physical therapy 2x6 lumbar", outcome="overturned")],
    )
    make_decision(
        case_number="CM16-0000098",
        summary="Radiculopathy of the lumbar spine.",
        items=[item("Epidural steroid injection", category="injections")],
    )
    make_decision(
        case_number="CM16-0000097",
        summary="Radiculopathy of the lumbar spine.",
        items=[item("Aquatic therapy 2x6", category="rehabilitation")],
    )
    radiculopathy = ["M54.10 Radiculopathy, site unspecified"]
    found = precedents_for_case(case(items=therapy, diagnoses=radiculopathy), limit=6)[0]
    matches = [(p.case_number, p.match) for p in found.decisions]
    assert matches[0] == ("CM16-0000099", "treatment and condition")
    assert [m for _, m in matches[1:4]] == ["treatment"] * 3
    # A therapy of the same category, not an injection for the same condition.
    assert matches[4:] == [("CM16-0000097", "similar text")]


def test_the_case_itself_and_an_empty_corpus_give_no_precedents():
    make_decision(case_number="CM26-0000001", items=[item("Physical therapy 2x6 lumbar")])
    found = precedents_for_case(case())[0]
    assert [p.case_number for p in found.decisions] == []
    assert precedents_for_case(case(items=[])) == []


def test_the_workspace_shows_each_items_cohort_and_hides_a_small_cohorts_rate(
    client, cast, under_review
):
    physical_therapy(25, overturned=5)
    make_decision(
        case_number="CM16-0000777",
        summary="Lumbar radiculopathy.",
        items=[item("MRI of the lumbar spine", category="diagnostics")],
    )
    body = login(client, cast.reviewer).get(f"/review/{CASE}/").content.decode()
    panel = body.split('id="precedents"')[1].split('<form method="post"')[0]
    sections = panel.split('class="precedent-item"')[1:]
    assert '<strong class="cohort-size">25</strong>' in sections[0]
    assert "5 overturned (20%)" in sections[0]
    assert '<strong class="cohort-size">1</strong>' in sections[1]
    assert "no rate: fewer than 20" in sections[1] and "cohort-rate" not in sections[1]
    assert 'href="/decisions/CM16-0000777/"' in sections[1]
