"""De-identifying a whole openimr.case/1 document: names gone from the parties and from every
free text, misspellings too, nothing else changed."""

import copy

import pytest

from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.tests.ingest_files import real_pdfs
from openimr.letters.parsing import parse_pdf

NAMED = (
    "Ms. Lukasiewitz returned; Zoe LUKASIEWICZ's pain persists. Dr. Ortega-Vasquez and "
    "Mei-Ling Chen spoke. Golden State Claims Services denied it. "
)


@pytest.fixture
def doc(three_item_doc):
    three_item_doc["clinical_summary"] = NAMED + three_item_doc["clinical_summary"]
    return three_item_doc


def test_every_party_and_author_loses_its_name(doc):
    out = deidentify_document(doc)
    parties = ("employee", "employer", "claims_administrator", "requesting_physician", "attorney")
    assert [out[p]["name"] for p in parties] == [None] * 5
    assert {d["author"] for d in out["documents"]} == {None}
    assert out["organization"]["name"] == doc["organization"]["name"]


def test_names_in_the_text_become_role_words_misspelled_or_not(doc):
    summary = deidentify_document(doc)["clinical_summary"]
    assert summary.startswith(
        "The injured worker returned; the injured worker's pain persists. The treating "
        "physician and the attorney spoke. The claims administrator denied it."
    )


def test_an_organization_written_as_an_author_does_not_redact_its_words_elsewhere(doc):
    out = deidentify_document(doc)
    assert out["documents"][1]["title"] == "Physical therapy discharge summary"
    assert out["items"][0]["treatment"].startswith("Physical therapy")


def test_the_clinical_content_is_unchanged(doc):
    out = deidentify_document(doc)
    assert out["clinical_summary"].endswith(doc["clinical_summary"][len(NAMED) :])
    assert [i["rationale"] for i in out["items"]] == [i["rationale"] for i in doc["items"]]
    assert out["dates"] == doc["dates"]


def test_the_input_document_is_not_changed(doc):
    before = copy.deepcopy(doc)
    deidentify_document(doc)
    assert doc == before


def test_a_letter_the_state_published_is_stored_with_its_text_unchanged():
    for pdf in real_pdfs(15):
        case = parse_pdf(pdf.read_bytes()).case
        out = deidentify_document(case)
        assert out["clinical_summary"] == case["clinical_summary"], pdf.name
        assert [i["rationale"] for i in out["items"]] == [i["rationale"] for i in case["items"]]
