"""`openimr demo` typesets each synthetic record into a PDF and receives it like an upload;
read back, each record is what its manifest says it is. Loading twice doubles nothing."""

import json
from pathlib import Path

import pytest

from openimr.cases.interchange import case_from_file
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.demo.record_files import RECORDS, demo_records_load
from openimr.records.models import Record
from openimr.records.tests.receiving import DUMMY

pytestmark = pytest.mark.django_db
CASES = Path(__file__).resolve().parents[2] / "demo" / "cases"
MANIFESTS = sorted(RECORDS.glob("*/manifest.json"))


@pytest.fixture
def demo_cases(settings):
    # As under `make run`: no worker, so the loader reads the text itself.
    settings.TASKS = DUMMY
    for path in sorted(CASES.glob("*.json")):
        case_import(case=case_from_file(path), actor="demo", replace=True)


def test_every_demo_record_is_received_and_read(demo_cases):
    expected = sum(len(json.loads(m.read_text())["documents"]) for m in MANIFESTS)
    assert demo_records_load() == expected
    assert Record.objects.filter(status="extracted").count() == expected
    assert demo_records_load() == 0
    assert Record.objects.count() == expected


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda m: m.parent.name)
def test_each_record_reads_back_as_its_manifest_says(demo_cases, manifest):
    demo_records_load()
    given = json.loads(manifest.read_text(encoding="utf-8"))
    stored = {r.filename: r for r in Record.objects.filter(case=case_row(given["case_number"]))}
    for document in given["documents"]:
        record = stored[document["file"].removesuffix(".txt") + ".pdf"]
        got = (record.kind, record.author, str(record.date_of_service))
        want = (document["kind"], document["author"], document["date_of_service"])
        assert got == want, document["file"]
        assert record.submitted_by == document["submitted_by"].replace(" ", "_")


def test_a_text_is_typeset_to_the_same_bytes_in_every_process():
    """A fresh process that renders a letter first, and one that does not, agree: else a
    second `openimr demo` would receive every record again."""
    import subprocess
    import sys

    script = (
        "import django, hashlib; django.setup();{}"
        "from openimr.demo.record_files import text_pdf;"
        "print(hashlib.sha256(text_pdf('Zoë Łukasiewicz, progress note.')).hexdigest())"
    )
    letters_first = "from openimr.letters.render.pdf import fonts; fonts();"
    digests = {
        subprocess.run(
            [sys.executable, "-c", script.format(before)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for before in ("", letters_first)
    }
    assert len(digests) == 1
