"""Where a refused save's problems stand on the workspace: each beside the field it is
about, the field marked invalid and described by it, and the keyboard's focus on the first
such field when the page comes back (WCAG 2.1 SC 3.3.1 Error Identification, 1.3.1 Info and
Relationships, 2.4.3 Focus Order). A problem that names no field stays in the list above
the form only."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from openimr.core.errors import InvalidInput, Problem

# The case format's names of an item's fields (openimr.case/1): the form's name for each, and
# what the page calls it.
_ITEM_FIELDS = {
    "decision": ("decision", "Decision"),
    "reviewer_basis": ("basis", "Basis"),
    "why_not_mtus": ("why_not_mtus", "Why the MTUS does not apply"),
    "rationale": ("rationale", "Decision rationale"),
}
SUMMARY_PATH = "$.clinical_summary"
_ITEM_AT = re.compile(r"^\$\.items\[(\d+)\](?:\.(\w+))?$")


def item_heading(position: int, treatments: list[str]) -> str:
    """An item as the page heads it: its number from 1 and its treatment."""
    if 0 <= position < len(treatments):
        return f"Item {position + 1} ({treatments[position]})"
    return f"Item {position + 1}"


def said(problem: Problem, treatments: list[str]) -> str:
    """A problem as the page says it: an item's by its number, treatment and field label, the
    summary's by its heading. The JSON path stays out: it counts items from 0 ("$.items[1]"
    is item 2 on the page) and names fields as the case format does, which a reviewer does
    not read; the API's error body keeps it for integrators."""
    if problem.path == SUMMARY_PATH:
        return f"Clinical case summary: {problem.message}"
    found = _ITEM_AT.match(problem.path)
    if found is None:
        return problem.message
    heading = item_heading(int(found[1]), treatments)
    if found[2] in _ITEM_FIELDS:
        return f"{heading}, {_ITEM_FIELDS[found[2]][1]}: {problem.message}"
    return f"{heading}: {problem.message}"


def refusal(exc: InvalidInput, treatments: list[str]) -> list[str]:
    """The refusal's lines above the form: what was not done, then each problem as ``said``.
    A refusal of one problem with no summary of its own is that problem, said once (its
    summary would be the problem again, with its path)."""
    lines = [said(p, treatments) for p in exc.problems]
    if len(exc.problems) == 1 and str(exc) == str(exc.problems[0]):
        return lines
    return [str(exc), *lines]


@dataclass
class Placed:
    """Problems by where they go: the summary's, and each item's by form field."""

    summary: list[str] = field(default_factory=list)
    items: dict[int, dict[str, list[str]]] = field(default_factory=dict)


def place(problems: Iterable[Problem]) -> Placed:
    placed = Placed()
    for problem in problems:
        if problem.path == SUMMARY_PATH:
            placed.summary.append(problem.message)
            continue
        found = _ITEM_AT.match(problem.path)
        if found and found[2] in _ITEM_FIELDS:
            fields = placed.items.setdefault(int(found[1]), {})
            fields.setdefault(_ITEM_FIELDS[found[2]][0], []).append(problem.message)
    return placed


def first_invalid(
    summary: Any, summary_problems: dict[str, list[str]], panels: list[dict[str, Any]]
) -> str:
    """The id of the first field on the page with a problem, in the page's order; empty when
    none has one."""
    if summary_problems or summary.errors:
        return str(summary["summary"].auto_id)
    for panel in panels:
        if not panel.get("own"):
            continue
        form, placed = panel["form"], panel["field_problems"]
        # The form's fields are in the order the page shows them (ItemForm orders its rows).
        for name in form.fields:
            if name in placed or (form.is_bound and name in form.errors):
                return str(form[name].auto_id)
    return ""
