"""A bad openimr.case/1 document is refused with every problem listed by JSON path."""

import copy

import pytest

from openimr.cases.interchange import case_from_document, case_from_json
from openimr.core.errors import InvalidInput


def _problems(doc):
    with pytest.raises(InvalidInput) as caught:
        case_from_document(doc)
    return {(p.path, p.message) for p in caught.value.problems}


def _paths(doc):
    return {path for path, _ in _problems(doc)}


def _edit(doc, change):
    doc = copy.deepcopy(doc)
    change(doc)
    return doc


CASES = [
    (
        "decided item without a decision",
        lambda d: d["items"][0].update(decision=None),
        "$.items[0].decision",
    ),
    ("item with no decision field", lambda d: d["items"][0].pop("decision"), "$.items[0].decision"),
    (
        "decision neither upheld nor overturned",
        lambda d: d["items"][0].update(decision="partly"),
        "$.items[0].decision",
    ),
    ("unknown category", lambda d: d["items"][0].update(category="massage"), "$.items[0].category"),
    ("date that is not a date", lambda d: d["dates"].update(injury="2013-02-30"), "$.dates.injury"),
    ("date in another format", lambda d: d["dates"].update(injury="02/25/2013"), "$.dates.injury"),
    (
        "decided item without rationale",
        lambda d: d["items"][0].update(rationale=" "),
        "$.items[0].rationale",
    ),
    (
        "decision before UR decision",
        lambda d: d["dates"].update(decision="2014-01-01"),
        "$.dates.decision",
    ),
    ("no items", lambda d: d.update(items=[]), "$.items"),
    ("unknown field", lambda d: d.update(reviewer_name="Dr. X"), "$"),
    ("reviewer name smuggled in", lambda d: d["reviewer"].update(name="Dr. X"), "$.reviewer"),
    (
        "unknown state of licensure",
        lambda d: d["reviewer"].update(licensed_in=["ZZ"]),
        "$.reviewer.licensed_in[0]",
    ),
    (
        "citation without mtus flag",
        lambda d: d["items"][0]["reviewer_basis"][0].pop("mtus"),
        "$.items[0].reviewer_basis[0].mtus",
    ),
    ("negative age", lambda d: d["employee"].update(age=-1), "$.employee.age"),
    ("wrong format name", lambda d: d.update(format="openimr.case/2"), "$.format"),
    (
        "reviewer with five years",
        lambda d: d["reviewer"].update(years_in_practice=5),
        "$.reviewer.years_in_practice",
    ),
    (
        "duplicate treatment",
        lambda d: d["items"].append(copy.deepcopy(d["items"][0])),
        "$.items[1].treatment",
    ),
]


@pytest.mark.parametrize(
    ("change", "path"), [(c, p) for _, c, p in CASES], ids=[n for n, _, _ in CASES]
)
def test_each_broken_rule_is_reported_at_its_path(seed_doc, change, path):
    assert path in _paths(_edit(seed_doc, change))


def test_every_problem_is_listed_at_once_not_only_the_first(seed_doc):
    def break_three(d):
        d["items"][0]["category"] = "massage"
        d["dates"]["injury"] = "yesterday"
        d["priority"] = "urgent"

    assert {"$.items[0].category", "$.dates.injury", "$.priority"} <= _paths(
        _edit(seed_doc, break_three)
    )


def test_undecided_case_may_have_undecided_items(seed_doc):
    def undecide(d):
        d["dates"]["decision"] = None
        d["items"][0].update(decision=None, rationale=None)

    assert case_from_document(_edit(seed_doc, undecide)).items[0].decision is None


def test_an_item_decided_before_the_case_is_refused(seed_doc):
    assert "$.items[0].decision" in _paths(
        _edit(seed_doc, lambda d: d["dates"].update(decision=None))
    )


def test_text_that_is_not_json_says_where_it_broke():
    with pytest.raises(InvalidInput) as caught:
        case_from_json('{"format": "openimr.case/1",\n  "items": [}', source="case.json")
    assert "case.json" in str(caught.value)
    assert "line 2" in caught.value.problems[0].message


def test_a_document_that_is_not_an_object_is_refused():
    with pytest.raises(InvalidInput):
        case_from_document(["not", "a", "case"])
