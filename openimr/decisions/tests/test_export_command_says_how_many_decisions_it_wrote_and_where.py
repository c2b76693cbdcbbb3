"""`openimr corpus export` says how many decisions it wrote and to which file, not only the
bytes: a researcher checking an export against the search page's total had to count the
rows (one per item in CSV and Parquet, not one per decision)."""

import datetime as dt
import json

import pytest

from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def corpus() -> None:
    make_decision(decided=dt.date(2016, 3, 1), items=[item("Knee brace"), item("Knee MRI")])
    make_decision(decided=dt.date(2017, 3, 1), items=[item("Lumbar MRI")])
    make_decision(decided=dt.date(2017, 4, 1), items=[item("Knee injection")])


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_the_count_of_decisions_written_is_said_with_the_file(corpus, tmp_path, capsys, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["corpus", "export", "--format", fmt, "-o", str(out)]) == 0
    size = out.stat().st_size
    assert capsys.readouterr().err.startswith(f"wrote 3 decisions to {out} ({size:,} bytes, {fmt})")


def test_a_search_says_how_many_of_them_it_wrote(corpus, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["corpus", "export", "--format", "jsonl", "--q", "knee", "-o", str(out)]) == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and all("Knee" in json.dumps(json.loads(x)) for x in lines)
    assert "wrote 2 decisions to " in capsys.readouterr().err


def test_one_decision_and_none_are_said_so(corpus, tmp_path, capsys):
    assert (
        main(
            ["corpus", "export", "--format", "csv", "--q", "lumbar", "-o", str(tmp_path / "a.csv")]
        )
        == 0
    )
    assert "wrote 1 decision to " in capsys.readouterr().err
    assert (
        main(["corpus", "export", "--format", "csv", "--q", "elbow", "-o", str(tmp_path / "b.csv")])
        == 0
    )
    assert "wrote 0 decisions to " in capsys.readouterr().err
