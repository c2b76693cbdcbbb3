"""`openimr letter parse` given a file whose name is not UTF-8 ("caf\\xe9 letter.txt", from
an old Windows share) names it with that byte written as ``\\xe9``, as ingest stores it, so
that its JSON is valid UTF-8. Before, the byte was written raw: a JSON reader refused the
whole output (and on a UTF-8 terminal the command ended in a UnicodeEncodeError)."""

import json
import os
from pathlib import Path

import pytest

from openimr.cli import main
from openimr.letters.tests.test_parse_support import SEED


@pytest.fixture
def latin1_named(tmp_path: Path) -> str:
    path = os.fsencode(tmp_path) + b"/caf\xe9 letter.txt"
    with open(path, "wb") as handle:
        handle.write(SEED.read_bytes())
    return os.fsdecode(path)


def test_the_json_names_it_escaped_and_is_valid_utf8(latin1_named, capsys):
    assert main(["letter", "parse", latin1_named, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out.encode("utf-8"))
    assert doc["file"].endswith("caf\\xe9 letter.txt")
    assert doc["layout"] == "fdl-2014"


def test_a_failure_and_the_summary_line_name_it_escaped(tmp_path, latin1_named, capsys):
    junk = os.fsencode(tmp_path) + b"/junk \xff.txt"
    with open(junk, "wb") as handle:
        handle.write(b"Dear customer, your parcel is on its way.")
    assert main(["letter", "parse", os.fsdecode(junk), latin1_named]) == 2
    out, err = capsys.readouterr()
    assert "caf\\xe9 letter.txt: fdl-2014" in out.encode("utf-8").decode("utf-8")
    assert "junk \\xff.txt: not a letter" in err.encode("utf-8").decode("utf-8")
