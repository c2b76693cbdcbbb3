"""The `openimr` command: validate and render without a database, import/export with one."""

import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from conftest import SEED_FILE, THREE_ITEM_FILE
from openimr.cli import main

SCRIPT = Path(sys.executable).parent / "openimr"


def _bad_file(tmp_path, seed_doc):
    seed_doc["items"][0]["decision"] = "maybe"
    seed_doc["items"][0]["category"] = "massage"
    seed_doc["dates"]["injury"] = "2013-13-01"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(seed_doc), encoding="utf-8")
    return path


def test_validate_accepts_a_good_file(capsys):
    assert main(["case", "validate", str(SEED_FILE)]) == 0
    assert "valid openimr.case/1, case CM14-0000001, 1 item(s)" in capsys.readouterr().out


def test_validate_lists_every_problem_by_path_and_exits_2(tmp_path, seed_doc, capsys):
    assert main(["case", "validate", str(_bad_file(tmp_path, seed_doc))]) == 2
    err = capsys.readouterr().err
    assert "$.items[0].decision: 'maybe' is not one of: upheld, overturned, null" in err
    assert "$.items[0].category:" in err
    assert "$.dates.injury: '2013-13-01' is not a valid date" in err


def test_render_writes_no_output_file_for_a_bad_case(tmp_path, seed_doc, capsys):
    out = tmp_path / "letter.pdf"
    assert (
        main(
            [
                "letter",
                "render",
                str(_bad_file(tmp_path, seed_doc)),
                "--format",
                "pdf",
                "-o",
                str(out),
            ]
        )
        == 2
    )
    assert not out.exists()
    err = capsys.readouterr().err
    assert "$.items[0].decision" in err
    assert f"error: {_bad_file(tmp_path, seed_doc)}: " in err  # which file held the problem


def test_render_text_goes_to_standard_output(capsysbinary):
    assert main(["letter", "render", str(SEED_FILE), "--format", "text"]) == 0
    assert b"Optimum Home Rehab Kit Lumbar Spine: Upheld" in capsysbinary.readouterr().out


def test_render_pdf_to_a_file(tmp_path):
    out = tmp_path / "fdl.pdf"
    assert main(["letter", "render", str(THREE_ITEM_FILE), "--format", "pdf", "-o", str(out)]) == 0
    text = " ".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(out)))
    assert "Zoë Łukasiewicz" in text


def test_render_with_a_broken_template_exits_2(tmp_path, capsys):
    template = tmp_path / "t.toml"
    template.write_text('title = "x"\n', encoding="utf-8")
    assert main(["letter", "render", str(SEED_FILE), "--template", str(template)]) == 2
    assert "template.organization: is missing" in capsys.readouterr().err


def test_the_console_script_renders_html_without_a_database(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "OPENIMR_DATA_DIR": str(tmp_path / "no-db"),
    }
    result = subprocess.run(
        [str(SCRIPT), "letter", "render", str(SEED_FILE), "--format", "html"],
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"<h2>CLINICAL CASE SUMMARY</h2>" in result.stdout
    assert not (tmp_path / "no-db").exists()


@pytest.mark.django_db(transaction=True)
def test_import_then_export_round_trips(tmp_path, three_item_doc, capsys):
    assert main(["case", "import", str(THREE_ITEM_FILE)]) == 0
    out = tmp_path / "out.json"
    assert main(["case", "export", "CM16-0400101", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == three_item_doc


@pytest.mark.django_db(transaction=True)
def test_import_twice_is_refused_and_replace_overwrites(capsys):
    assert main(["case", "import", str(SEED_FILE)]) == 0
    assert main(["case", "import", str(SEED_FILE)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["case", "import", "--replace", str(SEED_FILE)]) == 0


@pytest.mark.django_db(transaction=True)
def test_import_of_a_batch_with_a_bad_file_stores_nothing(tmp_path, seed_doc, capsys):
    from openimr.cases.models import Case

    assert main(["case", "import", str(THREE_ITEM_FILE), str(_bad_file(tmp_path, seed_doc))]) == 2
    assert Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_export_of_an_unknown_case_says_so(capsys):
    assert main(["case", "export", "CM00-0000000"]) == 2
    assert "no case CM00-0000000" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_demo_issues_the_seed_letter_and_prints_its_pdf(capsys):
    assert main(["demo"]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    path = Path(first_line.split(": ", 1)[1])
    text = " ".join(
        " ".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(path))).split()
    )
    assert "Optimum Home Rehab Kit Lumbar Spine: Upheld" in text
    assert main(["demo"]) == 0  # a second run doubles nothing
    from openimr.cases.models import Case

    assert Case.objects.count() == 6  # the four demo files, the copy in QA, the one filed today


@pytest.mark.django_db(transaction=True)
def test_an_export_carrying_phi_is_audited_with_where_it_went_and_who_ran_it(tmp_path):
    # The export holds the parties' names, contacts and the claim number: a disclosure the
    # trail must show (HIPAA 45 CFR 164.312(b)), as the web's case trail export is.
    from openimr.audit.models import AuditEvent

    assert main(["case", "import", str(THREE_ITEM_FILE)]) == 0
    out = tmp_path / "out.json"
    assert main(["case", "export", "cm16-0400101", "-o", str(out)]) == 0
    event = AuditEvent.objects.get(action="case.exported")
    assert (event.actor_label, event.role, event.object_id) == ("cli", "system", "CM16-0400101")
    assert event.detail["to"] == str(out) and event.detail["os_user"]
