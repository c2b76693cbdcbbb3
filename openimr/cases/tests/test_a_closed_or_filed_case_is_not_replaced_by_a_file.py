"""`openimr case import --replace` set the case's state from the file's decisions alone: a
withdrawn case came back in review (its closing kept, no transition on its timeline), and
a filed case skipped its Notice of Assignment to sit in review with no reviewer. Both are
refused now, nothing changed; an open case imported whole is still replaced."""

from dataclasses import replace

import pytest

from openimr.cases import models
from openimr.cases.domain.lifecycle import State
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cases.services.flow import case_close
from openimr.cases.tests.conftest import filed
from openimr.core.errors import Conflict

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("target", [State.WITHDRAWN, State.TERMINATED])
def test_a_closed_imported_case_is_not_reopened(three_item_doc, target):
    case = case_from_document(three_item_doc)
    row = case_import(case=case, actor="test")
    case_close(row=row, target=target, actor="clerk", note="the employee withdrew it")
    with pytest.raises(Conflict, match=f"is {target.value}: closing a case cannot be undone"):
        case_import(case=replace(case, clinical_summary="Changed."), actor="test", replace=True)
    row.refresh_from_db()
    assert (row.state, row.clinical_summary) == (target.value, case.clinical_summary)


def test_a_filed_case_is_not_replaced_by_a_file(three_item_doc, application_doc):
    row = filed(application_doc)
    case = replace(case_from_document(three_item_doc), case_number=row.case_number)
    with pytest.raises(Conflict, match="was filed through intake"):
        case_import(case=case, actor="test", replace=True)
    row.refresh_from_db()
    assert row.state == "eligible"
    assert row.employee_name == application_doc["employee"]["name"]


def test_an_open_imported_case_is_still_replaced(three_item_doc):
    case = case_from_document(three_item_doc)
    case_import(case=case, actor="test")
    case_import(case=replace(case, clinical_summary="Changed."), actor="test", replace=True)
    assert models.Case.objects.get().clinical_summary == "Changed."
