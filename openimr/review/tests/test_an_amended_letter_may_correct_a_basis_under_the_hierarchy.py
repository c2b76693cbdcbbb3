"""An amended letter may correct an item's basis and the reason for leaving the MTUS, held to
the evidence hierarchy as at decision save (LC 4610.5(c)(2); 8 CCR 9792.21.1): a non-MTUS
basis without the reason is refused with a message at the item and nothing is issued."""

import pytest

from openimr.cases.models import DisputedItem
from openimr.letters.models import AmendedLetter, IssuedLetter
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, login

pytestmark = pytest.mark.django_db
ODG = "Official Disability Guidelines, Low Back (Lumbar & Thoracic), Physical therapy, 2016"
WHY = (
    "The MTUS does not address the number of visits after a flare of chronic low back pain, "
    "so the reviewer turned to the ODG (8 CCR 9792.21.1)."
)


def _texts(client):
    form = client.get(f"{QA_URL}amend/").context["form"]
    return form.initial["summary"], [form.initial[f"rationale_{n}"] for n in range(3)]


def _non_mtus_first_item(why):
    return {"basis_0": None, "free_citation_0": ODG, "free_is_mtus_0": None, "why_not_mtus_0": why}


def test_a_non_mtus_basis_without_the_reason_is_refused_and_nothing_is_issued(client, cast, issued):
    login(client, cast.qa)
    summary, rationales = _texts(client)
    changes = _non_mtus_first_item("")
    response = amend_post(client, "The basis was misstated.", summary, rationales, **changes)
    body = response.content.decode()
    assert response.status_code == 422
    assert "the correction breaks the evidence hierarchy" in body
    assert (
        "Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks), Why the MTUS does "
        "not apply: a basis without an MTUS citation needs why the MTUS does not address"
    ) in body
    assert not AmendedLetter.objects.exists()


def test_a_reason_too_short_to_say_why_is_refused(client, cast, issued):
    login(client, cast.qa)
    summary, rationales = _texts(client)
    changes = _non_mtus_first_item("ODG is better.")
    response = amend_post(client, "The basis was misstated.", summary, rationales, **changes)
    assert response.status_code == 422
    assert "why the MTUS does not apply" in response.content.decode()
    assert not AmendedLetter.objects.exists()


def test_a_corrected_basis_with_its_reason_issues_and_prints_in_the_amended_letter(
    client, cast, issued
):
    first = IssuedLetter.objects.get()
    login(client, cast.qa)
    summary, rationales = _texts(client)
    changes = _non_mtus_first_item(WHY)
    response = amend_post(client, "The basis was misstated.", summary, rationales, **changes)
    assert response.status_code == 302
    text = " ".join(AmendedLetter.objects.get().text.split())
    assert ODG in text
    assert "did not base their decision on the MTUS" in text
    assert WHY in text
    assert IssuedLetter.objects.get().text == first.text
    assert ODG not in " ".join(first.text.split())


def test_a_reason_left_beside_an_all_mtus_basis_is_refused(client, cast, issued):
    """The third item's basis is the ODG with its reason; correcting it to the MTUS while
    keeping the reason would make the letter contradict itself."""
    login(client, cast.qa)
    summary, rationales = _texts(client)
    changes = {"basis_2": None, "free_citation_2": "Chronic Pain Medical Treatment Guidelines"}
    changes["free_is_mtus_2"] = "on"
    response = amend_post(client, "The basis was misstated.", summary, rationales, **changes)
    assert response.status_code == 422
    assert (
        "Item 3 (Orthopedic cervical pillow), Why the MTUS does not apply: the basis is "
        "entirely MTUS: remove this reason"
    ) in response.content.decode()
    assert not AmendedLetter.objects.exists()


def test_the_form_shows_each_item_basis_as_issued(client, cast, issued):
    login(client, cast.qa)
    initial = client.get(f"{QA_URL}amend/").context["form"].initial
    assert "Official Disability Guidelines, Neck and Upper Back" in initial["free_citation_2"]
    assert initial["why_not_mtus_2"].startswith("The MTUS does not address pillows")
    assert initial["why_not_mtus_0"] == ""
    assert initial["basis_0"] or initial["free_citation_0"]
    assert CASE in QA_URL


MIXED = [
    {"mtus": True, "citation": "Chronic Pain Medical Treatment Guidelines, page 99"},
    {"mtus": False, "citation": ODG},
]


def _issued_with_mixed_first_item(client, cast):
    """The letter issued with item 1 citing an MTUS and a non-MTUS source, neither a
    catalog entry; the amend form's texts."""
    DisputedItem.objects.filter(case__case_number=CASE, position=0).update(reviewer_basis=MIXED)
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    return _texts(client)


def test_a_basis_left_as_shown_stays_exactly_as_issued(client, cast, in_qa):
    """An item citing both an MTUS and a non-MTUS source without catalog entries is not
    touched by a correction that leaves it alone."""
    summary, rationales = _issued_with_mixed_first_item(client, cast)
    response = amend_post(client, "A typo in the summary.", summary + " ", rationales)
    assert response.status_code == 302
    amended = AmendedLetter.objects.get()
    assert amended.case_document["items"][0]["reviewer_basis"] == MIXED


def test_a_mixed_basis_keeps_each_citations_flag_when_only_its_reason_is_corrected(
    client, cast, in_qa
):
    """Each free citation has its own MTUS tick box: correcting the reason re-reads the
    basis from the form, which once gave both citations one flag (the MTUS's), so the
    correction was refused as an all-MTUS basis with a reason."""
    summary, rationales = _issued_with_mixed_first_item(client, cast)
    changes = {"why_not_mtus_0": WHY}
    response = amend_post(client, "The reason was left out.", summary, rationales, **changes)
    assert response.status_code == 302
    amended = AmendedLetter.objects.get()
    assert amended.case_document["items"][0]["reviewer_basis"] == MIXED
    text = " ".join(amended.text.split())
    assert f"Decision based on Non-MTUS Citation {ODG}." in text
    assert WHY in text
