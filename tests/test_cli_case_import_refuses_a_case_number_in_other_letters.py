"""Every page reads a case number in any letter case, so `openimr case import` stored
`cm14-0000001` beside CM14-0000001 as a second case, which `/cases/CM14-0000001/` never
showed and `/cases/cm14-0000001/` showed instead of the first; now refused, naming the case
it would hide, and nothing is stored."""

import json

import pytest

from openimr.cli import main


def _two_files(tmp_path, doc, second_number):
    """The document as it is, and again under ``second_number``."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(doc), encoding="utf-8")
    second.write_text(json.dumps({**doc, "case_number": second_number}), encoding="utf-8")
    return first, second


@pytest.mark.django_db(transaction=True)
def test_a_stored_case_number_in_other_letters_is_refused_naming_it(tmp_path, seed_doc, capsys):
    from openimr.cases.models import Case

    first, second = _two_files(tmp_path, seed_doc, "cm14-0000001")
    assert main(["case", "import", str(first)]) == 0
    capsys.readouterr()
    for replace in ([], ["--replace"]):
        assert main(["case", "import", str(second), *replace]) != 0
        err = capsys.readouterr().err
        assert "case cm14-0000001 is case CM14-0000001 written in other letters" in err
        assert "import it as CM14-0000001" in err
    assert list(Case.objects.values_list("case_number", flat=True)) == ["CM14-0000001"]


@pytest.mark.django_db(transaction=True)
def test_two_files_of_one_number_in_other_letters_are_named(tmp_path, seed_doc, capsys):
    from openimr.cases.models import Case

    first, second = _two_files(tmp_path, seed_doc, "Cm14-0000001")
    assert main(["case", "import", str(first), str(second)]) == 2
    assert f"is in 2 files: {first}, {second}" in capsys.readouterr().err
    assert not Case.objects.exists()
