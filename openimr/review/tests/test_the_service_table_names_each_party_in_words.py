"""The table of who was served with the letter names each party in words ("Claims
administrator"), not by its stored code ("claims_administrator")."""

import re

import pytest

from openimr.cases.models import Case
from openimr.letters.models import LetterService
from openimr.review.tests.conftest import CASE, QA_URL, application_of, login

pytestmark = pytest.mark.django_db


def test_the_case_page_service_table_shows_roles_as_words(client, cast, in_qa):
    row = Case.objects.get(case_number=CASE)
    application_of(employee_name=row.employee_name or "")
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    assert LetterService.objects.filter(party_role="claims_administrator").exists()
    body = login(client, cast.admin).get(f"/cases/{CASE}/").content.decode()
    cells = re.findall(r'<tr class="service[^"]*"><td>[^<]*</td><td>([^<]*)</td>', body)
    assert "Claims administrator" in cells and "Requesting physician" in cells
    assert not [c for c in cells if "_" in c]
