"""A reviewer may have no material tie to the requesting or treating physician, the insurer
or the other parties (LC 139.5(d); 8 CCR 9792.10.6), however the case writes their names.
Physicians sign with degrees, fellowships and roles after the name, and the requesting
provider of a workers' compensation case is often a chiropractor, podiatrist, physician
assistant or nurse practitioner: "John Smith, M.D., F.A.C.S.", "Jane Doe, D.C., QME",
"Ann Lee, PA-C". Only MD, DO, PhD and Esq. were taken off, so the reviewer who is that
physician scored 71 to 84 against their own name and was chosen, and let attest to having
no conflict; so was one who works for "The Acme Insurance Company" on a case of
"Acme Insurance Co." (88). These now normalise to the same name, and a name that is no
credential ("Anh Do", "Kim Pa") keeps its last word."""

import pytest

from openimr.reviewers.domain.conflicts import panel_conflicts, reviewer_conflicts
from openimr.reviewers.domain.names import normalise_name
from openimr.reviewers.domain.panel import PartyRole
from openimr.reviewers.index import PanelIndex, rapidfuzz_similarity
from openimr.reviewers.tests.builders import TODAY, parties, reviewer, tie

AS_SIGNED = {
    "fellowship": ("John Smith, M.D., F.A.C.S.", "Dr. John Smith"),
    "chiropractor": ("Jane Doe, D.C., QME", "Jane Doe"),
    "podiatrist": ("Maria Lopez, DPM", "Dr. Maria Lopez"),
    "physician assistant": ("Ann Lee, PA-C", "Ann Lee"),
    "nurse practitioner": ("Ann Lee NP", "Ann Lee"),
    "dentist": ("Dr. Ann Lee, DDS", "Ann Lee"),
    "public health degree": ("John Smith, MD, MPH", "John Smith"),
    "title in words": ("Doctor John Smith", "John Smith, MD"),
    "professor": ("Prof. Ann Lee", "Ann Lee"),
    "son": ("Mr. John Smith Jr.", "John Smith"),
}


@pytest.mark.parametrize(("party", "own_name"), AS_SIGNED.values(), ids=AS_SIGNED.keys())
def test_the_requesting_physician_signed_with_credentials_is_the_reviewer(party, own_name):
    case = parties((PartyRole.REQUESTING_PHYSICIAN, party))
    the_physician = reviewer("R-1", name=own_name)
    someone_else = reviewer("R-2", name="Dr. Priya Natarajan")
    index = PanelIndex([the_physician, someone_else])

    found = panel_conflicts(case, index, index, TODAY)
    assert {rid: [r.code for r in reasons] for rid, reasons in found.items()} == {
        "R-1": ["reviewer_is_requesting_physician"]
    }
    [reason] = reviewer_conflicts(the_physician, case, TODAY, rapidfuzz_similarity)
    assert reason.matched == (party, own_name)


def test_an_insurer_written_with_a_leading_the_is_the_insurer_the_reviewer_works_for():
    case = parties((PartyRole.CLAIMS_ADMINISTRATOR, "Acme Insurance Co."))
    works_there = reviewer("R-1", affiliations=(tie("The Acme Insurance Company"),))
    index = PanelIndex([works_there, reviewer("R-2")])

    assert list(panel_conflicts(case, index, index, TODAY)) == ["R-1"]
    assert [r.code for r in reviewer_conflicts(works_there, case, TODAY, rapidfuzz_similarity)] == [
        "affiliated_claims_administrator"
    ]


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Anh Do", "anh do"),
        ("Kim Pa", "kim pa"),
        ("Lee Ms", "lee ms"),
        ("The", "the"),
        ("Dr. Jane Doe-Smith, D.C.", "jane doe smith"),
        ("Coastal Sports PT", "coastal sports"),
    ],
)
def test_a_short_credential_is_taken_off_only_after_two_other_words(written, normalised):
    assert normalise_name(written) == normalised
