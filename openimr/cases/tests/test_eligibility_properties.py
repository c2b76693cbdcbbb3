"""Properties of eligibility screening that hold for every application of valid shape,
checked on generated inputs (hypothesis): screening never raises, every refusal carries
its reasons (each with a text for the worker and a legal source), the outcome follows from
the reasons alone, and each rule fires exactly when its condition holds."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from openimr.cases.domain.application import (
    Application,
    RequestedTreatment,
    ReviewType,
    ServiceMethod,
    SignerRole,
)
from openimr.cases.domain.eligibility import (
    DEFERRAL_CODES,
    Outcome,
    PriorReview,
    ReceivedApplication,
    ScreeningContext,
    last_day_to_file,
    normalise_claim,
    normalise_text,
    screen,
)
from openimr.core.case import Category, UROutcome
from openimr.programs.loader import load_program

PROGRAM = load_program()
# No per-example time limit: on a loaded CI machine a slow first example is not a bug.
UNTIMED = settings(deadline=None)
CODES = {
    "unsigned",
    "late",
    "no_ur_decision",
    "conditional_non_certification",
    "already_decided",
    "duplicate",
    "liability_disputed",
}
DAYS = st.dates(min_value=date(2013, 1, 1), max_value=date(2035, 10, 31))
# Few distinct names, so that prior reviews and earlier applications often match.
CLAIMS = st.sampled_from(["ADJ-1001", "adj 1001", "ADJ-2002", "XYZ9"])
TREATMENTS = st.sampled_from(
    ["MRI, lumbar spine", "mri lumbar-spine", "Physical therapy", "Ibuprofen"]
)
TEXT = st.text(max_size=40)
treatments = st.builds(
    RequestedTreatment,
    treatment=TREATMENTS | TEXT,
    diagnosis=TEXT,
    icd10=st.none() | TEXT,
    category=st.sampled_from(Category),
    ur_outcome=st.sampled_from(UROutcome),
)


@st.composite
def applications(draw):
    ur_date = draw(DAYS)
    return Application(
        claim_number=draw(CLAIMS | TEXT),
        employee_name=draw(TEXT),
        date_of_injury=draw(st.dates(max_value=ur_date)),
        ur_decision_date=ur_date,
        ur_service_method=draw(st.sampled_from(ServiceMethod)),
        received_on=ur_date + timedelta(days=draw(st.integers(min_value=0, max_value=60))),
        treatments=tuple(draw(st.lists(treatments, min_size=1, max_size=4))),
        review_type=draw(st.sampled_from(ReviewType)),
        requesting_physician_name=draw(st.none() | TEXT),
        ur_decision_attached=draw(st.booleans()),
        conditional_non_certification=draw(st.booleans()),
        disputed_other_than_medical_necessity=draw(st.booleans()),
        claims_administrator_agrees_to_proceed=draw(st.none() | st.booleans()),
        signed_by=draw(st.none() | TEXT),
        signer_role=draw(st.none() | st.sampled_from(SignerRole)),
    )


contexts = st.builds(
    ScreeningContext,
    prior_reviews=st.lists(
        st.builds(PriorReview, claim_number=CLAIMS, treatment=TREATMENTS, decided_on=DAYS),
        max_size=3,
    ).map(tuple),
    received=st.lists(
        st.builds(
            ReceivedApplication,
            reference=st.text(min_size=1, max_size=8),
            claim_number=CLAIMS,
            ur_decision_date=DAYS,
            treatments=st.lists(TREATMENTS, min_size=1, max_size=2).map(tuple),
            received_on=DAYS,
        ),
        max_size=3,
    ).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(application=applications(), context=contexts)
def test_screening_never_raises_and_every_refusal_has_its_reasons(application, context):
    result = screen(application, context, PROGRAM)
    codes = {reason.code for reason in result.reasons}
    assert codes <= CODES
    assert all(reason.text.strip() and reason.source.strip() for reason in result.reasons)
    if result.outcome == Outcome.ELIGIBLE:
        assert result.reasons == ()
    elif result.outcome == Outcome.DEFERRED:
        assert codes and codes <= DEFERRAL_CODES
    else:
        assert codes - DEFERRAL_CODES


@UNTIMED
@given(application=applications(), context=contexts)
def test_each_rule_fires_exactly_when_its_condition_holds(application, context):
    codes = {r.code for r in screen(application, context, PROGRAM).reasons}
    signed = bool((application.signed_by or "").strip()) and application.signer_role is not None
    assert ("unsigned" in codes) == (not signed)
    assert ("late" in codes) == (application.received_on > last_day_to_file(application, PROGRAM))
    assert ("no_ur_decision" in codes) == (not application.ur_decision_attached)
    assert ("conditional_non_certification" in codes) == application.conditional_non_certification
    disputed = application.disputed_other_than_medical_necessity
    agreed = application.claims_administrator_agrees_to_proceed is True
    assert ("liability_disputed" in codes) == (disputed and not agreed)


@UNTIMED
@given(application=applications(), context=contexts)
def test_one_already_decided_reason_per_treatment_decided_on_the_same_claim(application, context):
    claim = normalise_claim(application.claim_number)
    decided = {
        normalise_text(p.treatment)
        for p in context.prior_reviews
        if normalise_claim(p.claim_number) == claim
    }
    expected = sum(normalise_text(t.treatment) in decided for t in application.treatments)
    reasons = screen(application, context, PROGRAM).reasons
    assert sum(r.code == "already_decided" for r in reasons) == expected


@UNTIMED
@given(application=applications(), later=st.integers(min_value=0, max_value=30))
def test_arriving_later_never_makes_a_late_application_timely(application, later):
    from dataclasses import replace

    def is_late(app):
        return any(r.code == "late" for r in screen(app, ScreeningContext(), PROGRAM).reasons)

    delayed = replace(application, received_on=application.received_on + timedelta(days=later))
    assert is_late(delayed) >= is_late(application)
    assert last_day_to_file(application, PROGRAM) >= application.ur_decision_date + timedelta(
        days=30
    )


@UNTIMED
@given(application=applications(), context=contexts)
def test_the_order_of_what_is_on_file_does_not_change_the_outcome(application, context):
    reversed_context = ScreeningContext(context.prior_reviews[::-1], context.received[::-1])
    first, second = (
        screen(application, context, PROGRAM),
        screen(application, reversed_context, PROGRAM),
    )
    assert first.outcome == second.outcome
    assert sorted(r.code for r in first.reasons) == sorted(r.code for r in second.reasons)
