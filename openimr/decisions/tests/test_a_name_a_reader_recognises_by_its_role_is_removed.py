"""Names a reader of a letter recognises without knowing them in advance go, in the forms a
letter that was never de-identified writes them: after a role phrase, in parentheses after a
role word or a record's kind, the company a claims role works for; and what only looks like
them (a specialty, a guideline, a drug, an acronym in parentheses) stays."""

import pytest

from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.labelled_names import (
    replace_labelled_names,
    replace_role_phrase_names,
)
from openimr.decisions.domain.role_names import (
    replace_author_after_title,
    replace_claims_companies,
    replace_parenthesized_names,
)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The worker is represented by Ana Ruiz-Ortega.", "Ana Ruiz-Ortega"),
        ("She is represented\n\nby Ana Ruiz today.", "Ana Ruiz"),
        ("Defense counsel Peter O'Malley objected.", "Peter O'Malley"),
        ("The nurse case manager, Wendy Liang, called.", "Wendy Liang"),
        ("The case manager Wendy Liang called.", "Wendy Liang"),
        ("The claims examiner: Omar Haddad", "Omar Haddad"),
        ("The adjustor Omar Haddad denied it.", "Omar Haddad"),
        ("the claims representative Lena Fischer wrote", "Lena Fischer"),
    ],
)
def test_a_name_after_a_role_phrase_is_removed(text, gone):
    out = replace_role_phrase_names(replace_labelled_names(text))
    assert gone not in out and REDACTED in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The physician (Luis Delgado) documented the request.", "Luis Delgado"),
        ("the treating physician's (Hana Sato) note", "Hana Sato"),
        ("Progress report (Beatriz M. Olmos, MD) reviewed.", "Beatriz M. Olmos, MD"),
        ("the PTP (Jon Ek Varga) requested it", "Jon Ek Varga"),
        ("[redacted] (Maria Tran) is 45", "Maria Tran"),
        ("The QME (K. Lindqvist) found", "K. Lindqvist"),
    ],
)
def test_a_name_in_parentheses_after_a_role_word_is_removed(text, gone):
    out = replace_parenthesized_names(text)
    assert gone not in out and f"({REDACTED})" in out


@pytest.mark.parametrize(
    "text",
    [
        "per the guidelines (MTUS) and (ODG) and (ACOEM)",
        "the physician prescribed (Norco) for pain",
        "the requesting physician (Orthopedic Surgery) asked",
        "the physician (Physical Medicine and Rehabilitation) noted",
        "An MRI (Magnetic Resonance Imaging) of the knee",
        "ODG Pain Chapter (Online Version)",
        "the report (Pages 3 To 5) shows",
        "the patient (as Noted Before) improved",
        "the Request for Authorization (DWC Form RFA) was received",
        "the physician (see Below) recommended",
    ],
)
def test_ordinary_text_in_parentheses_stays(text):
    assert replace_parenthesized_names(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The adjuster, [redacted] of Harbor Claims Services (claim ...)", "Harbor Claims"),
        ("the adjuster with Tri-Coast Risk Administrators said", "Tri-Coast Risk"),
        ("The attorney, Ana Ruiz of Ruiz & Ortega LLP, wrote", "Ruiz & Ortega"),
        ("the examiner from Granite Peak Casualty called", "Granite Peak"),
        ("The Claims Examiner, Omar Haddad of Granite Peak Casualty, called", "Granite Peak"),
        ("the nurse case manager with Coastal Care Partners", "Coastal Care"),
        ("He was employed by Kern Ridge Packing Co. for 12 years.", "Kern Ridge"),
        ("She works for Mission Bell Home Care.", "Mission Bell"),
        ("Zenith handles the claim for Sunrise Valley Farms, Inc. now", "Sunrise Valley"),
    ],
)
def test_the_company_a_claims_role_works_for_is_removed(text, gone):
    out = replace_claims_companies(text)
    assert gone not in out and REDACTED in out


@pytest.mark.parametrize(
    "text",
    [
        "The claims administrator failed to approve the request.",
        "the attorney of record was served",
        "a case manager from the clinic called",
        "employed by the county for 12 years",
        "The Claims Administrator based its decision on the MTUS.",
    ],
)
def test_a_role_without_a_named_company_stays(text):
    assert replace_claims_companies(text) == text


def test_a_title_that_ends_with_its_author_in_parentheses_loses_the_author():
    title = "Request for Authorization (DWC Form RFA) (DeShawn Tran)"
    assert (
        replace_author_after_title(title)
        == f"Request for Authorization (DWC Form RFA) ({REDACTED})"
    )
    assert replace_author_after_title("Evaluation (Orthopedic Surgery)") == (
        "Evaluation (Orthopedic Surgery)"
    )
    assert replace_author_after_title("Request for Authorization (DWC Form RFA)") == (
        "Request for Authorization (DWC Form RFA)"
    )


def test_a_document_with_no_stated_parties_loses_the_names_its_text_marks():
    doc = {
        "clinical_summary": "The worker is represented by Ana Ruiz. The adjuster, Omar "
        "Haddad of Harbor Claims Services, handles the claim for Kern Ridge Packing Co.",
        "documents": [{"title": "Progress report (Hana Sato)", "author": None}],
        "items": [{"treatment": "Norco", "rationale": "The physician (Hana Sato) asked."}],
    }
    out = deidentify_document(doc)
    text = str(out)
    for name in ("Ana Ruiz", "Omar", "Haddad", "Harbor", "Kern Ridge", "Hana Sato"):
        assert name not in text
    assert out["items"][0]["treatment"] == "Norco"


def test_a_name_the_case_states_after_a_role_phrase_reads_as_its_role_word():
    doc = {
        "attorney": {"name": "Ana Ruiz"},
        "clinical_summary": "She is represented by Ana Ruiz; her case manager Lena Fischer called.",
    }
    summary = deidentify_document(doc)["clinical_summary"]
    assert summary == f"She is represented by the attorney; her case manager {REDACTED} called."


def test_a_name_the_case_states_only_in_part_goes_whole():
    doc = {
        "documents": [{"title": "Progress report", "author": "Tamika Kowalczyk"}],
        "clinical_summary": "She is represented by Tamika Hernandez.",
    }
    summary = deidentify_document(doc)["clinical_summary"]
    assert summary == f"She is represented by {REDACTED}."
