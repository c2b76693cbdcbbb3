"""A free citation must name the guideline, study or standard the decision rests on
(LC 4610.5(c)(2)): "-", "." or "n/a" would print in the binding letter as "Decision based
on Non-MTUS Citation n/a", and QA's hierarchy check passed it."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import DisputedItem
from openimr.review.tests.conftest import CASE, item_post, login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("citation", [".", "-", "???", "n/a", "None", "N.A.", "ODG; n/a"])
def test_a_citation_naming_nothing_is_refused_at_the_basis_and_nothing_is_saved(
    client, cast, under_review, citation
):
    response = item_post(login(client, cast.reviewer), **{"item-0-free_citation": citation})
    assert response.status_code == 422
    page = response.content.decode()
    assert "names no guideline, study or standard" in page
    assert 'id="id_item-0-basis"' in page and 'aria-invalid="true"' in page
    item = DisputedItem.objects.get(case__case_number=CASE, position=0)
    assert (item.decision, item.reviewer_basis) == (None, [])
    assert not AuditEvent.objects.filter(action="case.item_saved").exists()


@pytest.mark.parametrize("citation", ["ODG", "Smith J, Spine 2015", "ACOEM, 3rd ed., Ch. 12"])
def test_a_citation_naming_a_source_is_saved(client, cast, under_review, citation):
    response = item_post(login(client, cast.reviewer), **{"item-0-free_citation": citation})
    assert response.status_code == 302
    item = DisputedItem.objects.get(case__case_number=CASE, position=0)
    assert [c["citation"] for c in item.reviewer_basis] == [c.strip() for c in citation.split(";")]
