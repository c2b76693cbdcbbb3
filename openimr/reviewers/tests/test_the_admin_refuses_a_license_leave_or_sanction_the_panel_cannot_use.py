"""Staff add and edit a reviewer's licenses, leave and sanctions in the admin (/admin/). The
panel file and CSV refuse a license state that is not a USPS code and a leave that ends
before it starts; the admin took both. A license typed "ZZ" then reached the Final
Determination Letter ("holds a license to practice in California and ZZ") and a case export
that fails its own schema; a leave from 12/20 to 12/03 (a mistyped month) kept the reviewer
assignable through the leave; a sanction closed before it opened read as closed."""

import pytest

from openimr.audit.tests.admin_forms import shown_form_data
from openimr.reviewers.models import Reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return Reviewer.objects.create(reviewer_id="R-7", name="Dr. Ana Ruiz", weekly_hours=30)


def _send(client, reviewer, prefix: str, **row):
    url = f"/admin/reviewers/reviewer/{reviewer.pk}/change/"
    data = shown_form_data(client.get(url))
    data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"})
    data.update({f"{prefix}-0-{k}": v for k, v in row.items()})
    data[f"{prefix}-0-reviewer"] = str(reviewer.pk)
    return client.post(url, data)


def _errors(response) -> str:
    return " ".join(
        str(e)
        for inline in response.context["inline_admin_formsets"]
        for e in inline.formset.errors
    )


def test_a_license_state_that_is_not_a_state_is_refused(admin_client, reviewer):
    answer = _send(admin_client, reviewer, "licenses", state="ZZ", number="A1")
    assert answer.status_code == 200
    assert "ZZ" in _errors(answer) and "not a US state" in _errors(answer)
    assert not reviewer.licenses.exists()


def test_a_license_state_in_small_letters_is_stored_as_its_code(admin_client, reviewer):
    answer = _send(admin_client, reviewer, "licenses", state="nv", number="A1")
    assert answer.status_code == 302
    assert list(reviewer.licenses.values_list("state", flat=True)) == ["NV"]


def test_a_leave_that_ends_before_it_starts_is_refused(admin_client, reviewer):
    answer = _send(admin_client, reviewer, "leave", start="2026-12-20", end="2026-12-03")
    assert answer.status_code == 200
    assert "ends before it starts" in _errors(answer)
    assert not reviewer.leave.exists()


def test_a_sanction_closed_before_it_opened_is_refused(admin_client, reviewer):
    answer = _send(
        admin_client,
        reviewer,
        "sanctions",
        description="Medical board probation",
        opened="2026-03-01",
        closed="2025-03-01",
    )
    assert answer.status_code == 200
    assert "closed before it opened" in _errors(answer)
    assert not reviewer.sanctions.exists()
