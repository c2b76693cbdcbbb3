"""A drug written with a strength in percent is put on the skin, and its precedents are the
topical ones: "Diclofenac sodium 3% 300mg/g #1" (CM17-0006634, judged under the MTUS's
Topical analgesics) was counted with "Diclofenac 75mg" tablets, and the compounds of
CM17-0013716 ("Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1"), written
without "cream", with the drugs taken. A word of a kind still says which: "Lidocaine 5%
patch" is a patch, "Lidocaine 2% viscous solution" is swished in the mouth. A medicated pad
is a patch ("Salonpas pad", "Lidocaine pad 5%"), and "patches" is "patch"."""

import pytest

from openimr.decisions.precedents import precedents_for_case, treatment_of
from openimr.decisions.tests.public_factories import item, make_decision

DRUG = "pharmaceuticals"

SAME = [
    ("Diclofenac sodium 3% 300mg/g #1", "Diclofenac 1% gel 100g"),
    ("Diclofenac sodium 1.5% 60gm", "Voltaren gel apply to affected area 4 times a day"),
    ("Lidocaine 5% 106.32gm", "Lidocaine ointment 5% #1"),
    ("Lidocaine pad 5% #30", "Lidoderm 5% patch #30"),
    ("Lidocaine 4% patches #30", "Lidocaine patch"),
    ("Terocin patches #30", "Terocin patch"),
    ("Flector 1.3% patch #30", "Diclofenac epolamine 1.3% transdermal patch"),
    (
        "Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1",
        "Flurbiprofen 10%, Dextromethorphan 5% in cream base",
    ),
    ("Retrospective Lidopro 4%-27.5%-0.0325% 121gm #1", "Lidopro cream"),
    ("Capsaicin 0.025% #1", "Capsaicin 0.025% cream"),
]
APART = [
    ("Diclofenac sodium 3% 300mg/g #1", "Diclofenac 75mg #60"),
    ("Diclofenac sodium 3%", "Flector 1.3% patch"),
    ("Cyclobenzaprine 5%, 240 grams", "Cyclobenzaprine 7.5mg #60"),
    ("Terocin lotion", "Terocin patch"),
    ("Lidocaine 5% patch", "Lidocaine 5% ointment"),
    ("Lidocaine 2% viscous solution", "Lidocaine 5% ointment"),
    ("Salonpas pad #60", "Salonpas cream"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_one_form_written_either_way_is_one_cohort(one, other):
    assert treatment_of(one, DRUG) == treatment_of(other, DRUG)


@pytest.mark.parametrize(("one", "other"), APART)
def test_a_drug_put_on_the_skin_is_apart_from_it_taken_and_from_its_patch(one, other):
    assert treatment_of(one, DRUG) != treatment_of(other, DRUG)


def _case(treatment: str) -> dict:
    return {"case_number": "CM26-0000001", "items": [{"treatment": treatment, "category": DRUG}]}


def _letters(wordings) -> set[str]:
    return {make_decision(items=[item(w, category=DRUG)]).case_number for w in wordings}


def _cohort(treatment: str) -> tuple[int, set[str]]:
    [found] = precedents_for_case(_case(treatment))
    return found.cohort_size, {p.case_number for p in found.decisions if p.match != "similar text"}


@pytest.mark.django_db
def test_each_form_of_diclofenac_is_shown_its_own_letters_on_both_databases():
    topical = _letters(["Diclofenac sodium 3% 300mg/g #1", "Voltaren 1% gel 100g"])
    patch = _letters(["Flector 1.3% patch #30", "Diclofenac epolamine patches #60"])
    taken = _letters(["Diclofenac 75mg #60", "Voltaren XR 100mg #30"])
    assert _cohort("Diclofenac sodium 1.5% 60gm") == (2, topical)
    assert _cohort("Flector patches") == (2, patch)
    assert _cohort("Diclofenac sodium 75mg #60") == (2, taken)


@pytest.mark.django_db
def test_lidocaine_applied_patched_and_swished_are_three_cohorts_on_both_databases():
    applied = _letters(["Lidocaine 5% 106.32gm", "Lidocaine ointment 5% #1"])
    patched = _letters(["Lidocaine pad 5% #30", "Lidoderm patch"])
    swished = _letters(["Lidocaine 2% viscous solution 100ml"])
    assert _cohort("Lidocaine 4% cream") == (2, applied)
    assert _cohort("Lidocaine 5% patch #30") == (2, patched)
    assert _cohort("Lidocaine viscous 2% 100ml") == (1, swished)


@pytest.mark.django_db
def test_a_compound_without_cream_in_its_name_is_counted_with_the_compounds():
    compounds = _letters(
        [
            "Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1",
            "Flurbiprofen 20%, Dextromethorphan 10% in cream base 240g",
        ]
    )
    _letters(["Flurbiprofen 100mg #60"])
    assert _cohort("Compound: Flurbiprofen 10%/Dextromethorphan 5% cream") == (2, compounds)
