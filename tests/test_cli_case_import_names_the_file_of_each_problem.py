"""`openimr case import` of several files names the file each problem is in, for every bad
file, and imports none of them: it printed the first bad file's problems under "16
problems found", naming no file, so with a folder's worth of files the operator could not
tell which one to fix (nor that another was bad too)."""

import json

import pytest

from conftest import THREE_ITEM_FILE
from openimr.cases.models import Case
from openimr.cli import main

pytestmark = pytest.mark.django_db


def test_each_bad_file_is_named_with_its_problems_and_nothing_is_imported(tmp_path, capsys):
    empty = tmp_path / "empty.json"
    empty.write_text("{}", encoding="utf-8")
    no_items = tmp_path / "no-items.json"
    doc = json.loads(THREE_ITEM_FILE.read_text(encoding="utf-8"))
    no_items.write_text(json.dumps({**doc, "case_number": "CM17-0600031", "items": []}))

    assert main(["case", "import", str(THREE_ITEM_FILE), str(empty), str(no_items)]) == 2

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "error: 2 of 3 files refused; nothing was imported"
    assert f"  {empty}: $.case_number: is missing" in lines
    assert any(line.startswith(f"  {no_items}: $.items") for line in lines), lines
    assert not any(str(THREE_ITEM_FILE) in line for line in lines)
    assert not Case.objects.exists()


def test_one_bad_file_alone_is_named_too(tmp_path, capsys):
    empty = tmp_path / "empty.json"
    empty.write_text("{}", encoding="utf-8")
    assert main(["case", "import", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 1 of 1 file refused; nothing was imported\n")
    assert f"  {empty}: $.format: is missing\n" in err
