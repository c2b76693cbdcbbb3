from datetime import date

import pytest

from openimr.core.case import UROutcome
from openimr.records.domain.summary import CaseFacts
from openimr.records.tests.drafting import draft

RFA = """REQUEST FOR AUTHORIZATION
DWC Form RFA
Requesting Physician Information
Name: Farid Haddad, M.D.
Requested Treatment
Service/Good Requested: TENS unit, purchase, with supplies for 3 months
Requesting Physician Signature: /s/ Farid Haddad, M.D.
Date: 12/05/2013
"""
UR = """KEYSTONE WORKERS' COMPENSATION SERVICES
UTILIZATION REVIEW DETERMINATION
Date of Decision: 12/16/2013
Requested: TENS unit, purchase, with supplies
Decision: Non-certified
Reviewer: Janet Oyelaran, M.D.
"""
MIXED_UR = """UTILIZATION REVIEW DETERMINATION
Date of Review: 03/02/2017
Acupuncture, 6 sessions: the request is denied.
Tramadol ER 100 mg #30: the request is modified to #10.
"""
TREATMENTS = ("Optimum Home Rehab Kit Lumbar Spine",)


def last_two(*texts: str, case: CaseFacts) -> list[str]:
    return [s.text for s in draft(*texts, case=case).sentences[-2:]]


def test_the_case_request_and_ur_date_give_the_seed_letters_closing_sentences():
    case = CaseFacts(
        treatments=TREATMENTS, ur_decision_date=date(2014, 2, 18), ur_outcome=UROutcome.DENIED
    )
    assert last_two(case=case) == [
        "A request was made for Optimum Home Rehab Kit Lumbar Spine.",
        "The request was denied by utilization review on 2/18/2014.",
    ]


def test_the_request_for_authorization_on_file_dates_the_request_and_is_cited():
    case = CaseFacts(treatments=TREATMENTS, ur_decision_date=date(2014, 5, 9))
    found = draft(RFA, case=case)
    [request] = [s for s in found.sentences if s.text.startswith("A request")]
    assert request.text == (
        "A request for authorization dated 12/5/2013 was submitted for Optimum Home Rehab Kit "
        "Lumbar Spine."
    )
    assert [(ref.document_id, ref.page) for ref in request.sources] == [("d1", 1)]


def test_without_case_facts_the_request_and_decision_are_read_from_the_rfa_and_ur_on_file():
    assert last_two(RFA, UR, case=CaseFacts()) == [
        "A request for authorization dated 12/5/2013 was submitted for TENS unit, purchase, "
        "with supplies for 3 months.",
        "The request was denied by utilization review on 12/16/2013.",
    ]


def test_several_requests_and_a_mixed_decision_are_told_in_the_plural():
    case = CaseFacts(treatments=("Acupuncture, 6 sessions", "Tramadol ER 100 mg #30"))
    assert last_two(MIXED_UR, case=case) == [
        "A request was made for acupuncture, 6 sessions; and tramadol ER 100 mg #30.",
        "The requests were denied or modified by utilization review on 3/2/2017.",
    ]


@pytest.mark.parametrize(
    ("outcome", "verb"),
    [
        (UROutcome.DENIED, "denied"),
        (UROutcome.MODIFIED, "modified"),
        (UROutcome.DELAYED, "delayed"),
    ],
)
def test_the_case_outcome_names_the_verb(outcome, verb):
    case = CaseFacts(ur_decision_date=date(2015, 2, 10), ur_outcome=outcome)
    assert last_two(case=case)[-1] == f"The request was {verb} by utilization review on 2/10/2015."


def test_a_letter_that_is_unable_to_approve_is_a_denial():
    letter = "March 1, 2019\nDear Dr. Zhao,\nWe are unable to approve the injection.\nSincerely,"
    assert last_two(letter, case=CaseFacts())[-1] == (
        "The request was denied by utilization review on 3/1/2019."
    )


def test_an_unknown_outcome_is_not_guessed():
    case = CaseFacts(ur_decision_date=date(2015, 3, 3))
    assert last_two(case=case)[-1] == "Utilization review issued its determination on 3/3/2015."


def test_no_request_and_no_review_give_no_closing_sentences():
    found = draft("PROGRESS NOTE\nDOS: 1/2/2015\nSubjective: pain.")
    assert "request" not in found.facts and "ur_date" not in found.facts
    assert not [s for s in found.sentences if "request" in s.text.lower()]
