"""`openimr letter parse` reads a file as `openimr corpus ingest` does: a PDF in a sandbox
reader under the PDF memory limit, so a decompression bomb is refused saying so (it used to
be read in the command's own process, which grew to gigabytes), and text as UTF-8, else
Latin-1, so a letter saved by an older Windows tool keeps its accented names (they used to
become U+FFFD)."""

import json

from openimr.cli import main
from openimr.letters.tests.test_parse_support import SEED
from openimr.records.tests import hostile


def test_a_decompression_bomb_is_refused_for_memory_and_the_next_file_is_read(tmp_path, capsys):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hostile.decompression_bomb(1500))
    assert main(["letter", "parse", "--json", str(bomb), str(SEED)]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out[0] == {
        "file": str(bomb),
        "error": "unreadable PDF: it needed more than 512 MB of memory",
    }
    assert out[1]["case"]["items"][0]["decision"] == "upheld"


def test_a_latin1_letter_keeps_its_accented_words(tmp_path, capsys):
    text = SEED.read_text(encoding="utf-8").replace("Lumbar Spine", "Lumbar Spine (Señor)", 1)
    assert "Señor" in text
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert main(["letter", "parse", "--json", str(path)]) == 0
    document = capsys.readouterr().out
    assert "Señor" in json.loads(document)["case"]["items"][0]["treatment"]


def test_an_empty_name_is_refused_as_ingest_refuses_it_and_the_next_file_is_read(capsys):
    # `openimr letter parse "$UNSET"` read "" as the folder it ran in: ": cannot read the
    # file: Is a directory", naming nothing.
    assert main(["letter", "parse", "--json", "", str(SEED)]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        "FILE: an empty path (an unset variable?): name a letter's file (PDF or text)\n"
    )
    out = json.loads(captured.out)
    assert out[0] == {
        "file": "",
        "error": "an empty path (an unset variable?): name a letter's file (PDF or text)",
    }
    assert out[1]["case"]["items"][0]["decision"] == "upheld"
