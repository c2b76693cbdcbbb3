"""The panel index: the scorer chosen, blocking on rare words, and the panel it stands for."""

from dataclasses import replace

import pytest

from openimr.reviewers.domain.conflicts import DEFAULT_THRESHOLD
from openimr.reviewers.domain.names import normalise_name
from openimr.reviewers.domain.panel import Certification
from openimr.reviewers.index import PanelIndex, rapidfuzz_similarity
from openimr.reviewers.tests.builders import TODAY, reviewer, tie


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        # Why token_sort_ratio (index.py): these three decide it.
        ("Acme Insurance Co.", "ACME INSURANCE COMPANY", True),
        ("Acme Insurance", "Apex Insurance", False),
        ("Dr. Ramón Ortega", "Ramon Ortega MD", True),
        # WRatio would call these the same (a name inside a longer one); we do not.
        ("Smith", "Smith Barney Medical Group", False),
        ("Pacific Insurance", "Pacific Insurance Group of Nevada", False),
    ],
)
def test_the_scorer_separates_near_spellings_from_different_names(a, b, match):
    score = rapidfuzz_similarity(normalise_name(a), normalise_name(b))
    assert (score >= DEFAULT_THRESHOLD) is match


def test_word_order_does_not_matter():
    assert rapidfuzz_similarity("ortega ramon", "ramon ortega") == 100


def _index(*reviewers):
    return PanelIndex(reviewers)


def _found(index, party):
    return sorted((rid, name) for rid, name, _ in index.candidates(normalise_name(party)))


def test_candidates_include_exact_and_near_spellings_with_their_scores():
    index = _index(
        reviewer("R-1", affiliations=(tie("State Comp Ins Fund"),)),
        reviewer("R-2", affiliations=(tie("State Compensaton Insurance Fund"),)),
        reviewer("R-3", affiliations=(tie("Golden State Claims Services"),)),
    )
    found = {rid: score for rid, _, score in index.candidates("state compensation insurance fund")}
    assert found["R-1"] == 100
    assert 95 < found["R-2"] < 100
    assert "R-3" not in found


def test_a_reviewers_own_name_is_a_candidate():
    index = _index(reviewer("R-1", name="Dr. Alan Whitcomb"))
    assert _found(index, "Alan Whitcomb, M.D.") == [("R-1", "Dr. Alan Whitcomb")]


def test_a_common_word_does_not_pull_in_the_panel():
    many = [
        reviewer(f"R-{n}", affiliations=(tie(f"Insurer{n:03d} Insurance Company"),))
        for n in range(300)
    ]
    index = PanelIndex([*many, reviewer("R-X", affiliations=(tie("Acme Insurance Co."),))])
    assert index._block("acme insurance") == index._block("acme")
    assert len(index._block("acme insurance")) == 1
    assert _found(index, "ACME INSURANCE COMPANY") == [("R-X", "Acme Insurance Co.")]


def test_a_typo_in_the_only_rare_word_is_still_found():
    index = _index(
        reviewer("R-1", affiliations=(tie("Lindqvist Medical Group"),)),
        *[
            reviewer(f"R-{n}", affiliations=(tie(f"Valley{n} Medical Group"),))
            for n in range(2, 80)
        ],
    )
    assert _found(index, "Lindquist Medical Group") == [("R-1", "Lindqvist Medical Group")]


def test_a_name_of_common_words_only_is_still_found_exactly():
    many = [reviewer(f"R-{n}", affiliations=(tie(f"Medical Group {n}"),)) for n in range(200)]
    index = PanelIndex([*many, reviewer("R-X", affiliations=(tie("The Medical Group"),))])
    assert ("R-X", "The Medical Group") in _found(index, "the medical group")


def test_the_floor_drops_weak_candidates():
    index = PanelIndex([reviewer("R-1", affiliations=(tie("Acme Insurance"),))], floor=90)
    assert _found(index, "Apex Insurance") == []
    low = PanelIndex([reviewer("R-1", affiliations=(tie("Acme Insurance"),))], floor=50)
    assert _found(low, "Apex Insurance") == [("R-1", "Acme Insurance")]


def test_the_index_is_the_panel_as_a_read_only_mapping():
    a, b = reviewer("R-1"), reviewer("R-2")
    index = _index(a, b)
    assert dict(index) == {"R-1": a, "R-2": b}
    assert len(index) == 2 and "R-1" in index and index.get("R-9") is None
    assert list(index.keys()) == ["R-1", "R-2"]


def test_specialties_are_found_by_any_spelling_key():
    index = _index(
        reviewer("R-1", specialty="Physical Medicine & Rehabilitation"),
        reviewer("R-2", specialty="Orthopaedic Surgery"),
    )
    assert index.with_any_specialty(frozenset({"physical medicine and rehabilitation"})) == {"R-1"}
    assert index.with_any_specialty(frozenset({"orthopaedic surgery", "orthopedic surgery"})) == {
        "R-2"
    }
    assert index.with_any_specialty(frozenset({"psychiatry"})) == set()


def test_who_decided_a_case_is_looked_up_by_its_number_in_any_spelling():
    index = _index(reviewer("R-1", prior_case_numbers=("CM16-0312345",)), reviewer("R-2"))
    assert index.decided_by("cm16 0312345") == {"R-1"}
    assert index.decided_by("CM00-0000000") == set()


def test_reviewers_are_kept_in_load_order_then_by_id():
    index = _index(
        reviewer("R-3", open_cases=5, capacity_per_week=10),
        reviewer("R-2", open_cases=0, capacity_per_week=5),
        reviewer("R-1", open_cases=0, capacity_per_week=10),
        reviewer("R-4", open_cases=1, capacity_per_week=20),
    )
    assert list(index.in_load_order()) == ["R-1", "R-2", "R-4", "R-3"]
    assert index.load_positions()["R-4"] == 2


def test_refreshed_takes_new_loads_and_leaves_out_reviewers_without_rebuilding_names():
    a, b = reviewer("R-1", affiliations=(tie("Acme Insurance"),)), reviewer("R-2", open_cases=3)
    index = _index(a, b)
    fresher = index.refreshed({"R-2": replace(b, open_cases=0)})
    assert fresher._names is index._names
    assert list(fresher) == ["R-2"] and fresher["R-2"].open_cases == 0
    assert fresher.with_any_specialty(frozenset({"orthopedic surgery"})) == {"R-2"}
    assert index["R-2"].open_cases == 3  # the original is untouched


def test_refreshed_rebuilds_when_a_reviewers_ties_or_certifications_changed():
    a = reviewer("R-1", affiliations=(tie("Acme Insurance"),))
    index = _index(a)
    changed = replace(a, certifications=(Certification("ABPN", "Psychiatry"),))
    fresher = index.refreshed({"R-1": changed})
    assert fresher._names is not index._names
    assert fresher.with_any_specialty(frozenset({"psychiatry"})) == {"R-1"}


def test_an_ended_tie_is_a_candidate_but_the_conflict_rule_decides():
    from openimr.reviewers.domain.conflicts import panel_conflicts
    from openimr.reviewers.domain.panel import PartyRole
    from openimr.reviewers.tests.builders import parties

    ended = reviewer("R-1", affiliations=(tie("Acme Insurance", until=TODAY.replace(year=2020)),))
    index = _index(ended)
    assert _found(index, "Acme Insurance") == [("R-1", "Acme Insurance")]
    assert (
        panel_conflicts(parties((PartyRole.EMPLOYER, "Acme Insurance")), index, index, TODAY) == {}
    )
