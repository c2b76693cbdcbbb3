"""The demo's case in QA kept its source's 2016 decision date while its records were made
complete a few days before the load: the case rules refuse such a case, so its export
(`openimr case export`) would not import again, and the letter QA issued was dated nine
years before the records it read. Its determination is now dated after them."""

import json

import pytest

from openimr.cases.domain.rules import case_problems
from openimr.cases.models import Case
from openimr.cases.selectors import case_by_number
from openimr.cli import main
from openimr.core.clock import local_date, now
from openimr.demo.services import QA_CASE

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_case_in_qa_is_decided_after_its_records_and_keeps_the_rules(demo):
    row = Case.objects.get(case_number=QA_CASE)
    assert row.date_records_complete < row.date_decision < local_date(now())
    assert case_problems(case_by_number(QA_CASE)) == []


def test_its_export_imports_again(demo, tmp_path, capsys):
    out = tmp_path / "qa.json"
    assert main(["case", "export", QA_CASE, "-o", str(out)]) == 0
    assert main(["case", "validate", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["dates"]["decision"] == str(
        Case.objects.get(case_number=QA_CASE).date_decision
    )
