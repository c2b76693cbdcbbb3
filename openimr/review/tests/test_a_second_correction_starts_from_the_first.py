"""A second correction starts from the letter as last corrected, not from the first letter:
the amend form shows the first correction's basis and rationale, and a correction of
something else keeps them (LC 4610.6(g): the wording may change, never silently back)."""

import pytest

from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, login

pytestmark = pytest.mark.django_db
ODG = "Official Disability Guidelines, Low Back (Lumbar & Thoracic), Physical therapy, 2016"
WHY = (
    "The MTUS does not address the number of visits after a flare of chronic low back pain, "
    "so the reviewer turned to the ODG (8 CCR 9792.21.1)."
)
NEW_RATIONALE = "The records show no functional gain after the last twelve visits."


def _first_correction(client):
    form = client.get(f"{QA_URL}amend/").context["form"]
    summary = form.initial["summary"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    rationales[1] = NEW_RATIONALE
    changes = {"basis_0": None, "free_citation_0": ODG, "free_is_mtus_0": None}
    changes["why_not_mtus_0"] = WHY
    response = amend_post(client, "The basis was misstated.", summary, rationales, **changes)
    assert response.status_code == 302
    return summary, rationales


def test_the_form_shows_the_letter_as_last_corrected(client, cast, issued):
    login(client, cast.qa)
    _first_correction(client)
    initial = client.get(f"{QA_URL}amend/").context["form"].initial
    assert initial["free_citation_0"] == ODG
    assert initial["why_not_mtus_0"] == WHY
    assert initial["rationale_1"] == NEW_RATIONALE


def test_a_second_correction_of_the_summary_keeps_the_first_correction(client, cast, issued):
    login(client, cast.qa)
    summary, rationales = _first_correction(client)
    response = amend_post(client, "A typo in the summary.", summary + " Corrected.", rationales)
    assert response.status_code == 302
    second = AmendedLetter.objects.get(number=2).case_document
    assert second["items"][0]["reviewer_basis"] == [{"mtus": False, "citation": ODG}]
    assert second["items"][0]["why_not_mtus"] == WHY
    assert second["items"][1]["rationale"] == NEW_RATIONALE
    assert second["clinical_summary"].endswith("Corrected.")


def test_a_correction_through_the_service_starts_from_the_last_correction(client, cast, issued):
    from openimr.cases.selectors import case_row
    from openimr.review import services

    login(client, cast.qa)
    summary, rationales = _first_correction(client)
    services.letter_correct(
        row=case_row(issued.case.case_number),
        actor=cast.qa,
        reason="Second pass.",
        summary=summary + " Again.",
        rationales=rationales,
    )
    second = AmendedLetter.objects.get(number=2).case_document
    assert second["items"][0]["reviewer_basis"] == [{"mtus": False, "citation": ODG}]


def test_the_reviewers_page_markers_stay_while_the_text_is_theirs(
    client, cast, in_qa, records_layer
):
    """The form shows the summary as the reviewer wrote it, markers included, so a correction
    keeps the letter's references; once a correction rewrote it, the corrected text."""
    from openimr.cases.models import Case
    from openimr.review.models import Determination

    row = Case.objects.get(case_number=CASE)
    marked = row.clinical_summary.replace(". ", ". [[7 p2]] ", 1)
    assert "[[7 p2]]" in marked
    Determination.objects.create(case=row, summary_input=marked)  # as the reviewer wrote it
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    form = client.get(f"{QA_URL}amend/").context["form"]
    assert form.initial["summary"] == marked
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    rewritten = "The MRI showed a small protrusion at L4-5."
    assert amend_post(client, "Reworded.", rewritten, rationales).status_code == 302
    assert client.get(f"{QA_URL}amend/").context["form"].initial["summary"] == rewritten
