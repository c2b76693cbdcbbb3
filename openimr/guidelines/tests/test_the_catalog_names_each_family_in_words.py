"""The guideline catalog page names each entry's family, and each choice of the form's
family, in the words of the standard it stands for ("Peer-reviewed study"), not its code
("peer_reviewed"): the codes are the data's; staff read the page."""

import pytest

from openimr.guidelines.domain.catalog import FAMILIES, FAMILY_LABELS
from tests.a11y_html import parse, text

pytestmark = pytest.mark.django_db


def test_the_table_and_the_form_name_the_families_in_words(client, staff_client):
    page = parse(client.get("/guidelines/").content.decode())
    table = page.by_id("entries")
    assert table is not None
    families = {text(row.children[0]) for row in page.all("tr") if row.inside[-1] == "tbody"}
    assert "Peer-reviewed study" in families and "ODG (Official Disability Guidelines)" in families
    assert not families & set(FAMILIES)
    options = {o.attrs["value"]: text(o) for o in page.all("option")}
    assert options == FAMILY_LABELS
