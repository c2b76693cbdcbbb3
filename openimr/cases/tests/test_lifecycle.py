"""The transition table: every allowed move works, every other move raises."""

import itertools

import pytest

from openimr.cases.domain.lifecycle import (
    CLOSED,
    OPEN,
    TRANSITIONS,
    IllegalTransition,
    State,
    check_transition,
)

HAPPY_PATH = [
    State.RECEIVED,
    State.SCREENING,
    State.ELIGIBLE,
    State.ASSIGNED,
    State.RECORDS_COMPLETE,
    State.IN_REVIEW,
    State.QA,
    State.ISSUED,
]


def test_the_whole_happy_path_is_allowed():
    for current, target in itertools.pairwise(HAPPY_PATH):
        check_transition(current, target)


@pytest.mark.parametrize("state", sorted(OPEN))
def test_any_open_case_can_be_withdrawn_or_terminated(state):
    check_transition(state, State.WITHDRAWN)
    check_transition(state, State.TERMINATED)


@pytest.mark.parametrize(
    ("current", "target"), [(c, t) for c in State for t in State if t not in TRANSITIONS[c]]
)
def test_every_move_not_in_the_table_raises(current, target):
    with pytest.raises(IllegalTransition):
        check_transition(current, target)


@pytest.mark.parametrize("state", sorted(CLOSED - {State.INELIGIBLE}))
def test_a_closed_case_goes_nowhere(state):
    assert TRANSITIONS[state] == frozenset()


def test_the_error_says_what_is_allowed():
    with pytest.raises(
        IllegalTransition,
        match=r"^a received case cannot become issued; it can become screening, terminated or "
        r"withdrawn$",
    ):
        check_transition(State.RECEIVED, State.ISSUED)


def test_the_error_names_the_one_state_allowed_alone():
    with pytest.raises(IllegalTransition, match=r"; it can only become screening$"):
        check_transition(State.INELIGIBLE, State.ISSUED)


def test_the_error_names_the_states_in_words_not_codes():
    # It had said "cannot become records_complete; allowed: assigned, terminated, withdrawn".
    with pytest.raises(IllegalTransition) as refused:
        check_transition(State.ELIGIBLE, State.RECORDS_COMPLETE)
    assert str(refused.value) == (
        "an eligible case cannot become records complete; "
        "it can become assigned, terminated or withdrawn"
    )
    with pytest.raises(
        IllegalTransition, match=r"^a terminated case cannot become QA; it is closed$"
    ):
        check_transition(State.TERMINATED, State.QA)


def test_qa_can_return_a_case_to_review():
    check_transition(State.QA, State.IN_REVIEW)


def test_each_state_reads_as_words_and_qa_as_its_abbreviation():
    # The queue and the badges had shown "Qa".
    assert [State.IN_REVIEW.label, State.QA.label, State.RECORDS_COMPLETE.label] == [
        "In review",
        "QA",
        "Records complete",
    ]


def test_the_refusal_reads_an_before_a_state_starting_with_a_vowel():
    with pytest.raises(IllegalTransition, match=r"^an ineligible case cannot become assigned"):
        check_transition(State.INELIGIBLE, State.ASSIGNED)
