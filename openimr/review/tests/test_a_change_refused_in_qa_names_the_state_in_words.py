"""A change refused because the case is with QA named the state by its code: "the case is
qa, not under review", read by the reviewer on their workspace and by staff asking a party
for eligibility information. The state is named as every page names it: QA."""

import pytest

from openimr.cases.models import Case
from openimr.cases.services import case_information_request
from openimr.core.errors import InvalidInput
from openimr.review.tests.conftest import CASE, item_post, login

pytestmark = pytest.mark.django_db


def test_a_reviewer_saving_while_qa_reads_the_determination_is_told_it_is_with_qa(
    client, cast, in_qa
):
    response = item_post(login(client, cast.reviewer))
    assert response.status_code == 409
    page = response.content.decode()
    assert "the determination was submitted and is with QA, not under review" in page
    assert "QA returns it to review if it needs a change" in page
    assert "the case is qa" not in page


def test_an_information_request_refused_in_qa_names_the_state_as_qa(in_qa):
    row = Case.objects.get(case_number=CASE)
    with pytest.raises(InvalidInput) as refused:
        case_information_request(row=row, party="employee", text="Your signature.", actor="clerk")
    said = [p.message for p in refused.value.problems if p.path == "$.state"]
    assert said and said[0].startswith("the case is QA: information about eligibility")
