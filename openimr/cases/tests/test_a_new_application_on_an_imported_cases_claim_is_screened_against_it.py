"""A case imported whole with its claim number (`openimr case import`) is the same dispute
received once, as a filed application is: a new application on that claim, however the
number is written, is ``already_decided`` for a treatment whose letter issued
(8 CCR 9792.10.3(a)(2); LC 4610.6(g)), a ``duplicate`` of one still under review, and
``already_authorized`` when it was terminated because the claims administrator authorized
the treatment (8 CCR 9792.10.6(a)). Screening compared new applications only with other
applications, so each of these was eligible and the dispute went to review twice. A case
imported without a claim number stays out."""

import importlib

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openimr.cases import models, services
from openimr.cases.domain.lifecycle import State
from openimr.cases.intake_schema import parse_application
from openimr.cases.interchange import case_from_document
from openimr.cases.services.screening import ScreeningContexts
from openimr.cases.tests.conftest import filed
from openimr.cases.tests.imported_dispute import (
    CLAIM,
    FILING_DAY,
    IMPORTED,
    ISSUE_DAY,
    MRI,
    case_doc,
    imported,
)
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
migration = importlib.import_module("openimr.cases.migrations.0021_imported_case_claim_key")


def _screened(application_doc):
    with time_machine.travel(FILING_DAY, tick=False):
        return filed(application_doc).application


def _codes(stored):
    return [r["code"] for r in stored.reasons]


def test_a_treatment_an_imported_cases_letter_decided_is_already_decided(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=True))
    with time_machine.travel(ISSUE_DAY, tick=False):
        letter_issue(case_number=IMPORTED, actor="qa")
    stored = _screened(application_doc)
    assert stored.outcome == "ineligible"
    assert _codes(stored) == ["already_decided", "already_decided"]
    first = stored.reasons[0]
    assert f"request for {MRI} on this claim on March 15, 2024" in first["text"]
    assert first["source"] == "8 CCR 9792.10.3(a)(2); LC 4610.6(g)"


def test_an_imported_case_still_under_review_makes_the_new_application_its_duplicate(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=False))
    stored = _screened(application_doc)
    assert _codes(stored) == ["duplicate"]
    assert (
        "We already received an application about the same utilization review decision "
        f"(dated March 1, 2024) on March 4, 2024, reference {IMPORTED}. That application is "
        "the one we review"
    ) in stored.reasons[0]["text"]


def test_an_imported_case_without_its_day_of_receipt_is_named_without_one(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=False, application_received=None, assigned=None))
    (reason,) = _screened(application_doc).reasons
    assert f"(dated March 1, 2024), reference {IMPORTED}." in reason["text"]


def test_an_imported_case_terminated_as_authorized_makes_the_treatment_already_authorized(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=False))
    row = models.Case.objects.get(case_number=IMPORTED)
    with time_machine.travel(ISSUE_DAY, tick=False):
        services.case_close(row=row, target=State.TERMINATED, actor="clerk", note="all authorized")
    stored = _screened(application_doc)
    assert _codes(stored) == ["already_authorized"]
    text = stored.reasons[0]["text"]
    assert f"reference {IMPORTED}. Its review was ended on March 19, 2024 because" in text
    assert "the one we review" not in text


def test_an_imported_case_without_a_claim_number_is_not_screened_against(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=False), claim="")
    assert _screened(application_doc).outcome == "eligible"


@pytest.mark.parametrize(
    ("claim", "ur_decision"),
    [("SCIF-2024-118221", "2024-03-01"), (CLAIM, "2024-02-29")],
)
def test_an_imported_case_on_another_claim_or_ur_decision_is_no_duplicate(
    application_doc, three_item_doc, claim, ur_decision
):
    doc = case_doc(three_item_doc, decided=False, ur_decision=ur_decision)
    imported(doc, claim=claim)
    assert _screened(application_doc).outcome == "eligible"


def test_a_replaced_import_is_screened_by_the_claim_number_it_now_holds(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=False), claim="OTHER-1")
    doc = case_from_document(case_doc(three_item_doc, decided=False))
    services.case_import(case=doc, actor="clerk", replace=True, claim_number=CLAIM)
    assert _codes(_screened(application_doc)) == ["duplicate"]


def test_the_migration_fills_the_comparable_form_of_cases_already_imported(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=False))
    models.Case.objects.filter(case_number=IMPORTED).update(claim_key="")  # as before 0021

    migration.fill_claim_keys(apps, None)

    assert models.Case.objects.get(case_number=IMPORTED).claim_key == "scif2024118220"
    assert _codes(_screened(application_doc)) == ["duplicate"]


def _queries_to_screen(application_doc):
    app = parse_application(application_doc)
    with CaptureQueriesContext(connection) as queries:
        ScreeningContexts([app, app]).context(app)
    return len(queries)


def test_screening_reads_as_many_queries_for_many_imported_cases_as_for_one(
    application_doc, three_item_doc
):
    imported(case_doc(three_item_doc, decided=True))
    one = _queries_to_screen(application_doc)
    for n in range(2, 6):
        imported(case_doc(three_item_doc, decided=True, number=f"CM24-030001{n}"))
    assert _queries_to_screen(application_doc) == one
