"""The search page's two long lists, the hits and the filter counts, written in Python.

Django's template engine spends a few microseconds on every tag and variable: the twenty
hits and the hundred-odd filter values of a page were half its time, more than the search.
The markup is the template's, to the character (test_search_page_lists_escape_every_value);
every value is escaped (django.utils.html.escape: format_html's escaping without its
nested calls, a tenth of an uncached page), and the snippet is search's own escaped HTML."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from openimr.decisions.search import Hit

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def facet_values(values: Iterable[Mapping[str, Any]]) -> SafeString:
    """The <li> of one filter's values: the active one in bold, the others as links."""
    parts = []
    for v in values:
        if v["active"]:
            name = f"<strong>{escape(v['label'])}</strong>"
        else:
            name = f'<a href="{escape(v["href"])}">{escape(v["label"])}</a>'
        parts.append(f'<li>{name} <span class="count">{escape(v["count"])}</span></li>')
    return mark_safe("".join(parts) or '<li class="muted">none</li>')


def _when(hit: Hit) -> str:
    """Django's "F j, Y" in English (USE_I18N is off): "November 5, 2016"."""
    day = hit.decision_date
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}" if day else "date unknown"


def _items(hit: Hit) -> str:
    parts = []
    for treatment, outcome in hit.items:
        badge = ""
        if outcome:
            badge = f': <span class="badge {escape(outcome)}">{escape(capfirst(outcome))}</span>'
        parts.append(f"<li>{escape(treatment)}{badge}</li>")
    return "".join(parts)


def hit_html(hit: Hit) -> SafeString:
    """One hit's card, inside its <li>: number and date, the items with their outcome, the
    snippet (already escaped HTML, with <mark> around the words found)."""
    details: str = escape(_when(hit))
    if hit.priority:
        details = f"{details} · {escape(hit.priority)}"
    if hit.specialties:
        details = f"{details} · {escape(', '.join(hit.specialties))}"
    url = reverse("decisions:decision", args=[hit.case_number])
    return mark_safe(
        f'\n      <h3><a href="{escape(url)}">{escape(hit.case_number)}</a> '
        f'<span class="muted">{details}</span></h3>\n'
        f'      <ul class="items">{_items(hit)}</ul>\n'
        f'      <p class="snippet">{hit.snippet_html}</p>\n    '
    )
