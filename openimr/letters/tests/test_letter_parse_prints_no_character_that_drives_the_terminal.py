"""`openimr letter parse` prints what a letter says without the characters in it that drive
a terminal: an escape sequence (ESC, or the C1 CSI U+009B on its own) re-coloured or
cleared the reader's terminal, and a U+202E printed the treatment reversed. In JSON each is
written as JSON's own escape, so a program reading it gets the letter's text back whole;
in the summary line as its code. Accented letters stay as they are."""

import json

from openimr.cli import main
from openimr.letters.tests.test_parse_support import SEED

TREATMENT = "Optimum Home Rehab Kit Lumbar Spine"
CONTROLS = "\x1b\x9b\u202e\x7f\u2066"  # ESC, CSI, RLO, DEL, LRI
WRITTEN = f"{TREATMENT} for Peña \x1b[2J\x9b31m\u202e\x7f\u2066"


def _letter(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace(TREATMENT, WRITTEN)
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_json_escapes_each_control_and_keeps_the_text_whole(tmp_path, capsys):
    assert main(["letter", "parse", str(_letter(tmp_path)), "--json"]) == 0
    out = capsys.readouterr().out

    assert not any(c in out for c in CONTROLS)
    assert "\\u009b31m\\u202e\\u007f\\u2066" in out and "Peña" in out
    assert json.loads(out)["case"]["items"][0]["treatment"] == WRITTEN


def test_the_summary_line_writes_each_control_as_its_code(tmp_path, capsys):
    assert main(["letter", "parse", str(_letter(tmp_path))]) == 0
    out = capsys.readouterr().out

    assert not any(c in out for c in CONTROLS)
    assert "for Peña \\u001b[2J\\u009b31m\\u202e\\u007f\\u2066: upheld" in out
