"""`openimr corpus export` refuses, with exit 2 and nothing written, a `--where` key that is
not one of the search page's filters, one given twice or one with no value (it used to
ignore the one, let the last of the other win and read the third as no filter, exporting
more than was asked), and an output that is a folder
or in a folder that cannot be written (it used to end in a traceback and leave a
temporary file of the whole export behind); a bad value is named by the option that gave it
("--where year", "--q"), not by the search page's parameter."""

import datetime as dt

import pytest

from openimr.cli import main
from openimr.cli_corpus_stats import WHERE_KEYS
from openimr.decisions.search_terms import FILTER_NAMES
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def corpus() -> None:
    make_decision(decided=dt.date(2016, 3, 1), items=[item("Shoulder MRI")])
    make_decision(decided=dt.date(2017, 3, 1), items=[item("Knee brace")])


def _export(tmp_path, *args: str) -> int:
    return main(["corpus", "export", "--format", "csv", "-o", str(tmp_path / "out.csv"), *args])


def test_the_command_knows_every_filter_of_the_search_page():
    assert WHERE_KEYS == FILTER_NAMES


def test_an_unknown_filter_is_named_and_nothing_is_written(corpus, tmp_path, capsys):
    assert _export(tmp_path, "--where", "reviewer=Smith") == 2
    assert "--where: unknown filter 'reviewer'; one of: outcome," in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_filter_given_twice_is_named_and_nothing_is_written(corpus, tmp_path, capsys):
    assert _export(tmp_path, "--where", "year=2016", "--where", "year=2017") == 2
    assert "--where: year is given twice" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["", " "])
def test_a_filter_with_no_value_is_named_and_nothing_is_written(corpus, tmp_path, capsys, value):
    # `--where "year=$YEAR"` with YEAR unset exported every year.
    assert _export(tmp_path, "--where", f"year={value}") == 2
    assert (
        capsys.readouterr().err == "error: --where year: has no value: give one, or leave it out\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_is_a_folder_is_refused_and_leaves_no_file(corpus, tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    code = main(["corpus", "export", "--format", "jsonl", "-o", str(folder)])
    assert code == 2
    assert f"--output: {folder} is a folder: name a file to write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["exports"]


def test_an_output_that_cannot_be_written_is_refused_naming_it(corpus, capsys):
    # /proc is a folder where no file can be made, even by root.
    assert main(["corpus", "export", "--format", "csv", "-o", "/proc/corpus.csv"]) == 2
    assert "--output: cannot write /proc/corpus.csv: " in capsys.readouterr().err


def test_a_bad_value_is_named_by_the_option_that_gave_it(corpus, tmp_path, capsys):
    code = _export(tmp_path, "--q", "***", "--where", "year=1800", "--where", "family=foo")
    assert code == 2
    err = capsys.readouterr().err
    assert "--q: holds no letter or digit to search for" in err
    assert "--where year: must be a whole number from 1990 to 2100" in err
    assert "--where family: must be one of: mtus, acoem, odg, other" in err
    assert "$." not in err
    assert list(tmp_path.iterdir()) == []
