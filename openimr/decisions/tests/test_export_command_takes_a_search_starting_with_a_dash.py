"""`openimr corpus export --q "-knee brace"` exports what `--q="-knee brace"` does: argparse
had read "-knee" as an unknown option and refused the command, though a researcher leaving a
word out would type just that. As on the search page, "-knee" leaves out the letters holding
"knee" (it had been searched as "knee", and a note said so), and the command says which it
left out; "-knee" alone is refused without a filter, naming `--q`. A forgotten value before the next option is
still refused by argparse."""

import csv
import datetime as dt

import pytest

from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number="CM16-0000001", decided=dt.date(2016, 3, 1), items=[item("Knee brace")]
    )
    make_decision(
        case_number="CM16-0000002", decided=dt.date(2017, 3, 1), items=[item("Lumbar MRI")]
    )
    make_decision(
        case_number="CM16-0000003", decided=dt.date(2017, 4, 1), items=[item("Back brace")]
    )


def _exported(path) -> set[str]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return {row["case_number"] for row in csv.DictReader(handle)}


@pytest.mark.parametrize("typed", [["--q", "-knee brace"], ["--q=-knee brace"]])
def test_a_search_starting_with_a_dash_leaves_that_word_out(corpus, tmp_path, capsys, typed):
    out = tmp_path / "out.csv"
    assert main(["corpus", "export", "--format", "csv", *typed, "-o", str(out)]) == 0
    assert _exported(out) == {"CM16-0000003"}
    err = capsys.readouterr().err
    assert "searched: every one of brace" in err
    assert "leaving out letters holding any of: knee" in err
    assert "note:" not in err


@pytest.mark.parametrize("typed", [["--q", "-knee"], ["--q=-knee"]])
def test_a_search_that_only_leaves_words_out_is_refused(corpus, tmp_path, capsys, typed):
    assert main(["corpus", "export", "--format", "csv", *typed, "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert "--q: only leaves words out (each starts with a dash): give a word to search" in err
    assert list(tmp_path.iterdir()) == []


def test_a_search_that_only_leaves_words_out_within_a_filter_exports_the_rest(
    corpus, tmp_path, capsys
):
    out = tmp_path / "out.csv"
    command = ["corpus", "export", "--format", "csv", "--q", "-knee", "--where", "year=2017"]
    assert main([*command, "-o", str(out)]) == 0
    assert _exported(out) == {"CM16-0000002", "CM16-0000003"}
    assert "leaving out letters holding any of: knee" in capsys.readouterr().err


def test_a_search_without_a_dash_leaves_nothing_out(corpus, tmp_path, capsys):
    assert (
        main(
            ["corpus", "export", "--format", "csv", "--q", "lumbar", "-o", str(tmp_path / "o.csv")]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "searched: every one of lumbar" in err and "leaving out" not in err


def test_a_forgotten_value_before_the_next_option_is_still_refused(corpus, tmp_path, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["corpus", "export", "--format", "csv", "--q", "-o", str(tmp_path / "out.csv")])
    assert refused.value.code == 2
    assert "--q: expected one argument" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("typed", [["--q", '-"knee brace" brace'], ['--q="back brace"']])
def test_a_quoted_phrase_is_searched_or_left_out_whole(corpus, tmp_path, capsys, typed):
    # "brace" alone is in both braces' letters: the phrase picks the back brace's.
    out = tmp_path / "out.csv"
    assert main(["corpus", "export", "--format", "csv", *typed, "-o", str(out)]) == 0
    assert _exported(out) == {"CM16-0000003"}
