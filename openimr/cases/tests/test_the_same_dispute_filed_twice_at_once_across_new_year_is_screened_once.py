"""Two applications for one dispute arriving at once are screened one after the other, so the
second is the duplicate of the first (8 CCR 9792.10.3(a)(2)). The year's case-number counter
had lined them up, but not across years: on PostgreSQL, the worker's application and the
attorney's (each with its own scan of the UR decision), filed as New Year's Eve turned to
New Year's Day in California, took two counters, and each, blind to the other, was found
eligible: the dispute would have been reviewed twice."""

import base64
import copy
from datetime import UTC, datetime

import pytest
from django.db import connection

from conftest import make_pdf
from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.tests.conftest import race_an_open_first

# 11:59:59 p.m. on December 31, 2025 and a moment after midnight, in California.
EVE = datetime(2026, 1, 1, 7, 59, 59, 900_000, tzinfo=UTC)
NEW_YEAR = datetime(2026, 1, 1, 8, 0, 0, 100_000, tzinfo=UTC)


def _copy(application_doc, scan):
    doc = copy.deepcopy(application_doc)
    doc["ur_decision"]["date"] = "2025-12-19"
    doc["signature"]["date"] = "2025-12-22"
    pdf = make_pdf(f"Utilization Review Determination, {scan}: MRI right knee not certified.")
    doc["ur_decision_document"] = {
        "filename": "ur.pdf",
        "content_base64": base64.b64encode(pdf).decode(),
    }
    return parse_application(doc)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the test database of SQLite is shared memory, which does not wait for a lock",
)
@pytest.mark.django_db(transaction=True)
def test_the_copy_filed_just_after_midnight_is_the_duplicate_of_the_one_just_before(
    application_doc,
):
    worker, attorney = _copy(application_doc, "worker's copy"), _copy(application_doc, "scan")

    def submit(form, at):
        return services.application_submit(
            form=form, via="api", actor="portal", client="portal", at=at
        ).application

    results, failures = race_an_open_first(
        lambda: submit(worker, EVE), lambda: submit(attorney, NEW_YEAR)
    )

    assert failures == []
    by_number = {a.case.case_number: a.outcome for a in results}
    assert by_number == {"CM25-0000001": "eligible", "CM26-0000001": "ineligible"}
    late = models.Application.objects.get(case__case_number="CM26-0000001")
    assert [r["code"] for r in late.reasons] == ["duplicate"]
