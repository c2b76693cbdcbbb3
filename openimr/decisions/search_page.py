"""The search page's two long lists, the hits and the filter counts, written in Python.

Django's template engine spends a few microseconds on every tag and variable: the twenty
hits and the hundred-odd filter values of a page were half its time, more than the search.
The markup is the template's, to the character (test_search_page_lists_are_the_templates);
every value is escaped by format_html, and the snippet is search's own escaped HTML."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from openimr.decisions.search import Hit


def facet_values(values: Iterable[Mapping[str, Any]]) -> SafeString:
    """The <li> of one filter's values: the active one in bold, the others as links."""
    parts = []
    for v in values:
        if v["active"]:
            name = format_html("<strong>{}</strong>", v["label"])
        else:
            name = format_html('<a href="{}">{}</a>', v["href"], v["label"])
        parts.append(format_html('<li>{} <span class="count">{}</span></li>', name, v["count"]))
    return mark_safe("".join(parts) or '<li class="muted">none</li>')


def _when(hit: Hit) -> str:
    return date_format(hit.decision_date, "F j, Y") if hit.decision_date else "date unknown"


def _items(hit: Hit) -> str:
    parts = []
    for treatment, outcome in hit.items:
        if outcome:
            badge = format_html(
                ': <span class="badge {}">{}</span>', outcome, capfirst(outcome) or ""
            )
        else:
            badge = mark_safe("")
        parts.append(format_html("<li>{}{}</li>", treatment, badge))
    return "".join(parts)


def hit_html(hit: Hit) -> SafeString:
    """One hit's card, inside its <li>: number and date, the items with their outcome, the
    snippet (already escaped HTML, with <mark> around the words found)."""
    details = _when(hit)
    if hit.priority:
        details = format_html("{} · {}", details, hit.priority)
    if hit.specialties:
        details = format_html("{} · {}", details, ", ".join(hit.specialties))
    return format_html(
        '\n      <h3><a href="{}">{}</a> <span class="muted">{}</span></h3>\n'
        '      <ul class="items">{}</ul>\n'
        '      <p class="snippet">{}</p>\n    ',
        reverse("decisions:decision", args=[hit.case_number]),
        hit.case_number,
        details,
        mark_safe(_items(hit)),
        mark_safe(hit.snippet_html),
    )
