"""The whole review in a real browser: the reviewer reads a record page, accepts and edits
the drafted summary, decides two items (one on the MTUS, one on ODG with the reason the MTUS
does not apply) and submits; QA returns it once, then approves; the letter is issued and its
PDF says what was decided. The case file is the records layer's: one extracted progress
note of two pages."""

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.letters.models import IssuedLetter
from openimr.review.tests.conftest import (
    CASE,
    PASSWORD,
    assign,
    person,
    store_record,
    undecided,
)
from tests.browser.conftest import click_and_load, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO = Path(__file__).resolve().parents[2] / "openimr" / "demo" / "cases" / "cm16-0400101.json"

ADDED = "She has not returned to work since the injury."
PT_RATIONALE = (
    "The MTUS Chronic Pain guideline allows up to 10 visits for radiculitis; the progress "
    "note documents twelve completed sessions of therapy for the lumbar radiculopathy, so "
    "further therapy is not medically necessary."
)
MRI_WHY = (
    "The MTUS ACOEM chapter predates current imaging evidence for this presentation, so its "
    "presumption is rebutted and ODG is the next source."
)
MRI_RATIONALE = (
    "The progress note documents a positive straight-leg raise and a reduced ankle reflex "
    "from lumbar radiculopathy after conservative care; the ODG supports an MRI for these "
    "findings, so the MRI is medically necessary."
)
QA_COMMENT = "Please name the progress note the MRI rationale relies on."


PAGES = (
    "PROGRESS NOTE\nDate of service: 08/30/2016\nSubjective: The patient reports low back "
    "pain radiating into the left leg with numbness over the top of the left foot.",
    "Objective: Positive straight-leg raise on the left at 40 degrees. Diminished left ankle "
    "reflex.\nPlan: Request MRI of the lumbar spine and further physical therapy.\n"
    "Ramón Ortega-Vásquez, MD",
)


@pytest.fixture
def review_case():
    doc = undecided(json.loads(DEMO.read_text(encoding="utf-8")))
    doc["items"] = doc["items"][:2]
    # No complete-records day: its 2016 one would make today's determination overdue.
    doc["dates"]["records_complete"] = None
    case_import(case=case_from_document(doc), actor="test")
    assign(CASE, person("jroe", "reviewer"), "R-1", "Jane Q. Roe")
    person("qa-doc", "qa")
    record = store_record(CASE, PAGES)
    return record.pk


def _login(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    log_in(page, live_server, username, PASSWORD)
    return context, page


def _decide(page, n, decision, basis, rationale, why=""):
    page.select_option(f"#id_item-{n}-decision", decision)
    page.select_option(f"#id_item-{n}-basis", basis)
    page.fill(f"#id_item-{n}-why_not_mtus", why)
    page.fill(f"#id_item-{n}-rationale", rationale)
    page.click(f"#item-{n} button[value=item]")
    page.wait_for_selector(f"text=Item {n + 1} was saved.")


def _reviewer_decides(browser, live_server, record_id):
    context, page = _login(browser, live_server, "jroe")
    page.goto(f"{live_server.url}/review/")
    page.click(f"text={CASE}")
    click_and_load(page, "#records >> text=Progress note")
    assert "Positive straight-leg raise" in page.inner_text("#page-2")
    page.go_back()
    drafted = page.input_value("#id_summary")
    assert f"[[{record_id} p" in drafted  # the draft cites the pages it came from
    page.fill("#id_summary", f"{drafted} {ADDED}")
    page.click("#summary button[value=summary]")
    page.wait_for_selector("text=The clinical case summary was saved.")
    _decide(page, 0, "upheld", "mtus-chronic-pain", PT_RATIONALE)
    _decide(page, 1, "overturned", "odg-low-back", MRI_RATIONALE, why=MRI_WHY)
    screenshot(page, "review-workspace")
    page.click("#submit button")
    page.wait_for_selector("text=The determination was sent to quality assurance.")
    return context, page


def _qa_opens(browser, live_server):
    context, page = _login(browser, live_server, "qa-doc")
    page.goto(f"{live_server.url}/review/qa/")
    page.click(f"text={CASE}")
    return context, page


def test_a_determination_goes_from_the_reviewer_through_qa_to_an_issued_letter(
    browser, live_server, review_case
):
    reviewer, page = _reviewer_decides(browser, live_server, review_case)
    qa, qa_page = _qa_opens(browser, live_server)
    qa_page.fill("#id_comments", QA_COMMENT)
    qa_page.click("button[value=return]")
    qa_page.wait_for_selector("text=The case was returned to the reviewer")

    page.goto(f"{live_server.url}/review/{CASE}/")
    assert QA_COMMENT in page.inner_text("#qa-comments")
    page.fill("#id_item-1-rationale", f"{MRI_RATIONALE} [[{review_case} p2]]")
    page.click("#item-1 button[value=item]")
    page.wait_for_selector("text=Item 2 was saved.")
    page.click("#submit button")
    page.wait_for_selector("text=The determination was sent to quality assurance.")

    qa_page.goto(f"{live_server.url}/review/qa/{CASE}/")
    screenshot(qa_page, "review-qa-checklist")
    qa_page.click("button[value=approve]")
    qa_page.wait_for_selector("text=The letter was issued")
    screenshot(qa_page, "review-letter-issued")
    with qa_page.expect_download() as download:
        qa_page.click("#letter-pdf")
    data = Path(download.value.path()).read_bytes()

    pdf = pdfium.PdfDocument(data)
    text = " ".join(" ".join(p.get_textpage().get_text_range() for p in pdf).split())
    assert "Physical therapy, lumbar spine, 2 times a week for 6 weeks: Upheld" in text
    assert "MRI of the lumbar spine without contrast: Overturned" in text
    assert "Decision based on Non-MTUS Citation Official Disability Guidelines" in text
    assert " ".join(MRI_WHY.split()[:8]) in text
    assert ADDED in text
    assert "REFERENCES" in text and "page 2" in text
    issued = IssuedLetter.objects.get(case__case_number=CASE)
    assert " ".join(PT_RATIONALE.split()) in " ".join(issued.text.split())
    reviewer.close()
    qa.close()
