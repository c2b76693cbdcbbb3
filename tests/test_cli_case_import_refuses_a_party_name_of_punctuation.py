"""`openimr case import` (and `case validate`) refuse a party named by punctuation or accents
alone ("...", a lone combining accent), as intake's form and the panel import already did
(`core.text.letter_or_digit_problem`): it names no one to serve a notice on or for a
reviewer to be free of a tie to. The problem is said at the party's name in the file, and
nothing of the batch is stored."""

import json

import pytest

from conftest import THREE_ITEM_FILE
from openimr.cases.models import Case
from openimr.cli import main

pytestmark = pytest.mark.django_db
SAID = "must hold a letter or digit: punctuation or accents alone name no one"


@pytest.mark.parametrize(
    ("party", "name"),
    [("employer", "..."), ("requesting_physician", "\u0301"), ("ur_reviewer", "- / -")],
)
def test_a_party_named_by_punctuation_alone_refuses_the_import(tmp_path, capsys, party, name):
    doc = json.loads(THREE_ITEM_FILE.read_text(encoding="utf-8"))
    doc[party] = {**(doc.get(party) or {}), "name": name}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["case", "import", str(bad)]) == 2
    assert f"  {bad}: $.{party}.name: {SAID}" in capsys.readouterr().err.splitlines()
    assert not Case.objects.exists()
    assert main(["case", "validate", str(bad)]) == 2
    assert f"$.{party}.name: {SAID}" in capsys.readouterr().err


def test_a_name_with_a_letter_among_its_punctuation_is_imported(tmp_path):
    doc = json.loads(THREE_ITEM_FILE.read_text(encoding="utf-8"))
    doc["employer"] = {"name": "O'Neil & Co."}
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["case", "import", str(good)]) == 0
    assert Case.objects.get().employer_name == "O'Neil & Co."
