"""Staff edit a reviewer's languages and prior case numbers in the admin (/admin/) as JSON.
The panel file takes only a list of texts there; the admin took any JSON. A number
(``5``) then stopped matching for every case (the panel is read as lists), and one text,
``"CM16-0400101"``, was read letter by letter: the case the reviewer had decided was
unseen, and the reviewer could be chosen for it again (LC 4610.6(h))."""

import pytest

from openimr.audit.tests.admin_forms import shown_form_data
from openimr.reviewers import selectors
from openimr.reviewers.models import Reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return Reviewer.objects.create(
        reviewer_id="R-7", name="Dr. Ana Ruiz", weekly_hours=30, languages=["en"]
    )


def _send(client, reviewer, **changes):
    url = f"/admin/reviewers/reviewer/{reviewer.pk}/change/"
    data = shown_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def _error(answer, field: str) -> str:
    return " ".join(answer.context["adminform"].form.errors.get(field, []))


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("languages", "5", "must be a list of texts"),
        ("languages", '"es"', "must be a list of texts"),
        ("languages", '["en", 3]', "3 is not a text"),
        ("prior_case_numbers", '"CM16-0400101"', "must be a list of texts"),
        ("prior_case_numbers", '["CM16-0400101", ""]', "'' is not a text"),
        ("prior_case_numbers", '["CM16-04\\u202e00101"]', "text-direction"),
    ],
)
def test_a_value_the_panel_cannot_read_is_refused_at_its_field(
    admin_client, reviewer, field, value, said
):
    answer = _send(admin_client, reviewer, **{field: value})
    assert answer.status_code == 200
    assert said in _error(answer, field)
    reviewer.refresh_from_db()
    assert (reviewer.languages, reviewer.prior_case_numbers) == (["en"], [])
    assert set(selectors.panel()) == {"R-7"}


def test_a_list_of_texts_is_stored_and_matching_sees_the_prior_case(admin_client, reviewer):
    answer = _send(admin_client, reviewer, prior_case_numbers='["CM16-0400101"]')
    assert answer.status_code == 302
    assert selectors.panel()["R-7"].prior_case_numbers == ("CM16-0400101",)
