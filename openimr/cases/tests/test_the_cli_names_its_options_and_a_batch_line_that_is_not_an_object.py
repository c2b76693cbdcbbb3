"""Two messages spoke the code's language: `case import` of a stored case said "use replace"
where the option is `--replace`, and a batch line that is not a JSON object was "not a valid
dictionary or instance of ApplicationIn"."""

import json

import pytest

from conftest import THREE_ITEM_FILE
from openimr.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


def test_importing_a_stored_case_again_names_the_replace_option(capsys):
    assert main(["case", "import", str(THREE_ITEM_FILE)]) == 0
    capsys.readouterr()
    assert main(["case", "import", str(THREE_ITEM_FILE)]) != 0
    err = capsys.readouterr().err
    assert "use --replace to overwrite it" in err


@pytest.mark.parametrize("line", ['["an", "array"]', '"a string"', "42", "null"])
def test_a_batch_line_that_is_not_an_object_says_so_at_its_line(
    line, tmp_path, application_doc, capsys
):
    from openimr.cases.models import Case

    path = tmp_path / "batch.jsonl"
    path.write_text(f"{json.dumps(application_doc)}\n{line}\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 2: $: must be a JSON object" in err
    assert "ApplicationIn" not in err and "dictionary" not in err
    assert Case.objects.count() == 0
