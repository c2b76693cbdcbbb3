"""`openimr applications import` reads every UR decision PDF of the file before it writes
any application: a file whose PDFs on two lines, in two of its 500-application parts, are
not PDFs names both lines and imports nothing. Read part by part, the first part was
written (then undone) before the second's PDF was read, and only that one was named."""

import base64
import json

import pytest

from openimr import cli_intake
from openimr.cases.models import Application
from openimr.cli import main

pytestmark = pytest.mark.django_db


def test_every_bad_pdf_of_the_file_is_named_and_nothing_is_imported(
    application_doc, tmp_path, capsys, monkeypatch, settings
):
    monkeypatch.setattr(cli_intake, "IMPORT_BATCH", 1)
    not_a_pdf = {"filename": "ur.pdf", "content_base64": base64.b64encode(b"a fax").decode()}
    lines = [application_doc, dict(application_doc, ur_decision_document=not_a_pdf)] * 2
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["applications", "import", str(batch)]) == 2
    err = capsys.readouterr().err
    assert "line 2: $.ur_decision_document.content_base64" in err
    assert "line 4: $.ur_decision_document.content_base64" in err
    assert not Application.objects.exists()
