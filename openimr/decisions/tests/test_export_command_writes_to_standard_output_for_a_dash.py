"""`openimr corpus export -o -` streams to standard output, as `-o -` does for `case
export` and `letter render`, so an export can be piped (`... --format jsonl -o - | jq`):
it wrote a file named "-" in the working folder and nothing to the pipe. Messages stay
on standard error."""

import datetime as dt
import json

import pytest

from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_dash_streams_the_export_to_standard_output(tmp_path, monkeypatch, capsysbinary):
    make_decision(decided=dt.date(2016, 3, 1), items=[item("Knee brace")])
    make_decision(decided=dt.date(2017, 4, 1), items=[item("Lumbar MRI")])
    monkeypatch.chdir(tmp_path)

    assert main(["corpus", "export", "--format", "jsonl", "-o", "-"]) == 0

    out, err = capsysbinary.readouterr()
    rows = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert len(rows) == 2
    assert err.decode("utf-8").startswith("wrote 2 decisions to standard output (")
    assert list(tmp_path.iterdir()) == []  # no file named "-"
