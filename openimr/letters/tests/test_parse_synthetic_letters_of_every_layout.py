"""Letters of all five published layouts from the synthetic corpus generator (bench/corpus.py),
as clean text, as PDF extraction leaves it, and as PDF: the parser reads back every field the
layout prints (``truth()``), and what only the clinical summary's prose says."""

import re

import pytest

from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter, truth
from openimr.cases.interchange import schema_problems
from openimr.letters.parsing import parse_pdf, parse_text

CASES = list(generate_cases(24, seed=2026))
_PATH = re.compile(r"[^.\[\]]+|\[\d+\]")


def _at(case, path):
    value = case
    for part in _PATH.findall(path):
        value = value[int(part[1:-1])] if part.startswith("[") else value[part]
    return value


def _same(value):
    """Equal as a reader reads it: white space folded, a final full stop and the hyphen of a
    word broken at a line end aside (an extracted "over-head" may be "overhead")."""
    if isinstance(value, str):
        folded = " ".join(value.split()).rstrip(".")
        return re.sub(r"(?<=[a-z])-(?=[a-z])", "", folded)
    if isinstance(value, list):
        return [_same(v) for v in value]
    if isinstance(value, dict):
        return {k: _same(v) for k, v in value.items() if k != "kind"}
    return value


def _mismatches(parsed, case, layout):
    expected = truth(case, layout)
    wanted = {**expected["fields"], **expected["from_text"]}
    return [
        (path, want, _at(parsed.case, path))
        for path, want in wanted.items()
        if _same(_at(parsed.case, path)) != _same(want)
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_field_a_layout_prints_is_read_back_from_extracted_text(layout):
    for case in CASES:
        parsed = parse_text(render_letter(case, layout))
        assert parsed.layout == layout
        assert _mismatches(parsed, case, layout) == [], case["case_number"]
        assert schema_problems(parsed.case) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_field_a_layout_prints_is_read_back_from_clean_text(layout):
    for case in CASES[:8]:
        parsed = parse_text(render_letter(case, layout, noise=False))
        assert _mismatches(parsed, case, layout) == [], case["case_number"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_field_a_layout_prints_is_read_back_from_its_pdf(layout):
    for case in CASES[:3]:
        parsed = parse_pdf(letter_pdf(case, layout))
        assert parsed.layout == layout
        assert _mismatches(parsed, case, layout) == [], case["case_number"]
        assert schema_problems(parsed.case) == []
