"""`openimr case import` (and `case validate`) refuse a disputed treatment or a diagnosis of
punctuation or accents alone ("...", a lone combining accent), as intake's form already did
(`core.text.letter_or_digit_problem`): it tells no treatment apart from another and names no
condition. The problem is said at the field in the file (`$.items[2].treatment`,
`$.diagnoses[1]`), and nothing of the batch is stored, the good files with it."""

import json

import pytest

from conftest import THREE_ITEM_FILE
from openimr.cases.models import Case
from openimr.cli import main

pytestmark = pytest.mark.django_db
NO_TREATMENT = "must hold a letter or digit: treatments are told apart by them"
NO_DIAGNOSIS = "must hold a letter or digit: punctuation or accents alone name no diagnosis"


def _written(tmp_path, name, change):
    doc = json.loads(THREE_ITEM_FILE.read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _treatment(text):
    return lambda doc: doc["items"][2].update(treatment=text)


def _diagnosis(text):
    return lambda doc: doc["diagnoses"].__setitem__(1, text)


@pytest.mark.parametrize(
    ("change", "path", "said"),
    [
        pytest.param(_treatment("..."), "$.items[2].treatment", NO_TREATMENT, id="dots"),
        pytest.param(_treatment("\u0301"), "$.items[2].treatment", NO_TREATMENT, id="accent"),
        pytest.param(_diagnosis("- / -"), "$.diagnoses[1]", NO_DIAGNOSIS, id="diagnosis"),
    ],
)
def test_a_treatment_or_diagnosis_of_punctuation_refuses_the_batch(
    tmp_path, capsys, change, path, said
):
    good = _written(tmp_path, "good.json", lambda doc: doc.update(case_number="CM16-0400102"))
    bad = _written(tmp_path, "bad.json", change)
    assert main(["case", "import", str(good), str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"  {bad}: {path}: {said}" in err
    assert not any(str(good) in line for line in err)
    assert not Case.objects.exists()
    assert main(["case", "validate", str(bad)]) == 2
    assert f"{path}: {said}" in capsys.readouterr().err


def test_a_treatment_and_diagnosis_with_a_letter_among_punctuation_are_imported(tmp_path):
    def change(doc):
        _treatment("C.T. (head) -- w/o contrast")(doc)
        _diagnosis("??? R51.9")(doc)

    good = _written(tmp_path, "good.json", change)
    assert main(["case", "import", str(good)]) == 0
    row = Case.objects.get()
    assert row.items.order_by("position")[2].treatment == "C.T. (head) -- w/o contrast"
    assert row.diagnoses[1] == "??? R51.9"
