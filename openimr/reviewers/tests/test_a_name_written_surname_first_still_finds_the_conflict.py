"""A reviewer may have no material tie to a party (LC 139.5(d); 8 CCR 9792.10.6) however the
name is written, and panels and rosters list people surname first: "Smith, John Q." is
"John Q. Smith". The comma is read as that order only for a person's name in two parts:
commas that set off credentials ("John Smith, M.D., F.A.C.S.") leave the name as it is,
and an organisation's ("Acme, Inc.", "Smith, Jones & Co.") is not turned round."""

import pytest

from openimr.reviewers.domain.names import normalise_name
from openimr.reviewers.domain.panel import AffiliationKind, PartyRole
from openimr.reviewers.tests.builders import conflicts_found, parties, reviewer, tie

PRACTISES_WITH = AffiliationKind.PRACTICES_WITH


@pytest.mark.parametrize(
    ("party", "tied_to"),
    [
        ("Smith, John Q.", "John Q. Smith"),
        ("Smith, John Q.", "John Smith"),
        ("John Smith, MD", "Smith, John Quincy, M.D."),
        ("Dr. John Q. Smith", "Smith Jr., Dr. John"),
        ("Ramón Ortega", "ORTEGA, RAMON A"),
    ],
)
def test_the_requesting_physician_written_surname_first_is_the_one_the_reviewer_practises_with(
    party, tied_to
):
    case = parties((PartyRole.REQUESTING_PHYSICIAN, party))
    partner = reviewer("R-1", affiliations=(tie(tied_to, PRACTISES_WITH),))
    other = reviewer("R-2", affiliations=(tie("Lee, Ann", PRACTISES_WITH),))
    found = conflicts_found(case, partner, other)
    assert list(found) == ["R-1"]
    assert [r.code for r in found["R-1"]] == ["affiliated_requesting_physician"]


def test_a_different_middle_initial_written_surname_first_is_another_person():
    case = parties((PartyRole.REQUESTING_PHYSICIAN, "Smith, John B."))
    tied = tie("John Albert Smith", PRACTISES_WITH)
    assert conflicts_found(case, reviewer("R-1", affiliations=(tied,))) == {}


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Smith, John Q.", "john q smith"),
        ("Smith, John, Jr., M.D., F.A.C.S.", "john smith"),
        ("John Smith, M.D., F.A.C.S.", "john smith"),
        ("John Smith, Jr.", "john smith"),
        ("Do, Anh", "anh do"),
        ("Acme, Inc.", "acme"),
        ("Smith, Jones & Co.", "smith jones and"),
        ("Valley Medical Group, Inc.", "valley medical group"),
    ],
)
def test_only_a_persons_name_in_two_parts_is_turned_round(written, normalised):
    assert normalise_name(written) == normalised
