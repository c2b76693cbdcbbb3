"""Where a case stands, as a party to it reads it: the stage in plain words, what happens
next and under which rule. Pure: the state in, sentences out. It names no party, no
reviewer (LC 4610.6(f)) and nothing of the records, so every party may read the same."""

from dataclasses import dataclass

from openimr.cases.domain.lifecycle import State


@dataclass(frozen=True)
class Stage:
    words: str  # where the case stands
    next: str  # what happens next
    source: str  # the rule that says so


STAGES = {
    State.RECEIVED: Stage(
        "The application has been received.",
        "It will be checked for eligibility for Independent Medical Review.",
        "8 CCR 9792.10.3",
    ),
    State.SCREENING: Stage(
        "The application is being checked for eligibility.",
        "If information is needed to decide, the party asked receives a written request and "
        "has 5 business days to answer; then every party is told whether the application "
        "is eligible.",
        "8 CCR 9792.10.3(c)",
    ),
    State.DEFERRED: Stage(
        "The review is on hold: the claims administrator disputes liability on a ground "
        "other than medical necessity.",
        "The review starts once that dispute is resolved, or sooner if the claims "
        "administrator agrees in writing to go ahead.",
        "8 CCR 9792.10.3(a)(3), (d)",
    ),
    State.INELIGIBLE: Stage(
        "The application was found not eligible for Independent Medical Review.",
        "The notice of ineligibility sent to every party says why and what can be done.",
        "8 CCR 9792.10.3",
    ),
    State.ELIGIBLE: Stage(
        "The application is eligible and is being assigned to the IMR organization.",
        "Every party will receive a Notice of Assignment and Request for Information within "
        "one business day of eligibility.",
        "8 CCR 9792.10.4(b)",
    ),
    State.ASSIGNED: Stage(
        "The case is assigned; the IMR organization is waiting for the records.",
        "The claims administrator must send the medical records by the date the Notice of "
        "Assignment gives; the employee and the requesting physician may send records too.",
        "8 CCR 9792.10.5(a)(1)",
    ),
    State.RECORDS_COMPLETE: Stage(
        "The records have arrived.",
        "A qualified expert reviewer with no conflict of interest will examine them and "
        "decide each disputed treatment.",
        "LC 139.5; 8 CCR 9792.10.6",
    ),
    State.IN_REVIEW: Stage(
        "An expert reviewer is examining the records.",
        "The reviewer decides, for each disputed treatment, whether it is medically "
        "necessary; the determination is due by the date shown.",
        "LC 4610.6(d)",
    ),
    State.QA: Stage(
        "The determination has been made and is being checked before it is sent.",
        "Every party will receive the Final Determination Letter.",
        "LC 4610.6(d), (f)",
    ),
    State.ISSUED: Stage(
        "The Final Determination Letter has been issued; it binds every party.",
        "A treatment found medically necessary must be authorized within 5 working days. A "
        "party may appeal to the Workers' Compensation Appeals Board within 30 days of "
        "service (35 when mailed), on the grounds the letter lists.",
        "LC 4610.6(g), (h); 8 CCR 9792.10.7(a)",
    ),
    State.WITHDRAWN: Stage(
        "The application was withdrawn.",
        "There will be no review.",
        "8 CCR 9792.10.6(a)",
    ),
    State.TERMINATED: Stage(
        "The review ended: the claims administrator authorized the disputed treatment.",
        "There will be no determination; if the treatment has not been provided, contact the "
        "claims administrator.",
        "8 CCR 9792.10.6(a)",
    ),
}


def stage_of(state: State) -> Stage:
    """The stage a party is told for a case in ``state`` (every state has one: a test
    walks them)."""
    return STAGES[state]
