import random
from datetime import timedelta

import pytest

from openimr.reviewers.domain.conflicts import (
    ScanMatcher,
    panel_conflicts,
    ratio_similarity,
    reviewer_conflicts,
)
from openimr.reviewers.domain.names import normalise_name
from openimr.reviewers.domain.panel import AffiliationKind, PartyRole
from openimr.reviewers.index import PanelIndex, rapidfuzz_similarity
from openimr.reviewers.tests.builders import TODAY, parties, reviewer, tie

# One case, every kind of party, each named the way a case file writes it.
CASE_PARTIES = {
    PartyRole.EMPLOYEE: "Rosa Delgado",
    PartyRole.EMPLOYER: "Capitol Grocers Inc.",
    PartyRole.CLAIMS_ADMINISTRATOR: "State Compensation Insurance Fund",
    PartyRole.REQUESTING_PHYSICIAN: "Dr. Alan Whitcomb",
    PartyRole.MEDICAL_GROUP: "Sacramento Orthopaedic Medical Group, Inc.",
    PartyRole.FACILITY: "Mercy General Hospital",
    PartyRole.MANUFACTURER: "Medtronic, Inc.",
    PartyRole.UR_ORGANIZATION: "Pacific Utilization Review Services, LLC",
    PartyRole.UR_REVIEWER: "Helen Park, M.D.",
    PartyRole.TREATING_PROVIDER: "Kenneth Abernathy, D.O.",
}
# ... and each as a reviewer disclosed the tie.
DISCLOSED = {
    PartyRole.EMPLOYEE: ("ROSA DELGADO", AffiliationKind.RELATED_TO),
    PartyRole.EMPLOYER: ("Capitol Grocers Incorporated", AffiliationKind.PAID_BY),
    PartyRole.CLAIMS_ADMINISTRATOR: ("State Comp Ins Fund", AffiliationKind.PAID_BY),
    PartyRole.REQUESTING_PHYSICIAN: ("Alan Whitcomb MD", AffiliationKind.PRACTICES_WITH),
    PartyRole.MEDICAL_GROUP: ("Sacramento Orthopedic Med. Group", AffiliationKind.OWNS_PART_OF),
    PartyRole.FACILITY: ("Mercy General Hosp.", AffiliationKind.EMPLOYED_BY),
    PartyRole.MANUFACTURER: ("MEDTRONIC", AffiliationKind.PAID_BY),
    PartyRole.UR_ORGANIZATION: ("Pacific Utilization Review Svcs", AffiliationKind.EMPLOYED_BY),
    PartyRole.UR_REVIEWER: ("Dr. Helen Park", AffiliationKind.RELATED_TO),
    PartyRole.TREATING_PROVIDER: ("Dr. Kenneth Abernathy", AffiliationKind.PRACTICES_WITH),
}
ALL = parties(*CASE_PARTIES.items())


def test_every_party_role_is_covered_by_this_table():
    assert set(CASE_PARTIES) == set(PartyRole) == set(DISCLOSED)


@pytest.mark.parametrize("role", list(PartyRole), ids=lambda r: r.value)
@pytest.mark.parametrize(
    "similarity", [ratio_similarity, rapidfuzz_similarity], ids=["difflib", "rapidfuzz"]
)
def test_a_current_tie_to_any_party_excludes_the_reviewer(role, similarity):
    name, kind = DISCLOSED[role]
    r = reviewer(affiliations=(tie(name, kind),))
    (reason,) = reviewer_conflicts(r, ALL, TODAY, similarity)
    assert reason.code == f"affiliated_{role.value}"
    assert reason.matched == (CASE_PARTIES[role], name)
    assert reason.source == "LC 139.5(d); 8 CCR 9792.10.6"
    assert name in reason.text and CASE_PARTIES[role] in reason.text


@pytest.mark.parametrize("role", list(PartyRole), ids=lambda r: r.value)
def test_the_panel_check_finds_the_same_conflict_through_the_index(role):
    name, kind = DISCLOSED[role]
    panel = {"R-1": reviewer(affiliations=(tie(name, kind),)), "R-2": reviewer("R-2")}
    index = PanelIndex(panel.values())
    found = panel_conflicts(ALL, panel, index, TODAY)
    assert list(found) == ["R-1"]
    assert found["R-1"] == reviewer_conflicts(panel["R-1"], ALL, TODAY, rapidfuzz_similarity)


@pytest.mark.parametrize(
    ("until", "conflicts"),
    [(None, True), (TODAY, True), (TODAY - timedelta(days=1), False)],
    ids=["open", "ends-today", "ended-yesterday"],
)
def test_a_tie_that_ended_before_today_no_longer_conflicts(until, conflicts):
    r = reviewer(affiliations=(tie("State Comp Ins Fund", until=until),))
    assert bool(reviewer_conflicts(r, ALL, TODAY, rapidfuzz_similarity)) is conflicts
    found = panel_conflicts(ALL, {"R-1": r}, PanelIndex([r]), TODAY)
    assert bool(found) is conflicts


def test_the_reviewer_being_a_party_is_a_conflict():
    r = reviewer(name="Alan Whitcomb, M.D.")
    (reason,) = reviewer_conflicts(r, ALL, TODAY, rapidfuzz_similarity)
    assert reason.code == "reviewer_is_requesting_physician"
    assert reason.matched == ("Dr. Alan Whitcomb", "Alan Whitcomb, M.D.")
    assert panel_conflicts(ALL, {"R-1": r}, PanelIndex([r]), TODAY) == {"R-1": [reason]}


def test_a_remand_needs_a_different_reviewer():
    remand = parties((PartyRole.EMPLOYEE, "Rosa Delgado"), appealed_from=("CM16-0312345",))
    decided = reviewer(prior_case_numbers=("cm16 0312345", "CM15-1"))
    (reason,) = reviewer_conflicts(decided, remand, TODAY, ratio_similarity)
    assert reason.code == "remand_same_reviewer"
    assert reason.source == "LC 4610.6(h), (i)"
    assert reason.matched == ("CM16-0312345", "cm16 0312345")
    other = reviewer("R-2", prior_case_numbers=("CM15-1",))
    panel = {"R-1": decided, "R-2": other}
    assert panel_conflicts(remand, panel, PanelIndex(panel.values()), TODAY) == {"R-1": [reason]}
    assert panel_conflicts(remand, panel, ScanMatcher(panel), TODAY) == {"R-1": [reason]}


@pytest.mark.parametrize(
    ("party", "disclosed", "same"),
    [
        ("Acme Insurance Co.", "ACME INSURANCE COMPANY", True),
        ("Dr. Ramón Ortega", "Ramon Ortega MD", True),
        ("Ortega, Ramon", "Ramon Ortega", True),
        ("State Compensation Insurance Fund", "State Compensaton Insurance Fund", True),
        ("Golden State Claims Services", "Golden State Claim Services", True),
        ("Acme Insurance", "Apex Insurance", False),
        ("Pacific Insurance Company", "Pacific Casualty Insurance Company", False),
        ("Smith", "Smith Barney Medical Group", False),
        ("Ramón Ortega-Vásquez", "Ramon Ortega", False),
        ("Kaiser Foundation Hospitals", "Kaiser Permanente", False),
    ],
)
@pytest.mark.parametrize(
    "similarity", [ratio_similarity, rapidfuzz_similarity], ids=["difflib", "rapidfuzz"]
)
def test_names_alike_above_the_threshold_conflict_and_others_do_not(
    party, disclosed, same, similarity
):
    r = reviewer(affiliations=(tie(disclosed),))
    found = reviewer_conflicts(r, parties((PartyRole.EMPLOYER, party)), TODAY, similarity)
    assert bool(found) is same


def test_a_near_spelling_says_how_alike_the_names_are():
    r = reviewer(affiliations=(tie("State Compensaton Insurance Fund"),))
    (reason,) = reviewer_conflicts(r, ALL, TODAY, rapidfuzz_similarity)
    assert "% alike" in reason.text


def test_the_threshold_can_be_raised_to_exact_names_only():
    r = reviewer(affiliations=(tie("State Compensaton Insurance Fund"),))
    assert reviewer_conflicts(r, ALL, TODAY, rapidfuzz_similarity, threshold=100) == []


def test_one_tie_to_two_parties_gives_two_reasons_in_a_stable_order():
    both = parties(
        (PartyRole.EMPLOYER, "Mercy General Hospital"),
        (PartyRole.FACILITY, "Mercy General Hospital"),
    )
    r = reviewer(affiliations=(tie("Mercy General Hosp."),))
    codes = [x.code for x in reviewer_conflicts(r, both, TODAY, rapidfuzz_similarity)]
    assert codes == ["affiliated_employer", "affiliated_facility"]


PLACES = str.split(
    "pacific sierra golden coastal valley summit harbor mission redwood cascade sonoma marin "
    "napa tahoe shasta ventura kern alameda humboldt yosemite fresno madera placer solano butte "
    "tulare mojave monterey pasadena riverside glendale burbank oakland berkeley fremont hayward "
    "stockton modesto merced visalia redding chico eureka ukiah lodi tracy vallejo benicia"
)
KINDS = "medical group|claims services|imaging center|surgery center|logistics|insurance company"


def _typo(rng: random.Random, name: str) -> str:
    # Letters dropped or replaced anywhere, spaces included ("harborxlogistics").
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1 :] if rng.random() < 0.5 else name[:i] + "x" + name[i + 1 :]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_finds_what_a_full_scan_finds_on_a_varied_panel(seed):
    rng = random.Random(seed)
    orgs = sorted(
        {
            f"{rng.choice(PLACES)} {rng.choice(PLACES)} {rng.choice(KINDS.split('|'))}"
            for _ in range(400)
        }
    )
    written = {
        o: [_typo(rng, o) if rng.random() < 0.3 else o.upper() for _ in range(3)] for o in orgs
    }
    panel = {
        f"R-{n}": reviewer(
            f"R-{n}", affiliations=tuple(tie(rng.choice(written[o])) for o in rng.sample(orgs, 4))
        )
        for n in range(300)
    }
    index, scan = PanelIndex(panel.values()), ScanMatcher(panel, rapidfuzz_similarity)
    for org in rng.sample(orgs, 80):
        case = parties((PartyRole.EMPLOYER, org))
        assert panel_conflicts(case, panel, index, TODAY) == panel_conflicts(
            case, panel, scan, TODAY
        )


def test_names_are_compared_normalised_on_both_sides():
    assert normalise_name("State Comp Ins Fund") == normalise_name(
        "STATE COMPENSATION INSURANCE FUND"
    )
