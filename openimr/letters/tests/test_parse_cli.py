"""`openimr letter parse FILE... [--json]`: one JSON document per file, an array for several,
or a line per file; a file that fails says why, the others are still printed, exit code 2.
Over all 182 published letters it reports no failure, and every case it prints passes the
schema and the case rules."""

import json

from openimr.cases.interchange import case_from_document
from openimr.cli import main
from openimr.letters.tests.test_parse_support import SEED, corpus_or_skip


def test_one_file_prints_one_json_document_with_the_case_and_its_confidence(capsys):
    assert main(["letter", "parse", str(SEED), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["file"] == str(SEED)
    assert doc["layout"] == "fdl-2014"
    assert doc["case"]["format"] == "openimr.case/1"
    assert doc["case"]["items"][0]["decision"] == "upheld"
    assert doc["confidence"]["items[0].decision"] == 1.0
    assert "priority not stated: assumed standard" in doc["warnings"]


def test_several_files_print_an_array_and_a_failure_does_not_hide_the_others(tmp_path, capsys):
    junk = tmp_path / "junk.txt"
    junk.write_text("Dear customer, your parcel is on its way.", encoding="utf-8")
    code = main(["letter", "parse", str(junk), str(SEED), "--json"])
    out, err = capsys.readouterr()
    docs = json.loads(out)
    assert code == 2
    assert [d["file"] for d in docs] == [str(junk), str(SEED)]
    assert docs[0]["error"].startswith("not a letter")
    assert docs[1]["case"]["reviewer"]["licensed_in"] == ["NV"]
    assert f"{junk}: not a letter" in err


def test_a_missing_file_says_it_cannot_be_read(tmp_path, capsys):
    assert main(["letter", "parse", str(tmp_path / "nowhere.pdf")]) == 2
    assert "nowhere.pdf: cannot read the file: No such file or directory" in capsys.readouterr().err


def test_without_json_each_letter_gets_a_line_and_its_warnings(capsys):
    assert main(["letter", "parse", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{SEED}: fdl-2014, case UNNUMBERED-")
    assert "Optimum Home Rehab Kit Lumbar Spine: upheld" in out
    assert "  warning: priority not stated: assumed standard" in out


def test_every_published_letter_of_the_corpus_parses_without_failure(capsys):
    files = sorted(str(p) for p in corpus_or_skip().glob("*.pdf"))
    assert len(files) == 182
    code = main(["letter", "parse", *files, "--json"])
    out, err = capsys.readouterr()
    docs = json.loads(out)
    assert (code, err) == (0, "")
    assert [d["file"] for d in docs] == files
    assert {d["layout"] for d in docs} == {"fdl-2016"}
    assert all(d["case"]["case_number"] in d["file"] for d in docs)
    for doc in docs:  # the schema and the case rules (dates in order, decided items, ...)
        case_from_document(doc["case"])
