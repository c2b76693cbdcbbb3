"""`openimr letter parse FILE... [--json]`: one JSON object for one file, an array for several,
or a line per file; a file that fails says why, the others are still printed, exit code 2.
Over all 182 published letters it reports no failure, and every case it prints passes the
schema and the case rules."""

import json

from openimr.cases.interchange import case_from_document
from openimr.cli import main
from openimr.letters.rendering import render
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
    assert doc["printed"] == {}  # every name it prints is read as printed


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


def _our_pdf(tmp_path, seed_doc, name="ours.pdf"):
    path = tmp_path / name
    path.write_bytes(render(case_from_document(seed_doc), "pdf"))
    return path


def test_a_bad_file_between_good_ones_is_reported_in_its_own_place(tmp_path, seed_doc, capsys):
    """A damaged PDF (cut short in transfer) and a folder among letters: each failure is in
    the array where its file was named, each letter around them is read, stderr names the
    failures and nothing else."""
    good = _our_pdf(tmp_path, seed_doc)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:1500])
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code = main(["letter", "parse", "--json", str(SEED), str(cut), str(good), str(folder)])
    out, err = capsys.readouterr()
    docs = json.loads(out)
    assert code == 2
    assert [d["file"] for d in docs] == [str(SEED), str(cut), str(good), str(folder)]
    assert [sorted(d) for d in (docs[1], docs[3])] == [["error", "file"]] * 2
    assert docs[1]["error"].startswith("damaged PDF: pdfium cannot open it")
    assert docs[3]["error"] == "cannot read the file: Is a directory"
    assert docs[0]["case"]["items"][0]["decision"] == "upheld"
    assert docs[2]["case"]["case_number"] == "CM14-0000001"
    assert [line.split(": ")[0] for line in err.splitlines()] == [str(cut), str(folder)]


def test_one_file_that_fails_prints_one_object_not_an_array(tmp_path, capsys):
    junk = tmp_path / "junk.txt"
    junk.write_text("Dear customer, your parcel is on its way.", encoding="utf-8")
    assert main(["letter", "parse", "--json", str(junk)]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert isinstance(doc, dict)
    assert doc["file"] == str(junk)
    assert doc["error"].startswith("not a letter")


def test_two_files_print_an_array_even_when_one_of_them_fails(tmp_path, capsys):
    junk = tmp_path / "junk.txt"
    junk.write_text("Dear customer, your parcel is on its way.", encoding="utf-8")
    assert main(["letter", "parse", "--json", str(SEED), str(junk)]) == 2
    docs = json.loads(capsys.readouterr().out)
    assert isinstance(docs, list)
    assert [("error" in d) for d in docs] == [False, True]
