"""Bulk export of the de-identified corpus, or of the current search, as CSV (one row per
item), JSON Lines (one decision per line) and Parquet, from the web and the command line."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from openimr.cli import main
from openimr.decisions import export
from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number="CM16-0000001",
        summary='Shoulder pain, with a comma, and "quotes".',
        items=[item("Shoulder MRI", outcome="overturned"), item("Sling", category="dmepos")],
    )
    make_decision(case_number="CM16-0000002", summary="Knee pain.", items=[item("Knee brace")])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_csv_has_one_row_per_item_with_the_decision_columns(client, corpus):
    response = client.get("/decisions/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert [(r["case_number"], r["treatment"]) for r in rows] == [
        ("CM16-0000001", "Shoulder MRI"),
        ("CM16-0000001", "Sling"),
        ("CM16-0000002", "Knee brace"),
    ]
    assert rows[0]["clinical_summary"] == 'Shoulder pain, with a comma, and "quotes".'
    assert rows[0]["outcome"] == "overturned" and rows[1]["category"] == "dmepos"


def test_jsonl_has_one_decision_per_line_and_follows_the_search(client, corpus):
    lines = body(client.get("/decisions/export.jsonl", {"q": "knee"})).decode().splitlines()
    assert len(lines) == 1
    decision = json.loads(lines[0])
    assert decision["case_number"] == "CM16-0000002"
    assert decision["items"][0]["treatment"] == "Knee brace"
    assert decision["decision_date"] == "2016-03-14"
    assert "document" not in decision


def test_parquet_reads_back_with_typed_columns(client, corpus):
    table = pq.read_table(io.BytesIO(body(client.get("/decisions/export.parquet"))))
    assert table.num_rows == 3
    assert str(table.schema.field("decision_date").type) == "date32[day]"
    assert table.column("mtus_based").to_pylist() == [True, True, True]


def test_a_bad_filter_on_an_export_is_400_naming_it(client, corpus):
    response = client.get("/decisions/export.csv", {"outcome": "sometimes"})
    assert response.status_code == 400
    assert "$.outcome" in response.content.decode()


def test_an_unknown_format_is_404(client, corpus):
    assert client.get("/decisions/export.xlsx", follow=True).status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_the_cli_writes_the_export_to_a_file(corpus, tmp_path, fmt):
    target = tmp_path / f"corpus.{fmt}"
    assert main(["corpus", "export", "--format", fmt, "-o", str(target)]) == 0
    data = target.read_bytes()
    if fmt == "parquet":
        assert pq.read_table(io.BytesIO(data)).num_rows == 3
    else:
        assert b"CM16-0000002" in data and b"Knee brace" in data


@pytest.mark.django_db(transaction=True)
def test_the_cli_export_refuses_a_bad_filter_and_writes_nothing(corpus, tmp_path, capsys):
    target = tmp_path / "corpus.csv"
    code = main(["corpus", "export", "--format", "csv", "-o", str(target), "--where", "year=later"])
    assert code == 2
    assert "--where year" in capsys.readouterr().err
    assert not target.exists()
    assert Decision.objects.count() == 2


def test_the_csv_export_starts_with_one_byte_order_mark_as_each_charts_csv(
    client, tmp_path, capsys, monkeypatch
):
    # Excel, opening a CSV by a double click, reads one without a byte-order mark in the
    # legacy code page: "Médecine physique" came out as "MÃ©decine physique". The charts'
    # CSVs had one and the export had none.
    make_decision(
        case_number="CM16-0000003",
        specialties=("Médecine physique",),
        items=[item(f"Séance {n}") for n in range(1, 8)],
    )
    monkeypatch.setitem(export.WRITERS, "csv", export.CsvWriter(batch=2))  # several chunks
    chart = client.get("/decisions/analytics/specialty.csv").content
    web = body(client.get("/decisions/export.csv"))
    out = tmp_path / "corpus.csv"
    assert main(["corpus", "export", "--format", "csv", "-o", str(out)]) == 0
    assert main(["corpus", "export", "--format", "csv", "-o", "-"]) == 0
    piped = capsys.readouterr().out.encode("utf-8")

    assert chart.startswith(b"\xef\xbb\xbf")
    for data in (web, out.read_bytes(), piped):
        assert data.startswith(b"\xef\xbb\xbfcase_number,")
        assert data.count(b"\xef\xbb\xbf") == 1  # before the header, not before each chunk
        # Read as docs/search.md says: encoding="utf-8-sig" (pandas drops it by itself).
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert [r["treatment"] for r in rows] == [f"Séance {n}" for n in range(1, 8)]
        assert {r["specialties"] for r in rows} == {"Médecine physique"}
