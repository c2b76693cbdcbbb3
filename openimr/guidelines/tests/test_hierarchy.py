"""The evidence hierarchy per item: what a reviewer basis must say (LC 4610.5(c)(2))."""

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from openimr.core.case import Category, Citation, Decision, Item
from openimr.guidelines.domain.catalog import load_catalog
from openimr.guidelines.domain.hierarchy import (
    basis_problems,
    citation_repeats,
    hierarchy_rank,
    order_citations,
)

MTUS = Citation(True, "Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99")
ODG = Citation(False, "ODG, Neck and Upper Back, Pillow")
STUDY = Citation(False, "Smith J, et al. Spine 2015")
ACOEM = Citation(False, "ACOEM Practice Guidelines, 3rd Edition, Chronic Pain")
EXPERT = Citation(False, "Expert opinion")
UNKNOWN = Citation(False, "UpToDate")
WHY = "The MTUS does not address pillows for neck pain."
ITEM = Item("Physical therapy x6", Category.REHABILITATION, decision=Decision.UPHELD)
DATA = Path(__file__).resolve().parents[2] / "programs" / "ca_dwc_imr" / "guidelines.toml"


def _problems(**change):
    return [(p.path, p.message) for p in basis_problems(replace(ITEM, **change), index=2)]


@pytest.mark.parametrize(
    "change",
    [
        {"reviewer_basis": (MTUS,)},
        {"reviewer_basis": (MTUS, ODG)},
        {"reviewer_basis": (MTUS, ODG), "why_not_mtus": WHY},
        {"reviewer_basis": (ODG,), "why_not_mtus": WHY},
        {"reviewer_basis": (STUDY,), "why_not_mtus": "  " + WHY + "  "},
        {"reviewer_basis": (), "decision": None},
        {"reviewer_basis": (MTUS,), "decision": None},
        {"reviewer_basis": (ODG,), "why_not_mtus": WHY, "decision": None},
    ],
)
def test_a_basis_that_keeps_the_hierarchy_has_no_problem(change):
    assert _problems(**change) == []


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"reviewer_basis": ()}, "$.items[2].reviewer_basis", "decided item needs"),
        ({"reviewer_basis": (ODG,)}, "$.items[2].why_not_mtus", "without an MTUS citation"),
        ({"reviewer_basis": (ODG,), "why_not_mtus": "  "}, "$.items[2].why_not_mtus", "without"),
        (
            {"reviewer_basis": (ODG,), "why_not_mtus": "Not in MTUS."},
            "$.items[2].why_not_mtus",
            "at least 20",
        ),
        (
            {"reviewer_basis": (ODG,), "why_not_mtus": "The guideline is silent on pillows."},
            "$.items[2].why_not_mtus",
            "mention the MTUS",
        ),
        (
            {"reviewer_basis": (MTUS,), "why_not_mtus": WHY},
            "$.items[2].why_not_mtus",
            "entirely MTUS",
        ),
        ({"reviewer_basis": (STUDY,), "decision": None}, "$.items[2].why_not_mtus", "without"),
    ],
)
def test_a_basis_that_breaks_the_hierarchy_is_located(change, path, words):
    found = _problems(**change)
    assert len(found) == 1
    assert found[0][0] == path
    assert words in found[0][1]


@pytest.mark.parametrize(
    ("family", "rank"),
    [
        ("mtus", 0),
        ("acoem", 1),
        ("odg", 1),
        ("other_guideline", 2),
        ("peer_reviewed", 3),
        ("expert_opinion", 4),
        ("standard_practice", 5),
        ("other", 6),
        ("horoscope", 6),
    ],
)
def test_hierarchy_rank_follows_the_statutory_order(family, rank):
    assert hierarchy_rank(family) == rank


def test_order_citations_uses_the_catalog():
    catalog = load_catalog(tomllib.loads(DATA.read_text()))
    basis = (UNKNOWN, STUDY, EXPERT, ODG, MTUS, ACOEM)
    assert order_citations(basis, catalog) == (MTUS, ODG, ACOEM, STUDY, EXPERT, UNKNOWN)


def test_order_citations_without_a_catalog_puts_the_mtus_first_and_keeps_the_rest():
    assert order_citations([STUDY, ODG, MTUS]) == (MTUS, STUDY, ODG)


def test_order_citations_of_nothing_is_empty():
    assert order_citations(()) == ()


@pytest.mark.parametrize(
    ("basis", "numbers"),
    [
        ((Citation(False, "-"),), [1]),
        ((Citation(True, "."),), [1]),
        ((ODG, Citation(False, "n/a")), [2]),
        ((Citation(False, "None"), Citation(False, "Not applicable")), [1, 2]),
        ((Citation(False, "TBD"),), [1]),
    ],
)
def test_a_citation_that_names_no_source_is_a_problem_of_the_basis(basis, numbers):
    problems = _problems(reviewer_basis=basis, why_not_mtus=WHY)
    assert [path for path, _ in problems] == ["$.items[2].reviewer_basis"] * len(numbers)
    assert [m.split(" (")[0] for _, m in problems] == [f"citation {n}" for n in numbers]
    assert all("names no guideline, study or standard" in m for _, m in problems)


@pytest.mark.parametrize("text", ["ODG", "X", "Spine 2015;40(3)", "N/A chapter of ACOEM"])
def test_a_citation_that_names_anything_is_not_nameless(text):
    assert _problems(reviewer_basis=(Citation(False, text),), why_not_mtus=WHY) == []


@pytest.mark.parametrize(
    ("basis", "said"),
    [
        ((ODG, ODG), ["citation 2 ('ODG, Neck and Upper Back, Pillow') repeats citation 1"]),
        # Case and spacing aside: a slip of typing, not another source.
        (
            (ODG, STUDY, Citation(False, "  odg,  neck and upper BACK, pillow")),
            ["citation 3 ('  odg,  neck and upper BACK, pillow') repeats citation 1"],
        ),
        # The MTUS flag aside too: one source printed under both headings.
        ((MTUS, replace(MTUS, mtus=False)), ["citation 2 ("]),
        ((ODG, STUDY, ODG, STUDY), ["citation 3 (", "citation 4 ("]),
    ],
)
def test_a_citation_repeated_in_the_basis_is_a_problem_of_the_basis(basis, said):
    problems = _problems(reviewer_basis=basis, why_not_mtus=WHY if not basis[0].mtus else None)
    assert [path for path, _ in problems] == ["$.items[2].reviewer_basis"] * len(said)
    assert all(m.startswith(s) for (_, m), s in zip(problems, said, strict=True))
    assert all("the letter would print it twice" in m for _, m in problems)


@pytest.mark.parametrize(
    "texts", [["ODG, Pillow", "ODG, Pillows"], ["ODG, Pillow", "ODG Pillow"], ["A", "B", "C"]]
)
def test_citations_that_differ_beyond_case_and_spacing_are_no_repeat(texts):
    assert citation_repeats(texts) == []


@pytest.mark.parametrize(
    "texts", [["ODG, Pillow.", "ODG, Pillow"], ["Smith J, et al", "Smith J, et al. "]]
)
def test_a_closing_full_stop_is_no_other_source(texts):
    """The letter ends the citations with a full stop of its own: "X." and "X" print alike."""
    assert citation_repeats(texts) == [(1, 0)]


def test_each_repeat_names_the_first_it_repeats():
    assert citation_repeats(["A", "b", "a ", " B", "A"]) == [(2, 0), (3, 1), (4, 0)]
