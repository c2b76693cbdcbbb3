"""Staff see, with each party on the case page, the postal address the application gave for
it (where its mailed notices and letter go), line by line and escaped as text."""

import copy
from datetime import UTC, datetime

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _filed(doc, **addresses) -> str:
    doc = copy.deepcopy(doc)
    doc["attorney"]["name"] = "Mara Quintero, Esq."
    for party, address in addresses.items():
        doc[party]["address"] = address
    return services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case.case_number


def _parties(body: str) -> str:
    return body[body.index("<h2>Parties</h2>") : body.index("qualifications</h2>")]


def test_each_address_is_shown_with_its_party(client, staff_client, application_doc):
    number = _filed(
        application_doc,
        claims_administrator="PO Box 8192\nPleasanton, CA 94588",
        requesting_physician="2801 K Street, Suite 300",
        attorney="455 Capitol Mall\nSacramento, CA 95814",
        employer="8900 Elk Grove Boulevard\nElk Grove, CA 95624",
    )
    parties = _parties(client.get(f"/cases/{number}/").content.decode())
    shown = {
        label: parties[parties.index(f"<dt>{label}</dt>") :].split("</dd>", 1)[0]
        for label in ("Employee", "Employer", "Claims administrator", "Requesting physician")
    }
    assert "1200 K Street, Sacramento, CA 95814" in shown["Employee"]
    assert "8900 Elk Grove Boulevard<br>Elk Grove, CA 95624" in shown["Employer"]
    assert "PO Box 8192<br>Pleasanton, CA 94588" in shown["Claims administrator"]
    assert "2801 K Street, Suite 300" in shown["Requesting physician"]
    assert "455 Capitol Mall<br>Sacramento, CA 95814" in parties


def test_an_address_is_shown_as_text_not_markup(client, staff_client, application_doc):
    number = _filed(application_doc, attorney='<script>alert("x")</script> & Sons')
    parties = _parties(client.get(f"/cases/{number}/").content.decode())
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons" in parties
    assert "<script>" not in parties


def test_a_party_without_an_address_shows_none(client, staff_client, application_doc):
    number = _filed(application_doc)
    parties = _parties(client.get(f"/cases/{number}/").content.decode())
    assert parties.count('class="postal"') == 1  # the employee's only
