"""A reviewer may have no material tie to a party (LC 139.5(d); 8 CCR 9792.10.6) however
fully the case writes the party's name. "John Albert Smith" and "John Smith" are 74 % alike,
and "Law Offices of Smith & Jones" and "Smith & Jones" 67 %, both under the threshold of 90,
so the reviewer who practises with the physician, or works for the firm, was chosen. A
person's name now matches when the first and last names agree and any middle names agree by
initial; a firm's leading "Law Offices of" names no party of its own. Organisations keep the
fuzzy rule: "Valley Medical Group" is not "Valley Ortho Group"."""

import pytest

from openimr.reviewers.domain.names import normalise_name, same_person
from openimr.reviewers.domain.panel import AffiliationKind, PartyRole
from openimr.reviewers.tests.builders import conflicts_found, parties, reviewer, tie

PRACTISES_WITH = AffiliationKind.PRACTICES_WITH


@pytest.mark.parametrize(
    ("party", "tied_to"),
    [
        ("Dr. John Albert Smith", "John Smith, MD"),
        ("John Smith", "John Albert Smith"),
        ("John A. Smith, M.D.", "Dr. John Albert Smith"),
        ("Maria del Carmen Lopez", "Maria Lopez"),
    ],
)
def test_the_requesting_physician_with_a_middle_name_is_the_one_the_reviewer_practises_with(
    party, tied_to
):
    case = parties((PartyRole.REQUESTING_PHYSICIAN, party))
    partner = reviewer("R-1", affiliations=(tie(tied_to, PRACTISES_WITH),))
    found = conflicts_found(
        case, partner, reviewer("R-2", affiliations=(tie("Ann Lee", PRACTISES_WITH),))
    )
    assert list(found) == ["R-1"]
    [reason] = found["R-1"]
    assert reason.code == "affiliated_requesting_physician"
    assert reason.matched == (party, tied_to)
    if normalise_name(party) != normalise_name(tied_to):
        assert "the same first and last names" in reason.text


def test_a_different_middle_name_is_another_person():
    case = parties((PartyRole.REQUESTING_PHYSICIAN, "John Bernard Smith"))
    tied = tie("John Albert Smith", PRACTISES_WITH)
    assert conflicts_found(case, reviewer("R-1", affiliations=(tied,))) == {}


def test_the_employer_written_as_law_offices_of_is_the_firm_the_reviewer_works_for():
    case = parties((PartyRole.EMPLOYER, "The Law Offices of Smith & Jones, LLP"))
    found = conflicts_found(
        case, reviewer("R-1", affiliations=(tie("Smith & Jones"),)), reviewer("R-2")
    )
    assert [r.code for r in found["R-1"]] == ["affiliated_employer"]
    assert list(found) == ["R-1"]


@pytest.mark.parametrize(
    ("role", "party", "tied_to"),
    [
        (PartyRole.MEDICAL_GROUP, "Valley Medical Group", "Valley Ortho Group"),
        # A facility writes a treating provider's record; an employee's name slot may hold
        # a company's: organisations there keep the fuzzy rule too.
        (PartyRole.TREATING_PROVIDER, "Sierra Hospital", "Sierra Community Hospital"),
        (PartyRole.EMPLOYEE, "Redwood First Logistics Inc.", "Redwood Logistics Inc."),
        (PartyRole.EMPLOYEE, "Butte Allied Ins. Co.", "Butte Insurance Company"),
    ],
)
def test_an_organisation_with_the_same_first_and_last_word_is_not_matched_as_a_person(
    role, party, tied_to
):
    case = parties((role, party))
    assert conflicts_found(case, reviewer("R-1", affiliations=(tie(tied_to),))) == {}


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Law Offices of Smith & Jones", "smith and jones"),
        ("The Law Firm of Smith & Jones, LLP", "smith and jones"),
        ("Law Office of Dr. Kim Pa", "kim pa"),
        ("Kim Pa", "kim pa"),
        ("Kim Pa, PA-C", "kim pa"),
        ("Smith Law Firm", "smith law firm"),
        ("Law Offices of", "law offices of"),
    ],
)
def test_a_firms_leading_words_go_and_short_names_stay(written, normalised):
    assert normalise_name(written) == normalised


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("john albert smith", "john smith", True),
        ("john a smith", "john albert smith", True),
        ("john a smith", "john b smith", False),
        ("john smith", "jane smith", False),
        ("kim pa", "kim pa", True),
        ("kim", "kim", False),
        ("smith", "john smith", False),
    ],
)
def test_same_person_needs_the_first_and_last_names_and_agreeing_middle_initials(a, b, same):
    assert same_person(a, b) is same
