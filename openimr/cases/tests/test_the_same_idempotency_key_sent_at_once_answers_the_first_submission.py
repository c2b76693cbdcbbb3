"""A client that sends the same application with the same Idempotency-Key several times at
once (a retry racing the original) gets one case: the first submission, and the others
answered as its replays, never a server error or a second case."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.services import intake
from openimr.cases.tests.conftest import race_an_open_first
from openimr.core.errors import Conflict

RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
KEY = "retry-7f3a"


def _submit(form, key=KEY):
    return services.application_submit(
        form=form, via="api", actor="portal", client="portal", idempotency_key=key, at=RECEIVED
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the test database of SQLite is shared memory, which does not wait for a lock",
)
@pytest.mark.django_db(transaction=True)
def test_replays_racing_an_open_first_submission_answer_it(application_doc):
    form = parse_application(application_doc)
    # The first submission has written its case but not yet committed when the replays
    # arrive: their look-up cannot see it yet.
    results, failures = race_an_open_first(*[lambda: _submit(form)] * 4)

    assert failures == []
    assert sorted(r.replayed for r in results) == [False, True, True, True]
    assert len({r.application.case.case_number for r in results}) == 1
    assert models.Application.objects.filter(idempotency_key=KEY).count() == 1
    assert models.Case.objects.count() == 1


@pytest.mark.django_db
def test_a_replay_whose_look_up_ran_before_the_first_committed_answers_it(
    application_doc, monkeypatch
):
    form = parse_application(application_doc)
    first = _submit(form)
    looked_up, calls = intake._submitted_with, []

    def before_the_first_committed(*args):
        calls.append(args)
        return None if len(calls) == 1 else looked_up(*args)

    monkeypatch.setattr(intake, "_submitted_with", before_the_first_committed)

    again = _submit(form)

    assert again.replayed
    assert again.application.pk == first.application.pk
    assert models.Case.objects.count() == 1


@pytest.mark.django_db
def test_another_key_from_the_same_client_is_a_new_case(application_doc):
    form = parse_application(application_doc)
    first, other = _submit(form), _submit(form, key="another-key")
    assert (first.replayed, other.replayed) == (False, False)
    assert first.application.case_id != other.application.case_id


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the test database of SQLite is shared memory, which does not wait for a lock",
)
@pytest.mark.django_db(transaction=True)
def test_another_application_racing_under_the_key_is_refused_not_replayed(application_doc):
    other = dict(application_doc, claim_number="ADJ-OTHER-9")
    first, second = parse_application(application_doc), parse_application(other)
    results, failures = race_an_open_first(lambda: _submit(first), lambda: _submit(second))

    assert [r.replayed for r in results] == [False]
    assert [type(f) for f in failures] == [Conflict]
    assert models.Case.objects.count() == 1
