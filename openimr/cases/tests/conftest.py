"""Fixtures shared by the case pages' tests."""

import copy
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connections, transaction

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core.case import Decision
from openimr.core.clock import CALIFORNIA
from openimr.core.tests.lock_waits import NeverBlocked, held_until_waited_for


@pytest.fixture
def case(three_item_doc):
    """The shared three-item document, imported as a case."""
    case = case_from_document(three_item_doc)
    case_import(case=case, actor="test")
    return case


@pytest.fixture
def intake_day():
    """The intake pages' tests' day: a Wednesday, 10 a.m. in California, clocks frozen."""
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        yield


SCREENED_AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)  # Wednesday, 10 a.m. in California


def filed(doc: dict[str, Any], at: datetime = SCREENED_AT, **changes: Any) -> models.Case:
    """The application ``doc``, with ``changes`` to its top-level fields, filed through
    intake at ``at`` and screened as intake screens it."""
    doc = copy.deepcopy(doc)
    doc.update(changes)
    (stored,) = services.applications_receive(
        filings=[services.Filing(parse_application(doc), at)],
        via="api",
        actor="clerk",
        client="test",
    )
    return stored.case


@pytest.fixture
def deferred(application_doc: dict[str, Any]) -> models.Case:
    """An application whose liability is disputed on other grounds: deferred at screening."""
    return filed(application_doc, disputed_other_than_medical_necessity=True)


@pytest.fixture
def ineligible(application_doc: dict[str, Any]) -> models.Case:
    """An application nobody signed: ineligible at screening."""
    return filed(application_doc, signature=None)


def decided_through_intake(doc: dict[str, Any], received: datetime) -> models.Case:
    """An application filed at ``received`` and taken, a day a step, through assignment,
    complete records and review to a determination submitted to QA (every item upheld)."""
    row = services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=received
    ).application.case
    services.case_assign(row=row, actor="clerk", at=received + timedelta(days=1))
    services.case_records_complete(row=row, actor="clerk", at=received + timedelta(days=2))
    services.case_begin_review(row=row, actor="clerk", at=received + timedelta(days=3))
    decisions = [(Decision.UPHELD, "Not supported by the guideline.")] * row.items.count()
    services.case_submit_decision(
        row=row, decisions=decisions, actor="reviewer", at=received + timedelta(days=4)
    )
    return models.Case.objects.get(pk=row.pk)


def race_an_open_first(
    first: Callable[[], Any], *others: Callable[[], Any]
) -> tuple[list[Any], list[BaseException]]:
    """(results, failures) of ``first`` run in a transaction held open after it wrote, while
    ``others`` run meanwhile, each in a thread of its own: what a request sees when it races
    one that has written and not yet committed. On PostgreSQL the transaction is held until
    every other is seen waiting for its locks (`NeverBlocked`, raised here, when one ends
    without waiting or a minute passes); SQLite's shared-memory test database does not
    wait for a lock, and the transaction is held a second."""
    results: list[Any] = []
    failures: list[BaseException] = []
    written, ended = threading.Event(), []

    def run(target: Callable[[], Any]) -> None:
        try:
            results.append(target())
        except BaseException as exc:
            failures.append(exc)
        finally:
            connections.close_all()
            if target is not held_open:
                ended.append(target)

    def held_open() -> Any:
        with transaction.atomic():
            done = first()
            written.set()
            held_until_waited_for(
                f"{len(others)} racing transaction(s) never all waited for the open one's locks",
                pause=1.0,
                count=len(others),
                done=lambda: bool(ended),
            )
        return done

    threads = [threading.Thread(target=run, args=(held_open,))]
    threads[0].start()
    assert written.wait(timeout=30)
    threads += [threading.Thread(target=run, args=(other,)) for other in others]
    for thread in threads[1:]:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    for failure in failures:
        if isinstance(failure, NeverBlocked):
            raise failure
    return results, failures


@pytest.fixture
def late_case(case: Any) -> models.Case:
    """Eligible Monday 03/02/2026; its notice was mailed a day late, Wednesday 03/04, so the
    records were due 03/19; they came 03/23, and its determination (due 04/22) never issued."""
    row = models.Case.objects.get(case_number=case.case_number)
    row.state, row.eligible_on = "in_review", date(2026, 3, 2)
    row.noarfi_sent_at = datetime(2026, 3, 4, 9, 0, tzinfo=CALIFORNIA)
    row.noarfi_method = "mail"
    row.records_complete_at = datetime(2026, 3, 23, 9, 0, tzinfo=CALIFORNIA)
    row.claims_administrator_name = "Late Mutual"
    # The imported document's own days (records complete 2016-10-11, decided 10/24) are not
    # this case's: without them the intake instants alone date it, whichever rule prefers.
    row.date_records_complete = row.date_decision = None
    row.save()
    return row
