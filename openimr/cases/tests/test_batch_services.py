"""A batch of applications or case moves is the same as one at a time, written in a few
statements: every row as save() would write it, every event, each case's own clock."""

import copy
from datetime import UTC, datetime, timedelta

import pytest
from django.forms.models import model_to_dict

from openimr.audit.models import AuditEvent
from openimr.cases import models, services
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.intake_schema import parse_application
from openimr.cases.simulation import shares_of
from openimr.core.db import rows_insert, rows_update
from openimr.core.errors import InvalidInput
from openimr.letters.models import LetterService

pytestmark = pytest.mark.django_db
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _filings(docs, where=""):
    return [
        services.Filing(parse_application(doc), AT + timedelta(minutes=n), where=f"{where}{n}: ")
        for n, doc in enumerate(docs)
    ]


def _receive(docs):
    return services.applications_receive(
        filings=_filings(docs), via="batch", actor="clerk", client="batch"
    )


def _other(doc, claim):
    other = copy.deepcopy(doc)
    other["claim_number"] = claim
    other["claims_administrator"]["email"] = "claims@example.org"  # may be served by e-mail
    return other


def test_a_batch_gets_consecutive_case_numbers_in_filing_order(application_doc):
    stored = _receive([_other(application_doc, f"C-{n}") for n in range(3)])
    assert [a.case.case_number for a in stored] == ["CM24-0000001", "CM24-0000002", "CM24-0000003"]
    assert models.Case.objects.count() == 3 and models.ApplicationTreatment.objects.count() == 6


def test_the_same_application_twice_in_one_batch_is_a_duplicate_the_second_time(application_doc):
    first, second = _receive([application_doc, copy.deepcopy(application_doc)])
    assert first.outcome == "eligible"
    assert second.outcome == "ineligible"
    assert [r["code"] for r in second.reasons] == ["duplicate"]
    assert first.case.case_number in second.reasons[0]["text"]
    assert models.Notice.objects.get().case == second.case  # the ineligibility notice


def test_a_bad_upload_anywhere_in_the_batch_stores_nothing_and_names_the_filing(application_doc):
    bad = copy.deepcopy(application_doc)
    bad["claim_number"] = "C-2"
    bad["ur_decision_document"]["content_base64"] = "bm90IGEgcGRm"  # "not a pdf"
    with pytest.raises(InvalidInput) as caught:
        services.applications_receive(
            filings=_filings([application_doc, bad], where="line "),
            via="batch",
            actor="clerk",
            client="batch",
        )
    assert caught.value.problems[0].path.startswith("line 1: $.ur_decision_document")
    assert models.Case.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_assigning_a_batch_sends_each_case_its_own_notice_and_clock(application_doc):
    rows = [a.case for a in _receive([_other(application_doc, f"C-{n}") for n in range(2)])]
    methods = [ServiceMethod.ELECTRONIC, ServiceMethod.MAIL]
    batch = [(row, AT + timedelta(days=1), m) for row, m in zip(rows, methods, strict=True)]
    notices = services.cases_assign(batch=batch, actor="clerk")
    assert [n.case_id for n in notices] == [r.pk for r in rows]
    stored = {r.pk: r for r in models.Case.objects.filter(pk__in=[r.pk for r in rows])}
    mail, electronic = stored[rows[1].pk], stored[rows[0].pk]
    assert (electronic.state, mail.state) == ("assigned", "assigned")
    assert mail.next_due_at - electronic.next_due_at == timedelta(days=3)  # 15 vs 12 days
    assert LetterService.objects.filter(notice__in=notices).count() >= 4


def test_rows_insert_writes_every_column_as_save_does(application_doc):
    saved = _receive([application_doc])[0]
    copied = models.Application.objects.get(pk=saved.pk)
    copied.pk, copied.idempotency_key = None, "again"
    other_case = models.Case.objects.get(pk=saved.case_id)
    other_case.pk, other_case.case_number = None, "CM24-9999999"
    rows_insert([other_case], keys=True)
    copied.case = other_case
    rows_insert([copied], keys=True)
    ignore = {"id", "case", "idempotency_key"}
    fresh = model_to_dict(models.Application.objects.get(pk=copied.pk), exclude=ignore)
    assert fresh == model_to_dict(saved, exclude=ignore)


def test_rows_insert_gives_each_row_its_own_key_across_statements():
    rows = [models.Case(case_number=f"CM24-{n:07d}") for n in range(1, 46)]  # > 999 parameters
    rows_insert(rows, keys=True)
    stored = dict(models.Case.objects.values_list("pk", "case_number"))
    assert [stored[r.pk] for r in rows] == [r.case_number for r in rows]


def test_rows_update_writes_only_the_columns_named():
    row = models.Case.objects.create(case_number="CM24-0000001", employee_name="Before")
    row.state, row.employee_name = "screening", "After"
    rows_update([row], ["state"])
    row.refresh_from_db()
    assert (row.state, row.employee_name) == ("screening", "Before")


@pytest.mark.parametrize(("per_day", "workers"), [([5, 4, 0, 7], 2), ([1, 2, 3], 3), ([9], 4)])
def test_workers_share_each_day_with_none_lost(per_day, workers):
    shares = shares_of(per_day, workers)
    assert [sum(day) for day in zip(*shares, strict=True)] == per_day
    assert all(max(day) - min(day) <= 1 for day in zip(*shares, strict=True))
