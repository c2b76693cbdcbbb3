"""Facet counts of a search (`openimr.decisions.search`): how many of the matches hold
each value of each filter. Values travel as parameters; the only text put into SQL is this
module's own."""

from collections import Counter
from collections.abc import Sequence
from typing import Any

from openimr.decisions.search_sql import FAMILIES, ids_in
from openimr.decisions.search_tags import specialty_key, specialty_spellings
from openimr.decisions.search_terms import Filters
from openimr.decisions.specialty_names import specialty_name

FACET_NAMES = ("outcome", "category", "specialty", "family", "mtus_based", "year", "priority")
FACET_VALUES_SHOWN = 30


_MATCHED_ITEMS = (
    "WITH m AS MATERIALIZED (SELECT decision_id, outcome, category, mtus_based, cites_mtus, "
    "cites_acoem, cites_odg, cites_other FROM decisions_decisionitem WHERE decision_id {ids}) "
)
# Each item facet's values, counted over the items that pass the other item filters: a
# search's item filters must all hold for one item, so a value counted over every item of
# a match would promise more letters than its link finds (27 shown, 21 found).
_ITEM_FACET_GROUPS = {
    "outcome": "SELECT 'outcome', outcome, count(DISTINCT decision_id) FROM m "
    "WHERE outcome <> ''{others} GROUP BY outcome",
    "category": "SELECT 'category', category, count(DISTINCT decision_id) FROM m "
    "WHERE 1 = 1{others} GROUP BY category",
    "mtus_based": "SELECT 'mtus_based', CASE WHEN mtus_based THEN 'yes' ELSE 'no' END, "
    "count(DISTINCT decision_id) FROM m WHERE 1 = 1{others} GROUP BY 2",
    **{
        f"family {f}": f"SELECT 'family', '{f}', count(DISTINCT decision_id) FROM m "
        f"WHERE cites_{f}{{others}}"
        for f in FAMILIES
    },
}


def _other_item_filters(filters: Filters, facet: str) -> tuple[str, list[Any]]:
    """The " AND ..." over the matched items for the active item filters but ``facet``'s own
    (its values are the alternatives to it), with their parameters."""
    clauses, params = [], []
    for name in ("outcome", "category", "mtus_based"):
        value = getattr(filters, name)
        if value is not None and name != facet:
            clauses.append(f"{name} = %s")
            params.append(value)
    if filters.family is not None and facet != "family":
        clauses.append(f"cites_{filters.family}")  # one of FAMILIES: checked at the edge
    return "".join(f" AND {clause}" for clause in clauses), params


def _item_facets(clause: str, param: Any, filters: Filters) -> tuple[str, list[Any]]:
    parts, params = [], [param]
    for key, group in _ITEM_FACET_GROUPS.items():
        others, values = _other_item_filters(filters, key.split()[0])
        parts.append(group.format(others=others))
        params += values
    return _MATCHED_ITEMS.format(ids=clause) + " UNION ALL ".join(parts), params


def facet_counts(
    cursor: Any, vendor: str, rows: Sequence[Any], filters: Filters
) -> dict[str, list[tuple[str, int]]]:
    """How many of the matches (id, year, priority) have each value of each filter (an item
    value on an item that passes the other item filters): the decision's own columns came
    with the matches; the items' are grouped in one statement over the matched items (one
    query per filter took several times longer)."""
    clause, param = ids_in(vendor, [row[0] for row in rows])
    tally: dict[str, Counter[str]] = {name: Counter() for name in FACET_NAMES}
    for _, year, priority in rows:
        if year is not None:
            tally["year"][str(year)] += 1
        if priority:
            tally["priority"][priority] += 1
    cursor.execute(*_item_facets(clause, param, filters))
    for name, value, count in cursor.fetchall():
        if count:
            tally[name][str(value)] += int(count)
    cursor.execute(
        f"SELECT specialty, count(*) FROM decisions_decisionspecialty WHERE decision_id {clause} "
        "GROUP BY specialty",
        [param],
    )
    tally["specialty"] = _specialties(cursor, clause, param, cursor.fetchall())
    return {name: _ordered(name, _own_value(name, c, filters)) for name, c in tally.items()}


def _specialties(
    cursor: Any, clause: str, param: Any, counted: Sequence[tuple[str, int]]
) -> Counter[str]:
    """How many of the matches name each specialty, the spellings of one specialty
    (`specialty_key`: "Physical Medicine & Rehabilitation" and "... and ...") counted
    together under its one name (`specialty_names`, as the analytics show it): the filter
    finds them all, so each listed apart showed fewer letters than its link found. The
    letters naming two spellings of one specialty are counted once (asked only when the
    matches hold two spellings)."""
    counts = {name: int(count) for name, count in counted}  # one row per spelling
    merged: Counter[str] = Counter()
    for names in specialty_spellings(counted):
        one = len(names) == 1
        letters = counts[names[0]] if one else _letters(cursor, clause, param, names)
        merged[specialty_name(names[0])] = letters
    return merged


def _letters(cursor: Any, clause: str, param: Any, names: Sequence[str]) -> int:
    """How many of the matches name any of these spellings."""
    marks = ", ".join(["%s"] * len(names))
    cursor.execute(
        "SELECT count(DISTINCT decision_id) FROM decisions_decisionspecialty "
        f"WHERE decision_id {clause} AND specialty IN ({marks})",
        [param, *names],
    )
    return int(cursor.fetchone()[0])


def _own_value(name: str, counter: Counter[str], filters: Filters) -> Counter[str]:
    """An active filter's own value alone: its other values, counted within its results,
    promised letters their links do not find (a value's link replaces the filter, so
    "Pharmaceuticals 97" within `category=surgery` led to every pharmaceutical letter)."""
    wanted = getattr(filters, name)
    if wanted is None:
        return counter
    if isinstance(wanted, bool):
        wanted = "yes" if wanted else "no"
    key = specialty_key if name == "specialty" else str.lower
    return Counter({v: n for v, n in counter.items() if key(v) == key(str(wanted))})


def _ordered(name: str, counter: Counter[str]) -> list[tuple[str, int]]:
    if name == "year":
        return sorted(counter.items(), reverse=True)
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_VALUES_SHOWN]
