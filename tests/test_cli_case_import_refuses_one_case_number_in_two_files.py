"""`openimr case import` refuses two files of the same case number, naming both, and stores
nothing (the store used to answer "case ... already exists" for a case that did not)."""

import json

import pytest

from openimr.cli import main


@pytest.mark.django_db(transaction=True)
def test_two_files_of_one_case_number_are_named_and_nothing_is_stored(tmp_path, seed_doc, capsys):
    from openimr.cases.models import Case

    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(seed_doc), encoding="utf-8")
    seed_doc["clinical_summary"] += " Corrected."
    second.write_text(json.dumps(seed_doc), encoding="utf-8")
    assert main(["case", "import", str(first), str(second), "--replace"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: nothing was imported\n  CM14-0000001: is in 2 files: {first}, {second}\n"
    )
    assert not Case.objects.exists()
