from datetime import date, timedelta

import pytest

from openimr.reviewers.domain.credentials import (
    availability_problems,
    available,
    credential_problems,
    credentials_in_force,
    expiring_credentials,
    is_verified,
)
from openimr.reviewers.domain.panel import Certification, License
from openimr.reviewers.tests.builders import TODAY, reviewer

YESTERDAY, TOMORROW = TODAY - timedelta(days=1), TODAY + timedelta(days=1)


def codes(r, today=TODAY):
    return [p.code for p in credential_problems(r, today)]


def test_a_qualified_reviewer_has_no_problems():
    assert credential_problems(reviewer(), TODAY) == []
    assert is_verified(reviewer(), TODAY)


@pytest.mark.parametrize(
    ("licenses", "problem"),
    [
        ((License("CA", "A1", expires=TODAY),), None),
        ((License("CA", "A1", expires=YESTERDAY),), "CA license A1 expired on 11/25/2026"),
        ((License("CA", "A1", restricted=True),), "CA license A1 is restricted"),
        ((License("CA", "A1", issued=TOMORROW),), "CA license A1 is not in force until 11/27/2026"),
        ((), "no license is on file"),
        # Any one state will do (the seed's reviewer is licensed in Nevada only).
        ((License("CA", "A1", restricted=True), License("NV", "9")), None),
    ],
    ids=["expires-today", "expired-yesterday", "restricted", "not-yet-issued", "none", "one-good"],
)
def test_an_unrestricted_license_in_force_in_any_state_is_required(licenses, problem):
    found = credential_problems(reviewer(licenses=licenses), TODAY)
    if problem is None:
        assert found == []
    else:
        assert [p.code for p in found] == ["no_unrestricted_license"]
        assert problem in found[0].text
        assert found[0].source == "LC 139.5(c)"


@pytest.mark.parametrize(("expires", "ok"), [(None, True), (TODAY, True), (YESTERDAY, False)])
def test_a_board_certification_in_force_is_required(expires, ok):
    r = reviewer(certifications=(Certification("ABOS", "Orthopedic Surgery", expires),))
    assert (codes(r) == []) is ok
    if not ok:
        assert codes(r) == ["no_current_board_certification"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"certifications": ()}, "no_current_board_certification"),
        ({"open_sanctions": 1}, "open_discipline"),
        ({"closed_sanctions": 1}, "disciplinary_history"),
        ({"last_verified": None}, "verification_overdue"),
        ({"last_verified": date(2023, 11, 25)}, "verification_overdue"),
        ({"years_in_practice": 5}, "too_few_years_in_practice"),
        ({"weekly_hours": 23.5}, "too_few_weekly_hours"),
    ],
)
def test_each_missing_qualification_is_a_reason_with_its_source(changes, code):
    found = credential_problems(reviewer(**changes), TODAY)
    assert [p.code for p in found] == [code]
    assert "LC 139.5" in found[0].source


@pytest.mark.parametrize(
    ("changes", "ok"),
    [
        ({"last_verified": date(2023, 11, 26)}, True),  # exactly three years ago
        ({"years_in_practice": 6}, True),
        ({"weekly_hours": 24}, True),
    ],
)
def test_the_limits_themselves_pass(changes, ok):
    assert is_verified(reviewer(**changes), TODAY) is ok


def test_stale_verification_names_the_credentialing_policy():
    (reason,) = credential_problems(reviewer(last_verified=date(2022, 1, 5)), TODAY)
    assert "credentialing policy" in reason.source
    assert "8 CCR 9792.10.6" in reason.source
    assert "2022-01-05" in reason.text


def test_three_years_before_29_february_is_28_february():
    leap = date(2028, 2, 29)
    assert is_verified(reviewer(last_verified=date(2025, 2, 28)), leap)
    assert not is_verified(reviewer(last_verified=date(2025, 2, 27)), leap)


def test_every_problem_is_reported_at_once():
    r = reviewer(licenses=(), certifications=(), years_in_practice=2, weekly_hours=10)
    assert codes(r) == [
        "no_unrestricted_license",
        "no_current_board_certification",
        "too_few_years_in_practice",
        "too_few_weekly_hours",
    ]


def test_expiring_credentials_lists_those_lapsing_within_the_window_soonest_first():
    r = reviewer(
        licenses=(
            License("CA", "A1", expires=TODAY + timedelta(days=30)),
            License("NV", "9", expires=TODAY + timedelta(days=61)),
            License("OR", "7", expires=YESTERDAY),
        ),
        certifications=(Certification("ABOS", "Orthopedic Surgery", TODAY + timedelta(days=10)),),
    )
    assert expiring_credentials(r, TODAY) == [
        ("ABOS Orthopedic Surgery", TODAY + timedelta(days=10)),
        ("license CA A1", TODAY + timedelta(days=30)),
    ]
    assert len(expiring_credentials(r, TODAY, within_days=61)) == 3


@pytest.mark.parametrize(
    ("changes", "on", "ok"),
    [
        ({}, TODAY, True),
        ({"leave": ((TODAY, TODAY),)}, TODAY, False),
        ({"leave": ((YESTERDAY, YESTERDAY),)}, TODAY, True),
        ({"leave": ((TOMORROW, TOMORROW + timedelta(days=5)),)}, TODAY, True),
        ({"open_cases": 9, "capacity_per_week": 10}, TODAY, True),
        ({"open_cases": 10, "capacity_per_week": 10}, TODAY, False),
        ({"capacity_per_week": 0}, TODAY, False),
    ],
    ids=["free", "on-leave", "leave-ended", "leave-ahead", "below-capacity", "full", "no-capacity"],
)
def test_available_means_not_on_leave_and_below_capacity(changes, on, ok):
    assert available(reviewer(**changes), on) is ok


def test_leave_that_starts_before_the_expected_decision_makes_the_reviewer_unavailable():
    r = reviewer(leave=((TOMORROW, TOMORROW + timedelta(days=5)),))
    assert availability_problems(r, TODAY) == []
    (reason,) = availability_problems(r, TODAY, until=TOMORROW)
    assert reason.code == "on_leave"
    assert reason.source == "LC 4610.6(d)"


def test_capacity_reason_says_how_full():
    (reason,) = availability_problems(reviewer(open_cases=12, capacity_per_week=10), TODAY)
    assert reason.code == "at_capacity"
    assert "12 open case(s) for a capacity of 10" in reason.text


@pytest.mark.parametrize(
    ("certifications", "licenses", "said"),
    [
        (
            (Certification("ABOS", "Orthopedic Surgery", TODAY),),
            (License("NV", "1"),),
            (("Orthopedic Surgery",), ("NV",)),
        ),
        ((Certification("ABS", "Hand Surgery", YESTERDAY),), (), ((), ())),
        ((), (License("AZ", "2", expires=YESTERDAY),), ((), ())),
        ((), (License("OR", "3", issued=TOMORROW),), ((), ())),
        ((), (License("WA", "4", restricted=True),), ((), ())),
        ((), (License("NV", "5"), License("CA", "6"), License("NV", "7")), ((), ("CA", "NV"))),
    ],
    ids=["in-force", "lapsed-board", "expired-license", "license-not-yet", "restricted", "sorted"],
)
def test_the_letter_may_state_only_the_credentials_in_force_that_day(
    certifications, licenses, said
):
    r = reviewer(certifications=certifications, licenses=licenses)
    assert credentials_in_force(r, TODAY) == said
