"""After staff add an entry, the catalog page they land on says so, as a status a screen
reader announces (role="status"): the confirmation is not left for whichever page happens
to show messages next."""

import pytest

from openimr.guidelines.tests.test_staff_add_catalog_entries import ODG_2025
from tests.a11y_html import parse, text

pytestmark = pytest.mark.django_db


def test_the_catalog_announces_the_entry_it_added(client, staff_client):
    page = client.post("/guidelines/", ODG_2025, follow=True)
    assert page.redirect_chain[-1][0] == "/guidelines/"
    statuses = [
        text(e) for e in parse(page.content.decode()).elements if e.attrs.get("role") == "status"
    ]
    assert statuses == ["Added Official Disability Guidelines (odg-low-back-2025)."]
