"""One sentence under each statistics chart saying what it shows: the highest and lowest
values and the span of months, as a sighted reader takes them in from the bars. The chart's
image is described by it (aria-describedby), so that a screen reader hears more than the
chart's name (WCAG 1.1.1); everyone reads it."""

from collections.abc import Sequence

from openimr.decisions.analytics import Row, Tally
from openimr.decisions.domain.cohort import MIN_COHORT


def tally(rows: Sequence[Tally], counted: str) -> str:
    """A monthly count: the total and span, the busiest month and the quietest (the first
    of equals, in month order)."""
    if not rows:
        return ""
    total = sum(r.count for r in rows)
    if len(rows) == 1:
        # One month is no span, and its busiest month its quietest too.
        one = f"1 {counted.removesuffix('s')} in" if total == 1 else f"{total:,} {counted}, all in"
        return f"{one} {rows[0].key}."
    most = max(rows, key=lambda r: r.count)
    fewest = min(rows, key=lambda r: r.count)
    return (
        f"{total:,} {counted} from {rows[0].key} to {rows[-1].key}. "
        f"Most in {most.key}: {most.count:,}. Fewest in {fewest.key}: {fewest.count:,}."
    )


def rates(rows: Sequence[tuple[str, Row]]) -> str:
    """Rates by group, (label, row) in the chart's order: the highest and the lowest."""
    # Only the rates shown: a rate withheld over too few items is no one's highest.
    decided = [(label, row) for label, row in rows if row.rate is not None]
    if not decided:
        return _none_shown(rows, "row")
    high = max(decided, key=lambda r: r[1].overturned / r[1].count)
    low = min(decided, key=lambda r: r[1].overturned / r[1].count)
    items = "item" if high[1].count == 1 else "items"
    first = f"{high[0]}, {high[1].percent} of {high[1].count:,} {items} decided."
    if len(decided) == 1:
        return f"Overturn rate: {first}"
    return f"Highest overturn rate: {first} Lowest: {low[0]}, {low[1].percent} of {low[1].count:,}."


def trend(rows: Sequence[Row]) -> str:
    """A monthly rate: where it starts and ends, and its highest and lowest months (months
    with no rate, too few items decided, are passed over, as the line breaks there)."""
    decided = [r for r in rows if r.rate is not None]
    if not decided:
        return _none_shown(rows, "month")
    high = max(decided, key=lambda r: r.overturned / r.count)
    low = min(decided, key=lambda r: r.overturned / r.count)
    first, last = decided[0], decided[-1]
    if len(decided) == 1:
        others = len(rows) - 1
        if not others:
            return f"{first.percent} in {first.key}."
        return (
            f"{first.percent} in {first.key}, the only month with a rate: the other "
            f"{others:,} {'has' if others == 1 else 'have'} fewer than {MIN_COHORT} decided items."
        )
    return (
        f"From {first.percent} in {first.key} to {last.percent} in {last.key}. "
        f"Highest {high.percent} in {high.key}; lowest {low.percent} in {low.key}."
    )


def _none_shown(rows: Sequence[Row] | Sequence[tuple[str, Row]], each: str) -> str:
    """A chart drawn with no rate at all (too few items everywhere): said, not left blank."""
    if not rows:
        return ""
    return f"No overturn rate shown: every {each} has fewer than {MIN_COHORT} decided items."
