"""A reviewer's id is the key the panel file and CSV store under, and the name audit rows
and each case's explanation of its choice use. The admin let staff change it: the next
panel import then added the physician again under the old id, a second record with none of
the first's disclosed ties or prior cases (LC 139.5(d); LC 4610.6(h)), and the explanation
of every earlier choice named a reviewer no longer on the panel."""

import pytest

from openimr.audit.tests.admin_forms import shown_form_data
from openimr.reviewers.models import Reviewer

pytestmark = pytest.mark.django_db


def test_the_id_is_shown_but_cannot_be_changed(admin_client):
    reviewer = Reviewer.objects.create(reviewer_id="R-7", name="Dr. Ana Ruiz", weekly_hours=30)
    url = f"/admin/reviewers/reviewer/{reviewer.pk}/change/"
    page = admin_client.get(url)
    assert "reviewer_id" not in page.context["adminform"].form.fields
    assert "R-7" in page.content.decode()
    data = shown_form_data(page) | {"reviewer_id": "R-8", "name": "Dr. Ana Ruiz-Soto"}
    assert admin_client.post(url, data).status_code == 302
    assert list(Reviewer.objects.values_list("reviewer_id", "name")) == [
        ("R-7", "Dr. Ana Ruiz-Soto")
    ]


def test_a_new_reviewer_is_given_an_id(admin_client):
    page = admin_client.get("/admin/reviewers/reviewer/add/")
    assert "reviewer_id" in page.context["adminform"].form.fields
