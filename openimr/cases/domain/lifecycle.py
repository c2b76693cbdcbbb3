"""The states of a case and the one table of allowed transitions.

An IMR case moves from receipt through screening (8 CCR 9792.10.3) and assignment with the
Notice of Assignment and Request for Information (8 CCR 9792.10.4), to complete records
(8 CCR 9792.10.5), review, quality assurance and the issued determination (LC 4610.6).
It can be withdrawn by the applicant, or terminated when the claims administrator
authorizes the disputed treatment (8 CCR 9792.10.6(a)), from any open state.
"""

from enum import StrEnum

from openimr.core.errors import Conflict, OpenIMRError
from openimr.core.words import article


class State(StrEnum):
    RECEIVED = "received"
    SCREENING = "screening"
    INELIGIBLE = "ineligible"
    DEFERRED = "deferred"
    ELIGIBLE = "eligible"
    ASSIGNED = "assigned"
    RECORDS_COMPLETE = "records_complete"
    IN_REVIEW = "in_review"
    QA = "qa"
    ISSUED = "issued"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        if self is State.QA:
            return "QA"  # an abbreviation, which capitalize() made "Qa"
        return self.value.replace("_", " ").capitalize()


CLOSED = frozenset({State.INELIGIBLE, State.ISSUED, State.WITHDRAWN, State.TERMINATED})
OPEN = frozenset(State) - CLOSED

# Forward moves of the process. A deferred case re-enters screening once liability is
# settled (8 CCR 9792.10.3(b)); QA may return a case to review; staff may re-screen an
# ineligible case when overriding the outcome with a written reason.
_FORWARD: dict[State, frozenset[State]] = {
    State.RECEIVED: frozenset({State.SCREENING}),
    State.SCREENING: frozenset({State.INELIGIBLE, State.DEFERRED, State.ELIGIBLE}),
    State.DEFERRED: frozenset({State.SCREENING}),
    State.INELIGIBLE: frozenset({State.SCREENING}),
    State.ELIGIBLE: frozenset({State.ASSIGNED}),
    State.ASSIGNED: frozenset({State.RECORDS_COMPLETE}),
    State.RECORDS_COMPLETE: frozenset({State.IN_REVIEW}),
    State.IN_REVIEW: frozenset({State.QA}),
    State.QA: frozenset({State.IN_REVIEW, State.ISSUED}),
    State.ISSUED: frozenset(),
    State.WITHDRAWN: frozenset(),
    State.TERMINATED: frozenset(),
}

TRANSITIONS: dict[State, frozenset[State]] = {
    state: targets | ({State.WITHDRAWN, State.TERMINATED} if state in OPEN else frozenset())
    for state, targets in _FORWARD.items()
}


class IllegalTransition(OpenIMRError):
    code = "illegal_transition"


def check_transition(current: State, target: State) -> None:
    """Raise IllegalTransition unless the table allows ``current`` → ``target``, naming the
    states in words, as the pages label them ("records complete", not "records_complete")."""
    if target not in TRANSITIONS[current]:
        allowed = [state_word(state) for state in sorted(TRANSITIONS[current])]
        if not allowed:
            then = "it is closed"
        elif len(allowed) == 1:
            then = f"it can only become {allowed[0]}"
        else:
            then = f"it can become {', '.join(allowed[:-1])} or {allowed[-1]}"
        raise IllegalTransition(
            f"{state_words(current)} case cannot become {state_word(target)}; {then}"
        )


def state_word(state: State) -> str:
    """The state as a sentence names it: "records complete", "QA" (not "qa")."""
    return state.label if state is State.QA else state.label.lower()


def state_words(state: State) -> str:
    """The state as a sentence names a case in it, with the article it is read with: "an
    eligible", "an in review", "a QA"."""
    words = state_word(state)
    return f"{article(words)} {words}"


# A screening open to question: held in screening, or found ineligible or deferred. Staff may
# ask a party for what eligibility needs (8 CCR 9792.10.3(c)) or record the outcome with a
# written reason; an eligible case's clocks already run, so it is withdrawn instead.
SCREENING_OPEN = frozenset({State.SCREENING, State.INELIGIBLE, State.DEFERRED})


# A reviewer is assigned to a case found eligible and not yet decided (8 CCR 9792.10.4(a));
# an imported case arrives in review or QA and may need one.
ASSIGNABLE = frozenset(
    {State.ELIGIBLE, State.ASSIGNED, State.RECORDS_COMPLETE, State.IN_REVIEW, State.QA}
)


def check_reviewer_assignable(state: State) -> None:
    """Raise Conflict, naming the state, unless a reviewer may be assigned to a case in it:
    an ineligible, deferred or closed case is not reviewed (8 CCR 9792.10.3, 9792.10.4(a))."""
    if state not in ASSIGNABLE:
        raise Conflict(
            f"{state_words(state)} case cannot be given a reviewer; "
            "only a case found eligible and not yet decided can"
        )


# A review turns expedited when the treating physician certifies an imminent and serious
# threat to health (8 CCR 9792.10.4(c)): only a case whose review is still to come or under
# way. A deferred case waits on the liability dispute (8 CCR 9792.10.3(a)(3), (d)), so no
# review clock runs to shorten: it is converted once it is screened again.
CONVERTIBLE = OPEN - {State.DEFERRED}


def check_convertible(state: State, *, expedited: bool) -> None:
    """Raise Conflict, naming the state, unless a case in it may be converted to expedited
    review (8 CCR 9792.10.4(c)): open, not deferred, and not expedited already."""
    if state not in CONVERTIBLE:
        why = (
            "its review waits until the liability dispute is settled (8 CCR 9792.10.3(d)); "
            "screen it again first"
            if state is State.DEFERRED
            else "only a case still to be reviewed or in review can (8 CCR 9792.10.4(c))"
        )
        raise Conflict(f"{state_words(state)} case cannot be converted to expedited review: {why}")
    if expedited:
        raise Conflict("the case is already expedited")


def actions_offered(state: State, *, expedited: bool) -> frozenset[str]:
    """The staff actions of a case's timeline that its state allows: the next forward step,
    conversion to expedited review, and closing (withdrawn by the applicant, or terminated
    when the claims administrator authorized the treatment, 8 CCR 9792.10.6(a)) while open.
    The page offers only these; the services refuse the others all the same."""
    offered = {step for step, (source, _) in STEPS.items() if state is source}
    if state in CONVERTIBLE and not expedited:
        offered.add("convert")
    if State.WITHDRAWN in TRANSITIONS[state]:
        offered.add("withdraw")
    if State.TERMINATED in TRANSITIONS[state]:
        offered.add("terminate")
    return frozenset(offered)


# The forward steps staff take from the timeline: (from, to).
STEPS: dict[str, tuple[State, State]] = {
    "assign": (State.ELIGIBLE, State.ASSIGNED),
    "records_complete": (State.ASSIGNED, State.RECORDS_COMPLETE),
    "begin_review": (State.RECORDS_COMPLETE, State.IN_REVIEW),
}
