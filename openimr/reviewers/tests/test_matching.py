import json
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from openimr.core.case import Category
from openimr.reviewers.domain.conflicts import ScanMatcher
from openimr.reviewers.domain.matching import (
    MatchCase,
    MatchItem,
    business_days_after,
    expected_decision,
    match,
)
from openimr.reviewers.domain.panel import Certification, PartyRole
from openimr.reviewers.index import PanelIndex, rapidfuzz_similarity
from openimr.reviewers.match_input import match_case_from_document
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.specialty_data import default_specialty_table
from openimr.reviewers.tests.builders import DATA, DEMO_PANEL, TODAY, parties, reviewer, tie

TABLE = default_specialty_table()
PANEL = panel_from_json((DEMO_PANEL).read_text(encoding="utf-8"))
CASE = match_case_from_document(
    json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
)
SPINE_PT = MatchItem("Physical therapy, lumbar spine", Category.REHABILITATION, ("M54.16",))
FUSION = MatchItem("Lumbar fusion L4-5", Category.SURGERY, ("M51.16",))
THERAPY = MatchItem("Psychotherapy, 6 sessions", Category.BEHAVIORAL_HEALTH, ("F43.10",))
NOBODY = parties((PartyRole.EMPLOYEE, "Rosa Delgado"))


def run(case, panel, **kw):
    index = PanelIndex(panel.values())
    return match(case, index, index, TABLE, TODAY, **kw)


def reasons(result):
    return {e.reviewer_id: [r.code for r in e.reasons] for e in result.excluded}


def test_the_sample_case_goes_to_the_least_loaded_eligible_reviewer():
    result = run(CASE, PANEL)
    assert result.chosen == ("R-101",)
    assert not result.multi_reviewer
    assert result.coverage == ((0, "R-101"), (1, "R-101"), (2, "R-101"))
    assert [r.reviewer_id for r in result.ranked] == ["R-101", "R-103"]
    top = result.ranked[0]
    assert top.covers == (0, 1, 2) and top.score == 0.9
    assert top.expected_decision == date(2026, 11, 27)
    assert "orthopedic surgery" in top.why and "1 of 10 weekly cases open" in top.why


def test_the_explanation_lists_who_was_passed_over_and_why():
    assert reasons(run(CASE, PANEL)) == {
        "R-107": ["no_unrestricted_license"],
        "R-108": ["on_leave"],
        "R-109": ["remand_same_reviewer"],
        "R-104": ["affiliated_medical_group"],
        "R-102": ["affiliated_claims_administrator"],
    }
    # The psychiatrist fits no item; the chiropractor fits one, so is looked at.
    assert run(CASE, PANEL).not_considered == 1


def test_the_application_parties_exclude_the_reviewer_tied_to_the_state_fund():
    application = json.loads((DATA / "application.json").read_text(encoding="utf-8"))
    names = (
        (PartyRole.EMPLOYEE, application["employee"]["name"]),
        (PartyRole.EMPLOYER, application["employer"]["name"]),
        (PartyRole.CLAIMS_ADMINISTRATOR, application["claims_administrator"]["name"]),
        (PartyRole.REQUESTING_PHYSICIAN, application["requesting_physician"]["name"]),
    )
    items = tuple(
        MatchItem(t["treatment"], Category(t["category"]), (t["icd10"],))
        for t in application["treatments"]
    )
    result = run(MatchCase(parties(*names), items), PANEL)
    assert reasons(result)["R-101"] == ["affiliated_claims_administrator"]
    (reason,) = next(e for e in result.excluded if e.reviewer_id == "R-101").reasons
    assert reason.matched == ("State Compensation Insurance Fund", "State Comp Ins Fund")
    assert result.chosen == ("R-109",)


def test_a_case_no_one_reviewer_covers_gets_several_reviewers():
    panel = {
        "R-1": reviewer("R-1", "Orthopedic Surgery", open_cases=2),
        "R-2": reviewer("R-2", "Psychiatry", open_cases=1),
        "R-3": reviewer("R-3", "Clinical Psychology", open_cases=0),
        "R-4": reviewer("R-4", "Neurosurgery", open_cases=0),
    }
    result = run(MatchCase(NOBODY, (FUSION, THERAPY, SPINE_PT)), panel)
    assert result.multi_reviewer
    # Greedy set cover: R-4 (neurosurgery) fits the fusion and the therapy of the spine;
    # then the least loaded of those fitting the psychotherapy.
    assert result.chosen == ("R-4", "R-3")
    assert result.coverage == ((0, "R-4"), (1, "R-3"), (2, "R-4"))
    assert result.uncovered == ()
    assert [r.reviewer_id for r in result.ranked][:2] == ["R-4", "R-1"]


def test_an_item_no_eligible_reviewer_fits_is_reported_uncovered():
    dental = MatchItem("Dental crown", Category.OTHER, ("K02.9",))
    result = run(MatchCase(NOBODY, (FUSION, dental)), {"R-1": reviewer("R-1")})
    assert result.chosen == ("R-1",)
    assert result.multi_reviewer
    assert result.coverage == ((0, "R-1"),)
    assert result.uncovered == (1,)


def test_nobody_fits_nothing_is_chosen():
    result = run(MatchCase(NOBODY, (THERAPY,)), {"R-1": reviewer("R-1")})
    assert result.chosen == () and result.ranked == () and not result.multi_reviewer
    assert result.not_considered == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"licenses": ()}, "no_unrestricted_license"),
        ({"last_verified": date(2020, 1, 1)}, "verification_overdue"),
        ({"leave": ((TODAY, TODAY + timedelta(days=3)),)}, "on_leave"),
        ({"open_cases": 10}, "at_capacity"),
        ({"affiliations": (tie("ROSA DELGADO"),)}, "affiliated_employee"),
        (
            {"certifications": (Certification("ABOS", "Orthopedic Surgery", date(2026, 1, 1)),)},
            "no_current_board_certification",
        ),
    ],
)
def test_an_otherwise_first_choice_is_passed_over_with_the_reason(changes, code):
    panel = {"R-1": reviewer("R-1", **changes), "R-2": reviewer("R-2", open_cases=4)}
    result = run(MatchCase(NOBODY, (FUSION,)), panel)
    assert result.chosen == ("R-2",)
    assert code in reasons(result)["R-1"]


def test_a_lapsed_certification_in_the_fitting_specialty_does_not_count():
    lapsed = (
        Certification("ABPN", "Psychiatry"),
        Certification("ABOS", "Orthopedic Surgery", date(2026, 1, 1)),
    )
    panel = {"R-1": reviewer("R-1", certifications=lapsed), "R-2": reviewer("R-2", open_cases=5)}
    result = run(MatchCase(NOBODY, (FUSION,)), panel)
    assert result.chosen == ("R-2",)
    assert reasons(result)["R-1"] == ["no_current_specialty"]


def test_leave_starting_before_the_expected_decision_counts_but_later_leave_does_not():
    soon = reviewer("R-1", leave=((TODAY + timedelta(days=1), TODAY + timedelta(days=9)),))
    later = reviewer("R-1", leave=((TODAY + timedelta(days=20), TODAY + timedelta(days=25)),))
    other = reviewer("R-2", open_cases=5)
    assert run(MatchCase(NOBODY, (FUSION,)), {"R-1": soon, "R-2": other}).chosen == ("R-2",)
    assert run(MatchCase(NOBODY, (FUSION,)), {"R-1": later, "R-2": other}).chosen == ("R-1",)


def test_ranking_is_by_capacity_share_then_open_cases_then_id():
    panel = {
        "R-b": reviewer("R-b", open_cases=1, capacity_per_week=10),
        "R-a": reviewer("R-a", open_cases=1, capacity_per_week=10),
        "R-c": reviewer("R-c", open_cases=1, capacity_per_week=20),
        "R-d": reviewer("R-d", open_cases=0, capacity_per_week=3),
    }
    result = run(MatchCase(NOBODY, (FUSION,)), panel)
    assert [r.reviewer_id for r in result.ranked] == ["R-d", "R-c", "R-a", "R-b"]
    assert [r.score for r in result.ranked] == [1.0, 0.95, 0.9, 0.9]


def test_the_ranking_is_cut_at_the_limit():
    panel = {f"R-{n}": reviewer(f"R-{n}") for n in range(15)}
    assert len(run(MatchCase(NOBODY, (FUSION,)), panel).ranked) == 10
    assert len(run(MatchCase(NOBODY, (FUSION,)), panel, limit=3).ranked) == 3


@pytest.mark.parametrize(
    ("open_cases", "capacity", "expedited", "expected"),
    [
        (0, 10, False, date(2026, 11, 27)),  # Friday
        (9, 10, False, date(2026, 12, 3)),  # five working days, over the weekend
        (3, 2, False, date(2026, 12, 10)),  # ten working days
        (9, 10, True, date(2026, 11, 27)),  # expedited goes first
    ],
)
def test_the_expected_decision_follows_the_queue(open_cases, capacity, expedited, expected):
    r = reviewer(open_cases=open_cases, capacity_per_week=capacity)
    assert expected_decision(r, TODAY, expedited) == expected


def test_business_days_skip_weekends():
    assert business_days_after(date(2026, 11, 27), 1) == date(2026, 11, 30)
    assert business_days_after(date(2026, 11, 28), 0) == date(2026, 11, 28)


def _random_panel(seed: int) -> dict:
    rng = random.Random(seed)
    specialties = ["Orthopedic Surgery", "PM&R", "Psychiatry", "Neurosurgery", "Chiropractic"]
    orgs = ["Acme Insurance", "Golden State Claims", "Coastal Medical Group", "Rosa Delgado"]
    panel = {}
    for n in range(60):
        rid = f"R-{n:02d}"
        panel[rid] = reviewer(
            rid,
            rng.choice(specialties),
            open_cases=rng.randint(0, 10),
            capacity_per_week=rng.choice((5, 10, 10, 20)),
            years_in_practice=rng.choice((4, 12, 20)),
            affiliations=tuple(tie(o) for o in rng.sample(orgs, rng.randint(0, 2))),
        )
    return panel


@pytest.mark.parametrize(
    "items", [(FUSION, SPINE_PT), (FUSION, THERAPY)], ids=["one-reviewer", "several"]
)
def test_the_result_does_not_depend_on_the_panels_order(items):
    panel = _random_panel(11)
    case = MatchCase(parties((PartyRole.EMPLOYER, "Acme Insurance Co.")), items)
    first = run(case, panel)
    for seed in range(5):
        ids = list(panel)
        random.Random(seed).shuffle(ids)
        assert run(case, {rid: panel[rid] for rid in ids}) == first


@pytest.mark.parametrize(
    "items", [(FUSION, SPINE_PT), (FUSION, THERAPY)], ids=["one-reviewer", "several"]
)
def test_a_plain_panel_and_scan_give_the_same_result_as_the_index(items):
    panel = _random_panel(5)
    case = MatchCase(parties((PartyRole.EMPLOYER, "Acme Insurance Co.")), items)
    plain = match(case, panel, ScanMatcher(panel, rapidfuzz_similarity), TABLE, TODAY)
    assert plain == run(case, panel)
    index = PanelIndex(panel.values())
    assert match(case, panel, index, TABLE, TODAY) == plain  # index as matcher only


def test_a_reviewer_set_aside_by_the_caller_is_never_chosen():
    panel = {"R-1": reviewer("R-1"), "R-2": reviewer("R-2", open_cases=3)}
    index = PanelIndex(panel.values())
    rest = {"R-2": panel["R-2"]}
    assert match(MatchCase(NOBODY, (FUSION,)), rest, index, TABLE, TODAY).chosen == ("R-2",)
    fresher = index.refreshed(rest)
    assert match(MatchCase(NOBODY, (FUSION,)), fresher, fresher, TABLE, TODAY).chosen == ("R-2",)


def test_fresh_loads_through_refreshed_change_the_choice():
    panel = {"R-1": reviewer("R-1", open_cases=5), "R-2": reviewer("R-2", open_cases=3)}
    index = PanelIndex(panel.values())
    case = MatchCase(NOBODY, (FUSION,))
    assert match(case, index, index, TABLE, TODAY).chosen == ("R-2",)
    fresher = index.refreshed({**panel, "R-1": replace(panel["R-1"], open_cases=0)})
    assert match(case, fresher, fresher, TABLE, TODAY).chosen == ("R-1",)
