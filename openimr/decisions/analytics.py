"""Counts over the public corpus in the manner of the DWC's annual IMR report: letters and
applications per month, and the overturn rate by treatment category, guideline family,
reviewer specialty, priority and over time.

Rates count disputed items, as the DWC report does ("12.7% of denials overturned"): a letter
deciding three items counts three times; items without a decision are left out. Only the
corpus is read, so "applications" are the decided letters counted by the month their
application was received (ineligible and withdrawn applications are never published)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max

from openimr.core.rounding import half_up
from openimr.decisions.corpus import corpus_stamps
from openimr.decisions.domain.cohort import rate_shown
from openimr.decisions.models import Decision
from openimr.decisions.search_tags import specialty_spellings
from openimr.decisions.specialty_names import specialty_name

FIELDS = ("category", "family", "specialty", "year", "month", "priority", "outcome")
FAMILIES = ("mtus", "acoem", "odg", "other")
TOP_SPECIALTIES = 15
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Row:
    """Decided and overturned items of one group. The rate is withheld (None, "") below
    MIN_COHORT decided items (`domain/cohort.py`), on the page, in its charts and CSV files
    and in `corpus stats` alike; the counts are always given."""

    key: str
    count: int
    overturned: int

    @property
    def rate(self) -> float | None:
        return self.overturned / self.count if rate_shown(self.count) else None

    @property
    def percent(self) -> str:
        """The rate in percent to a tenth ("6.3%"), "" when withheld: the page and `corpus
        stats` print this one text."""
        return f"{half_up(self.overturned * 100, self.count, 1)}%" if self.rate is not None else ""

    @property
    def fraction(self) -> str:
        """The rate to four places ("0.0625"), "" when withheld: the CSV files' column."""
        return half_up(self.overturned, self.count, 4) if self.rate is not None else ""


@dataclass(frozen=True)
class Tally:
    key: str
    count: int


def _month(vendor: str, column: str) -> str:
    # Dates are ISO text in SQLite; Django's TruncMonth calls back into Python per row there,
    # which took half a minute over a million letters.
    if vendor == "postgresql":
        return f"to_char({column}, 'YYYY-MM')"
    return f"substr({column}, 1, 7)"


_ITEM_KEYS = {
    "category": ("i.category", ""),
    "outcome": ("i.outcome", ""),
    "year": ("d.year", "JOIN decisions_decision d ON d.id = i.decision_id"),
    "priority": ("d.priority", "JOIN decisions_decision d ON d.id = i.decision_id"),
    "month": ("", "JOIN decisions_decision d ON d.id = i.decision_id"),
    "specialty": (
        "p.specialty",
        "JOIN decisions_decisionspecialty p ON p.decision_id = i.decision_id",
    ),
}


def _grouped(field: str) -> list[Row]:
    vendor = connection.vendor
    key, join = _ITEM_KEYS[field]
    if field == "month":
        key = _month(vendor, "d.decision_date")
    sql = (
        f"SELECT {key}, count(*), sum(CASE WHEN i.outcome = 'overturned' THEN 1 ELSE 0 END) "
        f"FROM decisions_decisionitem i {join} WHERE i.outcome <> '' GROUP BY {key} ORDER BY 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return [Row(str(k), int(n), int(o or 0)) for k, n, o in rows if k not in (None, "")]


def by_family() -> list[Row]:
    """An item counts once in each family it cites."""
    sums = ", ".join(
        f"sum(CASE WHEN cites_{f} THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN cites_{f} AND outcome = 'overturned' THEN 1 ELSE 0 END)"
        for f in FAMILIES
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sums} FROM decisions_decisionitem WHERE outcome <> ''")
        found = [int(v or 0) for v in cursor.fetchone()]
    return [Row(f, found[2 * n], found[2 * n + 1]) for n, f in enumerate(FAMILIES)]


def _by_count(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (-r.count, r.key))


def by_specialty() -> list[Row]:
    """One row per specialty however its letters spell it, grouped as the search's filter
    and facet group them (`search_tags.specialty_spellings`: "Physical Medicine &
    Rehabilitation" and "... and Rehabilitation" are one), under the name the facets show
    (`specialty_names`: the spelling the most letters print; it was the one naming the most
    items). An item whose letter names two spellings of one specialty counts once."""
    rows = {r.key: r for r in _grouped("specialty")}
    groups = specialty_spellings((key, row.count) for key, row in rows.items())
    found = [rows[g[0]] if len(g) == 1 else _naming_any(g) for g in groups]
    return _by_count([Row(specialty_name(r.key), r.count, r.overturned) for r in found])


def _naming_any(spellings: list[str]) -> Row:
    """The decided items whose letter names any of these spellings."""
    marks = ", ".join(["%s"] * len(spellings))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), sum(CASE WHEN i.outcome = 'overturned' THEN 1 ELSE 0 END) "
            "FROM decisions_decisionitem i WHERE i.outcome <> '' AND EXISTS (SELECT 1 FROM "
            "decisions_decisionspecialty p WHERE p.decision_id = i.decision_id "
            f"AND p.specialty IN ({marks}))",
            spellings,
        )
        count, overturned = cursor.fetchone()
    return Row(spellings[0], int(count), int(overturned or 0))


_BY: dict[str, Callable[[], list[Row]]] = {
    "category": lambda: _by_count(_grouped("category")),
    "family": by_family,
    "specialty": by_specialty,
    # Every year and month from the first to the last: one that decided nothing is a row of
    # zeros (rate None), as the page's "over time" table and CSV show it.
    "year": lambda: _every_year(_grouped("year")),
    "month": lambda: _every_month(_grouped("month"), lambda month: Row(month, 0, 0)),
    "priority": lambda: _grouped("priority"),
    "outcome": lambda: _grouped("outcome"),
}


def overturn_by(field: str) -> list[Row]:
    """Items, overturned items and the overturn rate per value of ``field`` (one of FIELDS)."""
    return _BY[field]()


# The decided items ``overturn_by(field)`` cannot place: no value of the field (a letter of
# the 2013-2014 layout prints no decision date, so it has no year or month).
_UNPLACED = {
    "category": "coalesce(i.category, '') = ''",
    "family": "NOT (i.cites_mtus OR i.cites_acoem OR i.cites_odg OR i.cites_other)",
    "specialty": "NOT EXISTS (SELECT 1 FROM decisions_decisionspecialty p "
    "WHERE p.decision_id = i.decision_id)",
    "year": "d.year IS NULL",
    "month": "d.decision_date IS NULL",
    "priority": "coalesce(d.priority, '') = ''",
    "outcome": "1 = 0",
}


def items_left_out(field: str) -> int:
    """How many decided items ``overturn_by(field)`` leaves out for want of a value."""
    sql = (
        "SELECT count(*) FROM decisions_decisionitem i "
        "JOIN decisions_decision d ON d.id = i.decision_id "
        f"WHERE i.outcome <> '' AND ({_UNPLACED[field]})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return int(cursor.fetchone()[0])


def _per_month(field: str) -> list[Tally]:
    month = _month(connection.vendor, field)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {month}, count(*) FROM decisions_decision WHERE {field} IS NOT NULL "
            "GROUP BY 1 ORDER BY 1"
        )
        return [Tally(str(k), int(n)) for k, n in cursor.fetchall()]


def undated() -> list[Tally]:
    """How many letters each monthly chart leaves out: no decision date (the 2013-2014
    layout prints none), no application date; and the decided items of the letters with no
    decision date, which the rate-over-time chart (counting items) leaves out."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sum(CASE WHEN decision_date IS NULL THEN 1 ELSE 0 END), "
            "sum(CASE WHEN application_received_date IS NULL THEN 1 ELSE 0 END) "
            "FROM decisions_decision"
        )
        decided, received = cursor.fetchone()
    return [
        Tally("decision", int(decided or 0)),
        Tally("application", int(received or 0)),
        Tally("decision_items", items_left_out("month")),
    ]


def totals() -> list[Tally]:
    """The corpus's letters, decided items and overturned items: the figures the page
    opens with, which each chart's table adds up to (with what its note says it leaves
    out), as the DWC report opens with its totals."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM decisions_decision")
        letters = int(cursor.fetchone()[0])
        cursor.execute(
            "SELECT count(*), sum(CASE WHEN outcome = 'overturned' THEN 1 ELSE 0 END) "
            "FROM decisions_decisionitem WHERE outcome <> ''"
        )
        items, overturned = cursor.fetchone()
    return [
        Tally("letters", letters),
        Tally("items", int(items)),
        Tally("overturned", int(overturned or 0)),
    ]


_Keyed = TypeVar("_Keyed", Tally, Row)


def not_shown(specialties: list[Row]) -> list[Tally]:
    """What the rate charts leave out, for the page to say: the specialties past the
    TOP_SPECIALTIES most frequent (not drawn, but in the table and the CSV), and the
    decided items no row of a chart holds (an item citing no guideline family, a letter
    naming no specialty)."""
    others = specialties[TOP_SPECIALTIES:]
    return [
        Tally("specialties", len(others)),
        Tally("specialty_items", sum(r.count for r in others)),
        Tally("family", items_left_out("family")),
        Tally("specialty", items_left_out("specialty")),
        Tally("category", items_left_out("category")),
    ]


def letters_per_month() -> list[Tally]:
    return _every_month(_per_month("decision_date"), lambda month: Tally(month, 0))


def applications_per_month() -> list[Tally]:
    return _every_month(_per_month("application_received_date"), lambda month: Tally(month, 0))


def overturn_by_month() -> list[Row]:
    """``overturn_by("month")``: with the months between that decided nothing, rate None."""
    return overturn_by("month")


def _every_month(rows: list[_Keyed], empty: Callable[[str], _Keyed]) -> list[_Keyed]:
    """``rows`` ("YYYY-MM" keys, in order) with the months between the first and the last
    that have none added, empty: a chart drawn from the rows alone put the months either
    side of a gap next to each other, and its table hid that nothing was decided then."""
    if not rows:
        return rows
    found = {r.key: r for r in rows}
    year, month = map(int, rows[0].key.split("-"))
    last = tuple(map(int, rows[-1].key.split("-")))
    out = []
    while (year, month) <= last:
        key = f"{year:04d}-{month:02d}"
        out.append(found.get(key) or empty(key))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _every_year(rows: list[Row]) -> list[Row]:
    """``rows`` (year keys, in order) with the years between that have none, as empty rows."""
    if not rows:
        return rows
    found = {r.key: r for r in rows}
    years = range(int(rows[0].key), int(rows[-1].key) + 1)
    return [found.get(str(year)) or Row(str(year), 0, 0) for year in years]


def _fingerprint() -> str:
    """The corpus's stamps (openimr.decisions.corpus): new at every write, and at a restore,
    whose ids repeat those of letters added after the backup. Without them (triggers
    missing), the number of letters and the last id, which miss a correction."""
    stamps = corpus_stamps()
    if stamps is not None:
        return f"decisions-analytics:{stamps.written}:{stamps.removal}"
    found = Decision.objects.aggregate(n=Count("id"), last=Max("id"))
    return f"decisions-analytics:{found['n']}:{found['last']}"


def report() -> dict[str, list[Row] | list[Tally]]:
    """Every chart's data, cached until the corpus changes (the grouped counts over a
    million letters take seconds)."""
    key = _fingerprint()
    cached = cache.get(key)
    if cached is not None:
        return dict(cached)
    specialties = overturn_by("specialty")
    data: dict[str, list[Row] | list[Tally]] = {
        "letters": letters_per_month(),
        "applications": applications_per_month(),
        "category": overturn_by("category"),
        "family": overturn_by("family"),
        # Every specialty: the table and the CSV hold them all, the chart draws the top ones.
        "specialty": specialties,
        "over_time": overturn_by_month(),
        "undated": undated(),
        "totals": totals(),
        "not_shown": not_shown(specialties),
    }
    cache.set(key, data, CACHE_SECONDS)
    return data
