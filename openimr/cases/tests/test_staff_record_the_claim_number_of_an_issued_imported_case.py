"""A case imported whole without its claim number can be given one afterwards, issued or
not: staff record it on its case page, its parties then find it on /status/, and the issued
letter stays byte for byte as it issued. The change is audited without the number; a
number the application's rule refuses is refused at its field, nothing saved; a filed
case keeps its application's number; nobody but case staff may set it."""

import pytest
import time_machine
from django.core.cache import cache

from openimr.audit.models import AuditEvent
from openimr.cases import models
from openimr.cases.tests.conftest import filed
from openimr.letters.models import IssuedLetter
from openimr.review.tests.conftest import (  # noqa: F401  (fixtures)
    CASE,
    cast,
    in_qa,
    issued,
    login,
)

pytestmark = pytest.mark.django_db
URL = f"/cases/{CASE}/claim-number/"
CLAIM, INJURY = "WCAB-77-4410-QZ", "2015-08-03"


def _letter(letter):
    return IssuedLetter.objects.values_list("text", "html", "pdf_sha256", "issued_at").get(
        pk=letter.pk
    )


def _status(client):
    cache.clear()
    body = {"case_number": CASE, "claim_number": CLAIM, "date_of_injury": INJURY}
    with time_machine.travel("2024-03-20 17:00:05Z", tick=False):
        said = client.post("/status/", body, REMOTE_ADDR="10.0.0.9").content.decode()
    return " ".join(said.split())


def test_staff_give_an_issued_imported_case_its_claim_number_and_its_parties_find_it(
    client,
    cast,  # noqa: F811
    issued,  # noqa: F811
):
    before = _letter(issued)
    assert "No case matches" in _status(client)
    page = login(client, cast.clerk).get(f"/cases/{CASE}/").content.decode()
    assert f'href="{URL}"' in page
    assert client.post(URL, {"claim_number": CLAIM}).status_code == 302
    row = models.Case.objects.get(case_number=CASE)
    assert (row.claim_number, row.state) == (CLAIM, "issued")
    assert _letter(issued) == before
    client.logout()
    assert "No case matches" not in _status(client)
    (event,) = AuditEvent.objects.filter(object_id=CASE, action="case.claim_number_set")
    assert event.actor == cast.clerk and CLAIM not in str(event.detail)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("...", "letter or digit"),
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        ("7" * 61, "60"),
    ],
)
def test_a_claim_number_refused_is_said_at_its_field_and_nothing_is_saved(
    client,
    cast,  # noqa: F811
    in_qa,  # noqa: F811
    given,
    said,
):
    answer = login(client, cast.clerk).post(URL, {"claim_number": given})
    assert answer.status_code == 422
    assert said in answer.context["form"].errors["claim_number"][0]
    assert models.Case.objects.get(case_number=CASE).claim_number == ""
    assert not AuditEvent.objects.filter(action="case.claim_number_set").exists()


def test_nobody_but_case_staff_may_set_it(client, cast, in_qa):  # noqa: F811
    for user in (cast.reviewer, cast.qa):
        assert login(client, user).post(URL, {"claim_number": CLAIM}).status_code == 404
    assert models.Case.objects.get(case_number=CASE).claim_number == ""
    refused = AuditEvent.objects.filter(object_id=CASE, action="case.action.refused")
    assert refused.count() == 2


def test_a_filed_case_shows_and_keeps_its_applications_claim_number(
    client,
    cast,  # noqa: F811
    application_doc,
):
    row = filed(application_doc)
    stated = application_doc["claim_number"]
    url = f"/cases/{row.case_number}/claim-number/"
    detail = login(client, cast.clerk).get(f"/cases/{row.case_number}/").content.decode()
    # Its parties find it by its application's number: the page said "none recorded".
    shown = detail[detail.index('<dd id="claim-number">') :].split("</dd>", 1)[0]
    assert stated in shown and "none recorded" not in shown and url not in shown
    page = client.get(url).content.decode()
    assert 'id="filed"' in page and "<form" not in page.split("<h1>", 1)[1]
    answer = client.post(url, {"claim_number": CLAIM})
    assert answer.status_code == 422
    assert "stays as the application stated it" in answer.content.decode()
    assert models.Application.objects.get(case=row).claim_number == stated
    assert not AuditEvent.objects.filter(action="case.claim_number_set").exists()
