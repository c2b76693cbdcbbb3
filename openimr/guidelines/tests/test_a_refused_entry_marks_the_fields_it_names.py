"""A catalog entry refused for its fields marks those fields invalid and points them at the
list of problems, so a screen reader on the field hears what is wrong (WCAG 3.3.1): the
problems had been announced above the form with no tie to the field they named."""

import pytest

from openimr.guidelines.tests.test_staff_add_catalog_entries import ODG_2025
from tests.a11y_html import parse

pytestmark = pytest.mark.django_db


def test_the_field_a_problem_names_is_marked_and_the_others_are_not(client, staff_client):
    page = client.post("/guidelines/", {**ODG_2025, "title": ""})
    assert page.status_code == 422
    fields = {e.attrs.get("name"): e.attrs for e in parse(page.content.decode()).all("input")}
    assert fields["title"].get("aria-invalid") == "true"
    assert fields["title"].get("aria-describedby") == "problems"
    assert "aria-invalid" not in fields["id"]
