"""Staff see, beside each party of a case imported whole, the postal address and e-mail
address it came with (the same lines a filed case's application gives), escaped as text;
a party without shows none."""

import pytest

from openimr.cases.interchange import imported_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
CONTACTS = {
    "employee": {"address": "2417 Pacific Coast Highway\nLong Beach, CA 90806"},
    "attorney": {"address": "611 West <Sixth> Street", "email": "counsel@law.test"},
    "employer": {"address": "19800 Main Street\nCarson, CA 90745"},
}


def _parties(client, doc) -> dict[str, str]:
    case, contacts, _ = imported_from_document({**doc, "contacts": CONTACTS})
    case_import(case=case, actor="test", contacts=contacts)
    body = client.get(f"/cases/{case.case_number}/").content.decode()
    block = body[body.index("<h2>Parties</h2>") : body.index("qualifications</h2>")]
    labels = ("Employee", "Employer", "Claims administrator", "Requesting physician")
    shown = {k: block[block.index(f"<dt>{k}</dt>") :].split("</dd>", 1)[0] for k in labels}
    shown["Attorney"] = block[block.index("<dt>Employee's attorney</dt>") :].split("</dd>")[0]
    return shown


def test_each_contact_is_shown_with_its_party(client, staff_client, three_item_doc):
    shown = _parties(client, three_item_doc)
    assert "2417 Pacific Coast Highway<br>Long Beach, CA 90806" in shown["Employee"]
    assert "19800 Main Street<br>Carson, CA 90745" in shown["Employer"]
    assert "counsel@law.test" in shown["Attorney"]
    assert "611 West &lt;Sixth&gt; Street" in shown["Attorney"]
    assert 'class="postal"' not in shown["Claims administrator"] + shown["Requesting physician"]


def test_nobody_but_staff_sees_the_case_page(client, three_item_doc):
    case, contacts, _ = imported_from_document({**three_item_doc, "contacts": CONTACTS})
    case_import(case=case, actor="test", contacts=contacts)
    response = client.get(f"/cases/{case.case_number}/")
    assert response.status_code in {302, 404}
    assert "Carson" not in response.content.decode()
