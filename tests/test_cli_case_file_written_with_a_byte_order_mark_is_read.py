"""A case file saved by a Windows editor starts with a byte-order mark: `openimr case
validate` and `case import` answered "not JSON: Unexpected UTF-8 BOM", where `applications
import` reads one. Read past it now, as the applications' batch is."""

import json

import pytest

from openimr.cli import main


def _with_bom(tmp_path, doc):
    path = tmp_path / "case.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode("utf-8"))
    return str(path)


def test_a_file_with_a_byte_order_mark_is_valid(tmp_path, seed_doc, capsys):
    assert main(["case", "validate", _with_bom(tmp_path, seed_doc)]) == 0
    assert "valid openimr.case/1, case CM14-0000001" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_a_file_with_a_byte_order_mark_imports(tmp_path, seed_doc, capsys):
    from openimr.cases.models import Case

    assert main(["case", "import", _with_bom(tmp_path, seed_doc)]) == 0
    assert Case.objects.get().employee_name == seed_doc["employee"]["name"]


def test_a_mark_inside_the_text_is_still_not_json(tmp_path, seed_doc, capsys):
    path = tmp_path / "case.json"
    path.write_bytes(b" \xef\xbb\xbf" + json.dumps(seed_doc).encode("utf-8"))
    assert main(["case", "validate", str(path)]) == 2
    assert "$: not JSON" in capsys.readouterr().err
