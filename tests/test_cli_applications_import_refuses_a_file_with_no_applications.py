"""`openimr applications import` of a file that holds no application (empty, or blank
lines only: an export that went wrong) says so and exits 2; it had printed "imported 0
application(s): " and succeeded. A file saved with a UTF-8 byte-order mark (as Windows
editors save one) imports like any other, as `eligibility check` reads one."""

import json

import pytest

from conftest import APPLICATION_FILE
from openimr.cases.models import Application
from openimr.cli import main

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("content", ["", "\n\n  \n"], ids=["empty", "blank lines"])
def test_a_file_with_no_application_is_refused_with_exit_2(content, tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(content, encoding="utf-8")
    assert main(["applications", "import", str(batch)]) == 2
    assert f"FILE.jsonl: {batch} holds no application" in capsys.readouterr().err
    assert not Application.objects.exists()


def test_a_file_with_a_byte_order_mark_imports(tmp_path, capsys):
    line = json.dumps(json.loads(APPLICATION_FILE.read_text(encoding="utf-8")))
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8") + b"\n")
    assert main(["applications", "import", str(batch)]) == 0, capsys.readouterr().err
    assert Application.objects.count() == 1
