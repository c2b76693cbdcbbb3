"""The workspace shows the employee by age and sex only (never the name). A case filed on
the web form states neither, and the row was left empty; with only the sex it began with a
stray comma."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.review.tests.conftest import CASE, assign, login, undecided

pytestmark = pytest.mark.django_db


def _workspace(client, cast, three_item_doc, **employee):
    doc = undecided(three_item_doc)
    doc["employee"] = {"name": "Zoë Łukasiewicz", "age": None, "sex": None, **employee}
    case_import(case=case_from_document(doc), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")
    return login(client, cast.reviewer).get(f"/review/{CASE}/").content.decode()


def test_neither_age_nor_sex_reads_not_stated(client, cast, three_item_doc):
    assert "<dt>Employee</dt><dd>not stated</dd>" in _workspace(client, cast, three_item_doc)


def test_the_sex_alone_has_no_stray_comma(client, cast, three_item_doc):
    body = _workspace(client, cast, three_item_doc, sex="female")
    assert "<dt>Employee</dt><dd>female</dd>" in body


def test_age_and_sex_read_as_before(client, cast, three_item_doc):
    body = _workspace(client, cast, three_item_doc, age=52, sex="female")
    assert "<dt>Employee</dt><dd>52 years, female</dd>" in body
