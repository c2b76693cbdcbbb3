"""The public statistics page (/decisions/analytics/) and each chart's data as CSV."""

import io
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from openimr.core.clock import local_date, now
from openimr.decisions import analytics, analytics_summary, analytics_svg
from openimr.decisions.domain.cohort import MIN_COHORT
from openimr.decisions.domain.spreadsheet import SpreadsheetCsv
from openimr.decisions.search_terms import plain
from openimr.decisions.views import label


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    kind: str  # "tally" per month, "rate" per group, "trend" rate per month
    key_title: str
    file: str  # what the CSV holds, in its file name


CHARTS = (
    Chart(
        "letters", "Final Determination Letters per month", "tally", "Month", "letters-per-month"
    ),
    Chart(
        "applications",
        "Applications per month (decided letters, by receipt)",
        "tally",
        "Month",
        "applications-per-month",
    ),
    Chart(
        "category",
        "Overturn rate by treatment category",
        "rate",
        "Treatment category",
        "overturn-rate-by-treatment-category",
    ),
    Chart(
        "family",
        "Overturn rate by guideline family cited",
        "rate",
        "Guideline family",
        "overturn-rate-by-guideline-family",
    ),
    Chart(
        "specialty",
        "Overturn rate by reviewer specialty",
        "rate",
        "Reviewer specialty",
        "overturn-rate-by-reviewer-specialty",
    ),
    Chart("over_time", "Overturn rate over time", "trend", "Month", "overturn-rate-per-month"),
)
_BY_NAME = {c.name: c for c in CHARTS}
_LABELS = {"category": "category", "family": "family"}


def _label(chart: Chart, key: str) -> str:
    return label(_LABELS[chart.name], key) if chart.name in _LABELS else key


def _counted(chart: Chart) -> str:
    return "applications" if chart.name == "applications" else "letters"


def _rate(row: analytics.Row) -> str:
    return row.percent or "—"


def _table(chart: Chart, rows: list[Any]) -> tuple[list[str], list[list[str]]]:
    if chart.kind == "tally":
        return [chart.key_title, _counted(chart).capitalize()], [
            [r.key, str(r.count)] for r in rows
        ]
    head = [chart.key_title, "Items decided", "Overturned", "Overturn rate"]
    return head, [[_label(chart, r.key), str(r.count), str(r.overturned), _rate(r)] for r in rows]


def _svg(chart: Chart, rows: list[Any]) -> str:
    described_by = f"chart-{chart.name}-summary"
    if chart.kind == "tally":
        points = [(r.key, r.count) for r in rows]
        return analytics_svg.columns(chart.title, points, described_by=described_by)
    if chart.kind == "trend":
        points = [(r.key, r.rate) for r in rows]
        return analytics_svg.columns(chart.title, points, line=True, described_by=described_by)
    bars = [(_label(chart, r.key), r.rate or 0.0, _bar_text(r)) for r in _drawn(chart, rows)]
    return analytics_svg.bars(chart.title, bars, described_by=described_by)


def _bar_text(row: analytics.Row) -> str:
    if row.percent:
        return f"{row.percent} of {row.count:,}"
    return f"no rate: {row.count:,} item{'' if row.count == 1 else 's'}"


def _withheld(chart: Chart, rows: list[Any]) -> str:
    """A rate chart's rows with too few decided items for a rate (`domain/cohort.py`)."""
    if chart.kind == "tally":
        return ""
    few = sum(1 for r in rows if 0 < r.count < MIN_COHORT)
    if not few:
        return ""
    row = "month" if chart.kind == "trend" else "row"
    rows_show = f"1 {row} shows" if few == 1 else f"{few:,} {row}s show"
    return (
        f"{rows_show} no rate (—): fewer than {MIN_COHORT} decided items, too few for a rate "
        "that means more than chance, as the precedent panel does not show one either."
    )


def _drawn(chart: Chart, rows: list[Any]) -> list[Any]:
    """The rows a rate chart draws: the specialties with the most decided items only."""
    return rows[: analytics.TOP_SPECIALTIES] if chart.name == "specialty" else rows


def _summary(chart: Chart, rows: list[Any]) -> str:
    if chart.kind == "tally":
        return analytics_summary.tally(rows, _counted(chart))
    if chart.kind == "trend":
        return analytics_summary.trend(rows)
    return analytics_summary.rates([(_label(chart, r.key), r) for r in _drawn(chart, rows)])


# The monthly charts place a letter by a date some letters do not print.
_DATED_BY = {"letters": "decision", "over_time": "decision", "applications": "application"}


def _left_out(chart: Chart, undated: dict[str, int], not_shown: dict[str, int]) -> str:
    if chart.kind == "rate":
        return _not_shown(chart, not_shown)
    missing = undated.get(_DATED_BY.get(chart.name, ""), 0)
    if not missing:
        return ""
    one = missing == 1
    letters = "1 letter" if one else f"{missing:,} letters"
    if chart.kind == "trend":
        # This chart counts items: its table adds up to the decided items less these.
        items = undated.get("decision_items", 0)
        letters += f" ({items:,} decided item{'' if items == 1 else 's'})"
    verb, are = ("prints", "is") if one else ("print", "are")
    return f"{letters} {verb} no {_DATED_BY[chart.name]} date and {are} not counted here."


_NO_VALUE = {
    "category": "has no treatment category",
    "family": "cites no guideline family",
    "specialty": "has no reviewer specialty",
}


def _not_shown(chart: Chart, not_shown: dict[str, int]) -> str:
    """A rate chart's rows do not hold every decided item: say what they leave out."""
    notes = []
    others = not_shown.get("specialties", 0) if chart.name == "specialty" else 0
    if others:
        items = not_shown.get("specialty_items", 0)
        notes.append(
            f"The chart draws the {analytics.TOP_SPECIALTIES} specialties with the most decided "
            f"items; {others:,} other{'s' if others > 1 else ''} ({items:,} decided items) "
            f"{'are' if others > 1 else 'is'} in the table and the CSV only."
        )
    missing = not_shown.get(chart.name, 0)
    if missing == 1:
        notes.append(f"1 decided item {_NO_VALUE[chart.name]} and is not counted here.")
    elif missing:
        plural = _NO_VALUE[chart.name].replace("cites", "cite").replace("has", "have")
        notes.append(f"{missing:,} decided items {plural} and are not counted here.")
    return " ".join(notes)


# A rate chart whose rows may hold an item more than once: its table adds up to more than
# the items decided, which the page says rather than leave the reader to find it.
_COUNTED_IN_EACH = {
    "family": "An item citing several guideline families counts in each",
    "specialty": "A letter naming several reviewer specialties counts its items under each",
}


def _overlap(chart: Chart, rows: list[Any], items: int) -> str:
    if chart.name not in _COUNTED_IN_EACH or sum(r.count for r in rows) <= items:
        return ""
    return f"{_COUNTED_IN_EACH[chart.name]}: the rows add up to more than the items decided."


# A parameter's name is echoed at most this long: enough to recognise a mistyped one.
_NAME_SHOWN = 40


def _refused(request: HttpRequest) -> str:
    """Why an address with a parameter gets no statistics, "" when it has none. The figures
    are the whole corpus's: answering `?year=2016` with them, the year passed over in
    silence, let a reader quote every year's figures as 2016's."""
    if not request.GET:
        return ""
    names = []
    for name in dict.fromkeys(request.GET):
        # A NUL or a text-direction control is shown as a space, as the search shows it.
        shown = plain(name)
        cut = shown[:_NAME_SHOWN] + "…" if len(shown) > _NAME_SHOWN else shown
        names.append(f"“{cut}”")
    one = len(names) == 1
    return (
        "The statistics cover the whole corpus and take no parameter: "
        f"{', '.join(names)} {'is not one' if one else 'are not'}. "
        "To count part of the corpus, filter the published decisions by year, category, "
        "specialty or guideline family on the decision search."
    )


@require_safe
def analytics_page(request: HttpRequest) -> HttpResponse:
    if problem := _refused(request):
        return render(request, "decisions/analytics.html", {"problem": problem}, status=400)
    data = analytics.report()
    undated = {t.key: t.count for t in data["undated"]}
    not_shown = {t.key: t.count for t in data["not_shown"]}
    totals = {t.key: t.count for t in data["totals"]}
    charts = []
    for chart in CHARTS:
        rows = list(data[chart.name])
        head, body = _table(chart, rows)
        notes = (
            _left_out(chart, undated, not_shown),
            _overlap(chart, rows, totals["items"]),
            _withheld(chart, rows),
        )
        charts.append(
            {
                "chart": chart,
                "svg": mark_safe(_svg(chart, rows)),
                "summary": _summary(chart, rows),
                "head": head,
                "rows": body,
                "left_out": " ".join(n for n in notes if n),
            }
        )
    context = {"charts": charts, "totals": _totals(totals), "min_cohort": MIN_COHORT}
    return render(request, "decisions/analytics.html", context)


def _totals(totals: dict[str, int]) -> str:
    """The figures each table adds up to: letters, items decided, overturned, overall rate."""
    letters, items, overturned = totals["letters"], totals["items"], totals["overturned"]
    if not letters:
        return ""
    rate = analytics.Row("all", items, overturned).percent
    return (
        f"The corpus holds {letters:,} letter{'' if letters == 1 else 's'} deciding "
        f"{items:,} item{'' if items == 1 else 's'}, {overturned:,} of them overturned"
        f"{f' ({rate})' if rate else ''}."
    )


# The `corpus stats --by` field each rate chart counts by (the others by their own name).
_FIELD = {"over_time": "month"}


@require_safe
def analytics_csv(request: HttpRequest, chart: str) -> HttpResponse:
    found = _BY_NAME.get(chart)
    if found is None:
        raise Http404(f"no chart {chart}")
    if problem := _refused(request):
        return HttpResponse(problem, status=400, content_type="text/plain; charset=utf-8")
    rows: list[Any] = list(analytics.report()[found.name])
    out = io.StringIO()
    if found.kind == "tally":
        tally = SpreadsheetCsv(out, ["month", _counted(found)])
        for r in rows:
            tally.row([r.key, r.count])
    else:
        # The first column named for what it holds, as `corpus stats --by FIELD` heads it:
        # "key" said nothing to a reader of the spreadsheet.
        first = _FIELD.get(found.name, found.name)
        rates = SpreadsheetCsv(out, [first, "count", "overturned", "rate"])
        for r in rows:
            rates.row([r.key, r.count, r.overturned, r.fraction])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    # What the file holds and the day (California's) its figures were taken: two downloads
    # of one chart on two days no longer share a name, nor two charts' files a vague one.
    day = local_date(now()).isoformat()
    response["Content-Disposition"] = f'attachment; filename="imr-{found.file}-{day}.csv"'
    return response
