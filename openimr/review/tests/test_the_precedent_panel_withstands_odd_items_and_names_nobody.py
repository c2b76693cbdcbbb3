"""The workspace's precedent panel over odd items and odd corpora: a 500-character treatment
full of quotes, search operators and letters of other scripts, one with no word at all, one
of English stop words: the page answers 200 and each item says what it found. The panel
names nobody: neither the injured worker nor the reviewer. A letter that prints no decision
date (the 2013-2014 layout) says "undated" rather than leaving a gap. A reviewer who declared a
conflict is refused the page (404), panel and all."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import item, make_decision
from openimr.review.tests.conftest import CASE, assign, login, undecided
from openimr.reviewers.models import Assignment

pytestmark = pytest.mark.django_db

ODD = [
    ('"Physical" AND therapy OR NEAR(x y) * ^ : {summary} -lumbar \' ” Ωμέγα 理学療法 ' * 9)[:500],
    "12 x 6 #90",
    "Over the door cervical traction",
]


def _panel(body: str) -> str:
    return body.split('id="precedents"')[1].split("</div>", maxsplit=1)[0]


@pytest.fixture
def odd_case(cast, three_item_doc) -> str:
    doc = undecided(three_item_doc)
    for entry, treatment in zip(doc["items"], ODD, strict=True):
        entry["treatment"] = treatment
    case_import(case=case_from_document(doc), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")
    return CASE


@pytest.mark.parametrize("corpus", ["empty", "every letter the same"])
def test_odd_items_over_an_odd_corpus_give_a_page_with_a_panel_per_item(
    client, cast, odd_case, corpus
):
    if corpus != "empty":
        for _ in range(25):
            make_decision(
                summary="Neck pain; over the door cervical traction.",
                items=[item("Over the door cervical traction", category="dmepos")],
            )
    response = login(client, cast.reviewer).get(f"/review/{CASE}/")
    assert response.status_code == 200
    sections = _panel(response.content.decode()).split('class="precedent-item"')[1:]
    assert len(sections) == 3
    assert "&quot;Physical&quot; AND therapy" in sections[0]  # shown, escaped
    if corpus == "empty":
        assert all("No similar published decision." in s for s in sections)
    else:
        assert '<strong class="cohort-size">25</strong>' in sections[2]
        assert "0 overturned (0%)" in sections[2]


def test_the_panel_names_neither_the_worker_nor_the_reviewer(
    client, cast, under_review, three_item_doc
):
    worker = three_item_doc["employee"]["name"]
    make_decision(
        summary="Lumbar radiculopathy.", items=[item("Physical therapy 2x6 lumbar spine")]
    )
    panel = _panel(login(client, cast.reviewer).get(f"/review/{CASE}/").content.decode())
    assert "Physical therapy 2x6 lumbar spine" in panel
    for name in [worker, *worker.split(), "Roe", "jroe"]:
        assert name not in panel


def test_a_reviewer_who_declared_a_conflict_is_refused_the_page_and_its_panel(
    client, cast, under_review
):
    Assignment.objects.filter(case__case_number=CASE).update(status=Assignment.DECLINED)
    make_decision(items=[item("Physical therapy 2x6 lumbar spine")])
    response = login(client, cast.reviewer).get(f"/review/{CASE}/")
    assert response.status_code == 404
    assert 'id="precedents"' not in response.content.decode()


def test_a_letter_without_a_decision_date_reads_date_not_stated(client, cast, under_review):
    letter = make_decision(
        case_number="CM13-0000042", items=[item("Physical therapy 2x6 lumbar spine")]
    )
    Decision.objects.filter(pk=letter.pk).update(decision_date=None)
    panel = _panel(login(client, cast.reviewer).get(f"/review/{CASE}/").content.decode())
    assert "CM13-0000042</a> date not stated ·" in panel
