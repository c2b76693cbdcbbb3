"""Dates and numbers written in different ways are the same fact."""

import pytest

from openimr.review.domain.figures import figures, known_keys


def _needs(text):
    return [sorted(f.needs) for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("1/2/2015", [["d:2015-01-02"]]),
        ("01/02/15", [["d:2015-01-02"]]),
        ("2015-01-02", [["d:2015-01-02"]]),
        ("January 2, 2015", [["d:2015-01-02"]]),
        ("Jan. 2, 2015", [["d:2015-01-02"]]),
        ("Jan 2nd 2015", [["d:2015-01-02"]]),
        ("2 January 2015", [["d:2015-01-02"]]),
        ("1/2/99", [["d:1999-01-02"]]),
        ("March 2014", [["m:2014-03"]]),
        ("March of 2014", [["m:2014-03"]]),
        ("3/2014", [["m:2014-03"]]),
        ("in 2014", [["n:2014"]]),
        ("12 visits", [["n:12"]]),
        ("1,200", [["n:1200"]]),
        ("2.50 mg", [["n:2.5"]]),
        ("10.0", [["n:10"]]),
        ("80%", [["n:80"]]),
        ("80 percent", [["n:80"]]),
        ("300 mg", [["n:300"]]),
        ("8-10 visits", [["n:10", "n:8"]]),
        ("8 to 10", [["n:10", "n:8"]]),
        ("5/10", [["f:5/10"]]),
        ("5-6/10", [["f:5/10", "f:6/10"]]),
        ("5 out of 10", [["f:5/10"]]),
        ("Norco 10/325", [["f:10/325"]]),
        ("PT x6", [["n:6"]]),
        ("L4-5 and L5-S1", []),
        ("ICD-10 M54.5", []),
        ("at 10:30", []),
        ("9792.24.2", []),
        ("2/30/2015", []),
        ("six sessions", []),
    ],
)
def test_each_form_of_a_figure_reads_as_one_key(text, needs):
    assert _needs(text) == needs


@pytest.mark.parametrize(
    ("record", "key"),
    [
        ("seen March 12, 2014", "m:2014-03"),
        ("seen March 12, 2014", "n:2014"),
        ("pain 5/10", "n:5"),
        ("8-10 visits", "n:10"),
    ],
)
def test_a_record_figure_also_supports_its_parts(record, key):
    assert key in known_keys([record])
