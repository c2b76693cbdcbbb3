"""jsonschema's message quotes the whole offending value: a 50 MB treatment printed 50 MB of
error from `case validate`, `case import` and `letter render`. The message quotes its first
80 characters and says how long the value is."""

import json

import pytest

from openimr.cases.interchange import SHOWN_CHARS, schema_problems
from openimr.cli import main

HUGE = 2_000_000


def _with_treatment(seed_doc, tmp_path, treatment):
    seed_doc["items"][0]["treatment"] = treatment
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(seed_doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["case", "validate"], ["letter", "render"]])
def test_the_cli_names_a_huge_treatment_without_printing_it(command, seed_doc, tmp_path, capsys):
    path = _with_treatment(seed_doc, tmp_path, "x" * HUGE)
    assert main([*command, str(path)]) == 2
    err = capsys.readouterr().err
    assert "$.items[0].treatment:" in err
    assert f"'{'x' * SHOWN_CHARS}'… ({HUGE} characters) is too long" in err
    assert len(err) < 2_000


def test_a_huge_value_outside_a_list_of_choices_is_cut_too(seed_doc):
    seed_doc["items"][0]["category"] = "y" * 10_000
    seed_doc["employee"]["age"] = ["z" * 10_000]
    problems = {p.path: p.message for p in schema_problems(seed_doc)}
    assert problems["$.items[0].category"].startswith(f"'{'y' * SHOWN_CHARS}'… (10000 characters)")
    assert "is not one of:" in problems["$.items[0].category"]
    assert "(10004 characters) is not of type" in problems["$.employee.age"]
    assert all(len(m) < 1_000 for m in problems.values())


def test_a_short_value_is_quoted_whole(seed_doc):
    seed_doc["items"][0]["category"] = "massage"
    problems = {p.path: p.message for p in schema_problems(seed_doc)}
    assert problems["$.items[0].category"].startswith("'massage' is not one of:")
