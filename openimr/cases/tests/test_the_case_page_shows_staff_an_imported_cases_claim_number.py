"""Staff see the claim number a case imported whole came with on its case page (before,
only `openimr case export` showed it), within the page's one audited look
(``case.viewed``, which never copies the number); a case imported without one says its
parties cannot find it on /status/. The reviewer's workspace never shows it: the number is
the parties' proof on /status/, not part of the review."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import imported_from_document
from openimr.cases.services import case_import
from openimr.review.tests.conftest import assign, login, person, undecided

pytestmark = pytest.mark.django_db
CLAIM = "WCAB-77-4410-QZ"


def _imported(doc, claim_number=CLAIM):
    case, contacts, claim = imported_from_document({**doc, "claim_number": claim_number})
    case_import(case=case, actor="test", contacts=contacts, claim_number=claim)
    return case.case_number


def _claim_shown(body: str) -> str:
    return body[body.index('<dd id="claim-number">') :].split("</dd>", 1)[0]


def test_staff_see_the_claim_number_within_the_pages_audited_look(
    client, staff_client, three_item_doc
):
    number = _imported(three_item_doc)
    client.force_login(staff_client)
    body = client.get(f"/cases/{number}/").content.decode()
    assert CLAIM in _claim_shown(body)
    (look,) = AuditEvent.objects.filter(object_id=number, action="case.viewed")
    assert look.actor == staff_client
    assert CLAIM not in str(look.detail)


def test_a_case_imported_without_one_says_its_parties_cannot_find_it(
    client, staff_client, three_item_doc
):
    number = _imported(three_item_doc, claim_number=None)
    client.force_login(staff_client)
    shown = _claim_shown(client.get(f"/cases/{number}/").content.decode())
    assert "none recorded: its parties cannot find the case on /status/" in shown


def test_the_reviewer_never_sees_it(client, three_item_doc):
    number = _imported(undecided(three_item_doc))
    reviewer = person("jroe", "reviewer")
    assign(number, reviewer, "R-1", "Jane Q. Roe")
    workspace = login(client, reviewer).get(f"/review/{number}/")
    assert workspace.status_code == 200
    assert CLAIM not in workspace.content.decode()
    assert client.get(f"/cases/{number}/").status_code in {302, 403, 404}
