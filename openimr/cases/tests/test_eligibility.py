"""Eligibility screening, on the domain alone (no database)."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from openimr.cases.domain.application import (
    Application,
    RequestedTreatment,
    ServiceMethod,
    SignerRole,
)
from openimr.cases.domain.consolidation import consolidation_groups
from openimr.cases.domain.eligibility import (
    RULES,
    EligibilityResult,
    Outcome,
    PriorReview,
    Reason,
    ReceivedApplication,
    ScreeningContext,
    normalise_text,
    screen,
    spoken_date,
)
from openimr.programs.loader import load_program

PROGRAM = load_program()
D = date.fromisoformat
NONE = ScreeningContext()

# Served electronically on May 1, 2024: the last day to file is Friday, May 31.
GOOD = Application(
    claim_number="ADJ-1234567",
    employee_name="Maria López",
    date_of_injury=D("2023-02-10"),
    ur_decision_date=D("2024-05-01"),
    ur_service_method=ServiceMethod.ELECTRONIC,
    received_on=D("2024-05-20"),
    treatments=(
        RequestedTreatment("MRI lumbar spine", "Low back pain"),
        RequestedTreatment("Physical therapy x 12", "Low back pain"),
    ),
    requesting_physician_name="Dr. Ana Ruiz",
    ur_decision_attached=True,
    signed_by="Maria López",
    signer_role=SignerRole.EMPLOYEE,
)
PRIOR = PriorReview("ADJ 1234567", "  mri, LUMBAR-spine ", D("2023-11-02"))
# Same claim (written differently), same UR decision, one treatment in common.
EARLIER = ReceivedApplication(
    "CM24-0000007",
    "adj1234567",
    D("2024-05-01"),
    ("PHYSICAL therapy, x 12", "Acupuncture"),
    D("2024-05-10"),
)


def _codes(application: Application, context: ScreeningContext = NONE) -> list[str]:
    return [r.code for r in screen(application, context, PROGRAM).reasons]


def test_a_complete_timely_application_is_eligible_with_no_reasons():
    assert screen(GOOD, NONE, PROGRAM) == EligibilityResult(Outcome.ELIGIBLE, (), D("2024-05-31"))


@pytest.mark.parametrize(
    ("changes", "context", "code"),
    [
        ({"signed_by": None}, NONE, "unsigned"),
        ({"signed_by": "   "}, NONE, "unsigned"),
        ({"signer_role": None}, NONE, "unsigned"),
        ({"received_on": D("2024-06-01")}, NONE, "late"),
        ({"ur_decision_attached": False}, NONE, "no_ur_decision"),
        ({"conditional_non_certification": True}, NONE, "conditional_non_certification"),
        ({}, ScreeningContext(prior_reviews=(PRIOR,)), "already_decided"),
        ({}, ScreeningContext(received=(EARLIER,)), "duplicate"),
        ({"disputed_other_than_medical_necessity": True}, NONE, "liability_disputed"),
        (
            {
                "disputed_other_than_medical_necessity": True,
                "claims_administrator_agrees_to_proceed": False,
            },
            NONE,
            "liability_disputed",
        ),
    ],
)
def test_each_rule_fires_alone(changes, context, code):
    assert _codes(replace(GOOD, **changes), context) == [code]


@pytest.mark.parametrize(
    ("changes", "context", "why"),
    [
        (
            {"signer_role": SignerRole.ATTORNEY, "signed_by": "J. Doe, Esq."},
            NONE,
            "an attorney signs",
        ),
        ({"signer_role": SignerRole.PHYSICIAN, "signed_by": "Dr. Ruiz"}, NONE, "a physician signs"),
        ({"received_on": D("2024-05-31")}, NONE, "received on the last day"),
        (
            {"received_on": D("2024-06-05"), "ur_service_method": ServiceMethod.MAIL},
            NONE,
            "mail adds 5 days",
        ),
        (
            {"ur_decision_date": D("2024-05-02"), "received_on": D("2024-06-03")},
            NONE,
            "a Saturday last day rolls to Monday",
        ),
        (
            {"ur_decision_date": D("2024-10-30"), "received_on": D("2024-12-02")},
            NONE,
            "the day after Thanksgiving rolls to Monday",
        ),
        (
            {},
            ScreeningContext(prior_reviews=(replace(PRIOR, claim_number="ADJ-7654321"),)),
            "another claim",
        ),
        (
            {},
            ScreeningContext(prior_reviews=(replace(PRIOR, treatment="MRI cervical spine"),)),
            "another treatment",
        ),
        (
            {},
            ScreeningContext(received=(replace(EARLIER, ur_decision_date=D("2024-04-01")),)),
            "another UR decision",
        ),
        (
            {},
            ScreeningContext(received=(replace(EARLIER, treatments=("Acupuncture",)),)),
            "no treatment in common",
        ),
        (
            {},
            ScreeningContext(received=(replace(EARLIER, claim_number="ADJ-999"),)),
            "another claim",
        ),
        (
            {
                "disputed_other_than_medical_necessity": True,
                "claims_administrator_agrees_to_proceed": True,
            },
            NONE,
            "the claims administrator agrees to proceed",
        ),
    ],
)
def test_no_rule_fires_when_its_condition_is_absent(changes, context, why):
    assert _codes(replace(GOOD, **changes), context) == [], why


@pytest.mark.parametrize(
    ("received_on", "method", "late"),
    [
        ("2024-05-31", ServiceMethod.ELECTRONIC, False),
        ("2024-06-01", ServiceMethod.ELECTRONIC, True),
        ("2024-06-05", ServiceMethod.MAIL, False),
        ("2024-06-06", ServiceMethod.MAIL, True),
    ],
)
def test_the_last_day_is_on_time_and_the_next_is_late(received_on, method, late):
    application = replace(GOOD, received_on=D(received_on), ur_service_method=method)
    assert ("late" in _codes(application)) is late


def test_the_late_reason_tells_the_worker_the_last_day_and_the_rule():
    (reason,) = screen(replace(GOOD, received_on=D("2024-06-04")), NONE, PROGRAM).reasons
    assert reason.text == (
        "Your application arrived after the last day to apply (May 31, 2024). The law gives "
        "30 days from when the utilization review decision was served, plus 5 days when it "
        "came by mail."
    )
    assert reason.source == "LC 4610.5(h)(1); 8 CCR 9792.10.1(b)(1); 8 CCR 9792.10.3(a)(1)"


def test_an_ineligible_application_lists_every_reason_in_rule_order():
    bad = replace(
        GOOD,
        signed_by=None,
        received_on=D("2024-07-01"),
        ur_decision_attached=False,
        conditional_non_certification=True,
        disputed_other_than_medical_necessity=True,
    )
    context = ScreeningContext(prior_reviews=(PRIOR,), received=(EARLIER,))
    result = screen(bad, context, PROGRAM)
    assert result.outcome is Outcome.INELIGIBLE
    assert [r.code for r in result.reasons] == [
        "unsigned",
        "late",
        "no_ur_decision",
        "conditional_non_certification",
        "already_decided",
        "duplicate",
        "liability_disputed",
    ]


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({"disputed_other_than_medical_necessity": True}, Outcome.DEFERRED),
        (
            {
                "disputed_other_than_medical_necessity": True,
                "claims_administrator_agrees_to_proceed": True,
            },
            Outcome.ELIGIBLE,
        ),
        (
            {"disputed_other_than_medical_necessity": True, "ur_decision_attached": False},
            Outcome.INELIGIBLE,
        ),
    ],
)
def test_a_liability_dispute_defers_unless_the_administrator_agrees(changes, outcome):
    assert screen(replace(GOOD, **changes), NONE, PROGRAM).outcome is outcome


def test_a_prior_review_matches_whatever_the_case_spacing_or_punctuation():
    (reason,) = screen(GOOD, ScreeningContext(prior_reviews=(PRIOR,)), PROGRAM).reasons
    assert reason.code == "already_decided"
    assert "MRI lumbar spine" in reason.text
    assert "November 2, 2023" in reason.text


def test_a_duplicate_names_the_application_already_received():
    (reason,) = screen(GOOD, ScreeningContext(received=(EARLIER,)), PROGRAM).reasons
    assert "CM24-0000007" in reason.text
    assert reason.source == "8 CCR 9792.10.3(a)(2)"


def test_an_application_on_file_received_after_this_one_still_makes_it_a_duplicate():
    # A backlog copy received earlier but filed later: the one on file is being reviewed.
    on_file = replace(EARLIER, received_on=GOOD.received_on + timedelta(days=5))
    (reason,) = screen(GOOD, ScreeningContext(received=(on_file,)), PROGRAM).reasons
    assert reason.code == "duplicate"


def test_every_reason_names_its_source():
    context = ScreeningContext(prior_reviews=(PRIOR,), received=(EARLIER,))
    bad = replace(
        GOOD,
        signed_by=None,
        received_on=D("2024-07-01"),
        ur_decision_attached=False,
        conditional_non_certification=True,
        disputed_other_than_medical_necessity=True,
    )
    for reason in screen(bad, context, PROGRAM).reasons:
        assert isinstance(reason, Reason)
        assert reason.text.endswith(".")
        assert reason.source.startswith(("LC ", "8 CCR "))
    assert all(rule.__doc__ for rule in RULES)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("MRI, Lumbar-Spine ", "mri lumbar spine"),
        ("  Physical   therapy x12", "physical therapy x12"),
        ("Tramadol ER 150mg", "tramadol er 150mg"),
    ],
)
def test_treatments_compare_without_case_spacing_or_punctuation(text, normal):
    assert normalise_text(text) == normal


def test_dates_are_spoken_in_words():
    assert spoken_date(D("2024-03-03")) == "March 3, 2024"


# --- consolidation --------------------------------------------------------------------


def _app(**changes) -> Application:
    return replace(GOOD, **changes)


def test_applications_of_one_employee_physician_and_injury_are_grouped():
    applications = [
        ("CM-5", _app(ur_decision_date=D("2024-05-08"))),
        ("CM-1", _app()),
        (
            "CM-3",
            _app(
                employee_name="MARIA  LÓPEZ",
                claim_number="adj 1234567",
                requesting_physician_name="dr ana ruiz",
            ),
        ),
        ("CM-2", _app(requesting_physician_name="Dr. Ben Cho")),
        ("CM-4", _app(date_of_injury=D("2023-02-11"))),
        ("CM-6", _app(claim_number="ADJ-7777777", date_of_injury=D("2023-02-11"))),
        ("CM-7", _app(requesting_physician_name="Dr. Ben Cho")),
        ("CM-8", _app(requesting_physician_name=None)),
        ("CM-9", _app(requesting_physician_name=None)),
    ]
    assert consolidation_groups(applications) == [("CM-1", "CM-3", "CM-5"), ("CM-2", "CM-7")]


def test_consolidation_does_not_depend_on_input_order():
    applications = [("B", _app()), ("A", _app()), ("C", _app(employee_name="Someone Else"))]
    assert consolidation_groups(applications) == consolidation_groups(applications[::-1])
    assert consolidation_groups(applications) == [("A", "B")]


def test_a_single_application_is_no_group():
    assert consolidation_groups([("A", GOOD)]) == []
    assert consolidation_groups([]) == []
