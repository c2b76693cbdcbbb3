"""A staff case page reads the case first and then writes its audit row in a transaction of
its own: SQLite has one write lock, and every other page view and filing waits while a
transaction holds it. The page is still shown only once its view is on record."""

import pytest
from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from openimr.audit.models import AuditEvent
from openimr.cases import views

pytestmark = pytest.mark.django_db(transaction=True)


def _statements(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries]


def _between_begin_and_commit(statements):
    start = next(i for i, sql in enumerate(statements) if sql.startswith("BEGIN"))
    end = next(i for i, sql in enumerate(statements) if sql == "COMMIT" and i > start)
    return statements[start + 1 : end]


@pytest.mark.parametrize("page", ["", "letter/"])
def test_the_pages_transaction_holds_only_the_audit_chain(client, staff_client, case, page):
    response, statements = _statements(client, f"/cases/{case.case_number}/{page}")
    assert response.status_code == 200
    locked = _between_begin_and_commit(statements)
    tables = {"audit_auditchainhead", "audit_auditevent"}
    assert locked, "the view was not audited in a transaction"
    for sql in locked:
        assert any(table in sql for table in tables), f"read under the write lock: {sql[:80]}"
    assert sum(sql.startswith("BEGIN") for sql in statements) == 1


def test_a_page_whose_audit_row_cannot_be_written_is_not_shown(
    client, staff_client, case, monkeypatch
):
    def locked_out(**_: object) -> None:
        raise DatabaseError("database is locked")

    monkeypatch.setattr(views, "audit_record", locked_out)
    quiet = Client(raise_request_exception=False)
    quiet.cookies = client.cookies
    before = AuditEvent.objects.count()
    response = quiet.get(f"/cases/{case.case_number}/")
    assert response.status_code == 500
    assert "Zoë Łukasiewicz" not in response.content.decode()
    assert AuditEvent.objects.count() == before
