""" "ESI" is an epidural steroid injection, as the MTUS abbreviates it: a case asking for an
"L4-5 ESI" had a cohort of its own (keyed "esi"), which counted none of the letters on a
"Lumbar epidural steroid injection", and a case asking for one of those counted no letter's
"L5-S1 ESI". Now both are the lumbar epidural injections; the level or the word names the
region, so a cervical one is still apart."""

import pytest

from openimr.decisions.domain.key_spellings import abbreviations_for
from openimr.decisions.domain.treatment_words import expanded
from openimr.decisions.precedents import treatment_of
from openimr.decisions.tests.public_factories import cohort_listed, item, make_decision

INJECTION = "injections"


@pytest.mark.parametrize(
    "treatment",
    [
        "L4-5 ESI",
        "Lumbar ESI",
        "Right L5-S1 ESI under fluoroscopy",
        "Lumbar epidural steroid injection",
        "Right L4 transforaminal epidural steroid injection",  # CM16-0240900
        "ESIs at L4-5 and L5-S1",
    ],
)
def test_an_esi_keys_as_a_lumbar_epidural_injection(treatment):
    assert treatment_of(treatment, INJECTION) == treatment_of(
        "Lumbar epidural steroid injection", INJECTION
    )


def test_a_cervical_esi_is_the_cervical_epidural_injection():
    assert treatment_of("C5-6 ESI", INJECTION) == treatment_of(
        "Cervical epidural steroid injection", INJECTION
    )
    assert treatment_of("C5-6 ESI", INJECTION) != treatment_of("L4-5 ESI", INJECTION)


def test_esi_is_read_so_among_injections_only():
    assert abbreviations_for(["epidural", "injection"], INJECTION) == ["esi", "esis"]
    assert expanded("ESI", "diagnostics") == "ESI"


@pytest.mark.django_db
def test_the_lumbar_epidural_cohort_holds_the_esis_on_both_databases():
    lumbar = {
        make_decision(items=[item(t, category=INJECTION)]).case_number
        for t in ("L5-S1 ESI", "Lumbar ESI", "Lumbar epidural steroid injection")
    }
    make_decision(items=[item("C5-6 ESI", category=INJECTION)])
    make_decision(items=[item("Lumbar facet injection", category=INJECTION)])

    assert cohort_listed("L4-5 ESI", INJECTION) == (3, lumbar)
    assert cohort_listed("Lumbar epidural steroid injection", INJECTION) == (3, lumbar)
