"""The parser remembers the answers of its string readers (citations, states, specialties) to
read a corpus faster; a caller that changes what a parse gave it must not change what the next
letter parses to."""

import copy
import random

from bench.corpus import generate_cases, render_letter
from openimr.letters.parsing import parse_text


def _letter() -> str:
    case = next(iter(generate_cases(1, 5)))
    return render_letter(case, "fdl-2016", noise=True, rng=random.Random(5))


def test_changing_a_parsed_citation_leaves_the_next_parse_of_the_letter_as_it_was():
    text = _letter()
    first = parse_text(text).case
    expected = copy.deepcopy(parse_text(text).case["items"][0]["reviewer_basis"])
    assert expected, "the generated letter cites a guideline"
    first["items"][0]["reviewer_basis"][0]["citation"] = "changed by the caller"
    first["items"][0]["reviewer_basis"].append({"mtus": False, "citation": "added"})
    assert parse_text(text).case["items"][0]["reviewer_basis"] == expected


def test_changing_the_parsed_reviewer_leaves_the_next_parse_of_the_letter_as_it_was():
    text = _letter()
    first = parse_text(text).case["reviewer"]
    expected = copy.deepcopy(parse_text(text).case["reviewer"])
    assert expected["specialties"] and expected["licensed_in"]
    first["specialties"].append("Changed Specialty")
    first["licensed_in"].clear()
    again = parse_text(text).case["reviewer"]
    assert again["specialties"] == expected["specialties"]
    assert again["licensed_in"] == expected["licensed_in"]
