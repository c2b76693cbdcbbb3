"""The numbers SQLite's search asks (`domain.number_runs`, migration 0016) are read as
PostgreSQL's parser reads them: a decimal whole, a whole number never the half of a decimal
nor the end of a mixed word, a number glued after letters with its letters, its unit left
out, and a gap where a word parts two numbers. Pure Python: no database."""

import pytest

from openimr.decisions.domain.number_runs import runs, tokens


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Zolpidem 12.5 mg at night.", ["12.5"]),
        ("Zolpidem 12.5mg nightly; 12.50 later.", ["12.5", "_", "12.50"]),
        ("Lidocaine 0.5% solution, then 5% cream.", ["0.5", "_", "5"]),
        ("Levels 12-5 reviewed.", ["12", "5"]),
        ("Norco 10/325 #90.", ["10", "325", "90"]),
        ("Norco 10 / 325mg, 10 mg 325", ["10", "325", "10", "_", "325"]),
        ("Norco10/325mg #30", ["norco10", "325", "30"]),
        ("Lidoca\u0301ina5% and LIDOCAÍNA5%", ["lidocaina5", "_", "lidocaina5"]),
        ("Fracture at T12; L5 radiculopathy; C5-6.", ["t12", "l5", "_", "c5", "6"]),
        ("PT 2x6, 12.5x6 and", []),
        # An underscore parts words, as PostgreSQL's parser and the index read it (0020).
        ("a_5, 5_3", ["5", "5", "3"]),
        ("Toradol®60mg on the 5th", ["60", "_", "5"]),
        ("1,000 units; .5 ml", ["1", "000", "_", "5"]),
        ("No numbers here.", []),
    ],
)
def test_a_text_is_read_into_its_numbers(text, read):
    assert tokens(text) == read


def test_the_summary_and_the_items_are_kept_apart_by_a_gap():
    assert runs("Tramadol 50", "50 tablets") == " 50 _ 50 "
    assert runs("No numbers.", "None here.") == ""


def test_a_text_writing_a_decimal_is_marked_first():
    # Only there can FTS5's runs of digits be the halves of a decimal ("12.5x6" holds no
    # number of its own here, but "12" is a token to FTS5).
    assert runs("Lidocaine 0.5% gel", "5 patches") == " . 0.5 _ 5 "
    assert runs("PT 12.5x6") == " . "
    assert runs("Rated 5 of 10.") == " 5 _ 10 "
