"""A drug's brand and generic names are one cohort: "Norco 10/325mg" is counted with
"Hydrocodone/acetaminophen 10/325mg", "Ultram" with "Tramadol", a "Lidoderm" patch with a
lidocaine patch (the FDA's Orange Book and DailyMed labels name each brand's active
ingredients: domain/drug_names.py). A brand of one form is that form only ("Lidoderm" is no
lidocaine ointment, "Flector" no diclofenac taken), and two drugs sharing an ingredient
("Norco" and "Percocet": acetaminophen) stay apart. MERGED lists the pairs that were two
cohorts before (bench/precedent_cohorts.py over /work/shared/corpus counts the merges)."""

import pytest

from openimr.decisions.precedents import precedents_for_case, treatment_of
from openimr.decisions.tests.public_factories import item, make_decision

DRUG = "pharmaceuticals"

# (a brand's wording, a generic's wording), each an item of a letter in /work/shared/corpus
# (case numbers beside them) or as prescriptions write them.
MERGED = [
    ("Norco 10/325mg #35", "Hydrocodone/acetaminophen 10/325mg #60"),
    ("Norco 7.5-325mg #112", "Hydrocodone bitartrate and acetaminophen 7.5/325 #90"),
    ("Vicodin 5/300mg #60", "Hydrocodone/APAP 5/325 #60"),
    ("Ultram 50mg #60", "Tramadol 50mg #60"),
    ("Ultram ER 100mg #60", "Tramadol (Ultram) 50mg take 1 tab orally every 4-6 hours #30"),
    ("Lyrica 75mg #60", "Pregabalin 75mg #60"),
    ("Neurontin 600mg #90", "Gabapentin 600mg #90"),
    ("Celebrex 200mg #30", "Celecoxib 200mg #90"),
    ("Flexeril 10mg #60", "Cyclobenzaprine 7.5mg #60"),
    ("Lidoderm 5% patch #30", "Lidocaine 5% patch #1"),
    ("Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box", "Lidocaine patch"),
    ("Duragesic 25mcg/hr #10", "Fentanyl 25mcg/hr transdermal patch #10"),
    ("Flector 1.3% transdermal patch", "Diclofenac epolamine 1.3% patch #30"),
    ("Voltaren gel apply to affected area 4 times a day, #60 grams", "Diclofenac 1% gel 100g"),
    ("Three refills of Voltaren 75mg #60", "Diclofenac ER 100mg #60"),
    ("Motrin 600mg #40", "Two refills of Ibuprofen 600mg #90"),
    ("Prilosec 20mg #90", "Omeprazole"),
    ("Prevacid 15mg #30", "Lansoprazole 15mg #30"),
    ("Pepcid 20mg", "Retrospective Famotidine 20mg #60, per 12/07/2016 order"),
    ("Norflex 100mg #60", "Orphenadrine Citrate ER 100mg tabs #30"),
    ("Lorzone 750mg one by mouth three times a day #45", "Chlorzoxazone 500mg #60"),
    ("Meloxicam (Mobic) 7.5mg #30", "Mobic 15mg #30"),
    ("Diazepam (Valium) 5mg take 1 tab orally 1 hour before exam", "Valium 5mg #10"),
    ("Three months coverage of Viagra 50mg", "Sildenafil 50mg #10"),
    ("Post-op Colace 100mg #60, 1 tablet by mouth as needed", "Docusate sodium 100mg #60"),
]
APART = [
    ("Lidoderm 5% patch #30", "Lidocaine ointment 5% 106.32gm"),
    ("Flector 1.3% transdermal patch", "Diclofenac ER 100mg #60"),
    ("Flector 1.3% transdermal patch", "Voltaren gel apply to affected area 4 times a day"),
    ("Voltaren gel apply to affected area 4 times a day", "Three refills of Voltaren 75mg #60"),
    ("Norco 10/325mg #35", "Percocet 10/325mg #60"),
    ("Ultracet 37.5/325mg #60", "Ultram 50mg #60"),
    ("Duragesic 25mcg/hr #10", "Fentanyl citrate injection 100mcg"),
]


@pytest.mark.parametrize(("brand", "generic"), MERGED)
def test_a_brand_keys_the_cohort_of_its_generic_name(brand, generic):
    assert treatment_of(brand, DRUG) == treatment_of(generic, DRUG)


@pytest.mark.parametrize(("one", "other"), APART)
def test_another_form_or_another_drug_stays_apart(one, other):
    assert treatment_of(one, DRUG) != treatment_of(other, DRUG)


def _case(treatment: str) -> dict:
    return {"case_number": "CM26-0000001", "items": [{"treatment": treatment, "category": DRUG}]}


def _letters(wordings) -> set[str]:
    return {make_decision(items=[item(w, category=DRUG)]).case_number for w in wordings}


def _listed(found) -> set[str]:
    return {p.case_number for p in found.decisions if p.match != "similar text"}


HYDROCODONE = [
    "Norco 10/325mg #60",
    "Hydrocodone/acetaminophen 10/325mg #60",
    "Hydrocodone/APAP 10/325 #90",
    "Vicodin 5/300mg #60",
]


@pytest.mark.django_db
@pytest.mark.parametrize("treatment", ["Norco 10/325mg #90", "Hydrocodone/APAP 10/325 #60"])
def test_the_panel_counts_the_brand_and_generic_letters_together_on_both_databases(treatment):
    hydrocodone = _letters(HYDROCODONE)
    _letters(["Percocet 10/325mg #60", "Acetaminophen 500mg #100", "Hydrocodone ER 20mg #30"])
    [found] = precedents_for_case(_case(treatment))
    assert (found.cohort_size, _listed(found)) == (4, hydrocodone)


@pytest.mark.django_db
def test_a_brand_of_one_form_is_counted_with_that_form_only_on_both_databases():
    patches = _letters(["Lidoderm 5% patch #30", "Lidocaine 5% patch #1", "Lidoderm #30"])
    ointment = _letters(["Lidocaine ointment 5% 106.32gm"])
    taken = _letters(["Lidocaine 2% viscous solution"])
    [found] = precedents_for_case(_case("Lidoderm 5% #90"))
    assert (found.cohort_size, _listed(found)) == (3, patches)
    [found] = precedents_for_case(_case("Lidocaine 5% ointment"))
    assert (found.cohort_size, _listed(found)) == (1, ointment)
    [found] = precedents_for_case(_case("Lidocaine 2% viscous solution 100ml"))
    assert (found.cohort_size, _listed(found)) == (1, taken)


@pytest.mark.django_db
def test_ultram_finds_the_tramadol_letters_and_tramadol_the_ultram_ones():
    tramadol = _letters(["Ultram 50mg #60", "Tramadol 50mg #60", "Tramadol ER 100mg #30"])
    for treatment in ("Ultram 50mg #90", "Tramadol 50mg #90"):
        [found] = precedents_for_case(_case(treatment))
        assert (found.cohort_size, _listed(found)) == (3, tramadol)
