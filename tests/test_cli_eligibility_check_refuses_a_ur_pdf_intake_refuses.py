"""`openimr eligibility check` reads the attached UR decision as the web form and the API
do: an attachment that was not a PDF, was encrypted, empty or too large had been taken as
"attached" and screened (exit 0, even "eligible"), though intake would refuse that very
application. Now it exits 2 with intake's words, naming the application file, the field
and the document's file name, and a good PDF is screened as before."""

import base64
import io
import json

import pytest
from reportlab.pdfgen import canvas

from conftest import APPLICATION_FILE, make_pdf
from openimr.cases.intake_schema import parse_application
from openimr.cases.services import ur_decision_read
from openimr.cli import main
from openimr.core.errors import InvalidInput

FIELD = "$.ur_decision_document.content_base64"


def _encrypted() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="a-secret")
    page.drawString(72, 720, "Utilization Review Determination")
    page.save()
    return buffer.getvalue()


def _with_document(tmp_path, data: bytes, filename: str = "ur-letter.pdf"):
    doc = json.loads(APPLICATION_FILE.read_text(encoding="utf-8"))
    doc["ur_decision_document"] = {
        "filename": filename,
        "content_base64": base64.b64encode(data).decode(),
    }
    path = tmp_path / "application.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path, doc


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"MZ\x90\x00 an executable", "the file is not a PDF (it does not start with %PDF-)"),
        (_encrypted(), "the PDF cannot be opened: it is encrypted"),
        (
            b"%PDF-1.4\n garbage, no objects",
            "the PDF cannot be opened: it is damaged or unreadable",
        ),
    ],
)
def test_a_bad_ur_pdf_is_refused_naming_the_files_and_what_is_wrong(tmp_path, capsys, data, said):
    path, doc = _with_document(tmp_path, data)
    assert main(["eligibility", "check", str(path), "--today", "2024-03-20", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{path}: 1 problem(s)" in captured.err
    assert f"{FIELD}: ur-letter.pdf: {said}" in captured.err
    # The same words as intake (web form and API) gives at the same field.
    with pytest.raises(InvalidInput) as intake:
        ur_decision_read(parse_application(doc))
    assert [(p.path, p.message) for p in intake.value.problems] == [(FIELD, said)]


def test_a_ur_pdf_over_the_upload_limit_is_refused_with_the_limit(tmp_path, capsys, settings):
    settings.OPENIMR_UPLOAD_MAX_BYTES = 500
    pdf = make_pdf()
    path, _ = _with_document(tmp_path, pdf)
    assert main(["eligibility", "check", str(path), "--today", "2024-03-20"]) == 2
    said = f"ur-letter.pdf: the file is {len(pdf):,} bytes; the limit is 500"
    assert said in capsys.readouterr().err


def test_an_empty_attachment_is_refused_at_its_field(tmp_path, capsys):
    path, _ = _with_document(tmp_path, b"")
    assert main(["eligibility", "check", str(path), "--today", "2024-03-20"]) == 2
    err = capsys.readouterr().err
    assert f"{path}: 1 problem(s)" in err and f"{FIELD}: must not be empty" in err


def test_a_good_ur_pdf_is_screened_as_attached(tmp_path, capsys):
    path, _ = _with_document(tmp_path, make_pdf())
    assert main(["eligibility", "check", str(path), "--today", "2024-03-20", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["outcome"] == "eligible" and report["reasons"] == []
