"""`openimr.case/1` anchors its codes, dates and case numbers with `^...$`; jsonschema reads a
pattern with Python's `re.search`, where `$` also matches before a final newline, so
"M23.91\\n" passed as an ICD-10-CM code and was stored with its newline. Each anchored
pattern now refuses a trailing newline (a lookahead both Python and ECMA readers take), and
`openimr case import` names the field and imports nothing."""

import json

import pytest

from openimr.cases import models
from openimr.cli import main

pytestmark = pytest.mark.django_db


def _set(doc, path, value):
    *parents, last = path
    for part in parents:
        doc = doc[part]
    doc[last] = value


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("items", 0, "icd10"), ["M23.91\n"], "$.items[0].icd10[0]"),
        (("dates", "ur_decision"), "2016-09-12\n", "$.dates.ur_decision"),
        (("case_number",), "CM16-0400101\n", "$.case_number"),
    ],
)
def test_a_value_with_a_trailing_newline_is_refused_at_its_field_and_nothing_imported(
    tmp_path, capsys, three_item_doc, path, value, named
):
    _set(three_item_doc, path, value)
    file = tmp_path / "case.json"
    file.write_text(json.dumps(three_item_doc), encoding="utf-8")
    assert main(["case", "import", str(file)]) == 2
    err = capsys.readouterr().err
    assert f"{file}: {named}" in err
    assert "nothing was imported" in err
    assert not models.Case.objects.exists()


def test_the_same_value_without_its_newline_is_imported(tmp_path, three_item_doc):
    three_item_doc["items"][0]["icd10"] = ["M23.91"]
    file = tmp_path / "case.json"
    file.write_text(json.dumps(three_item_doc), encoding="utf-8")
    assert main(["case", "import", str(file)]) == 0
    assert models.DisputedItem.objects.get(position=0).icd10 == ["M23.91"]
