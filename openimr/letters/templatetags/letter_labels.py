"""Letter wording that pages show beside the letter's own content, and the letter set inside
a page."""

import re
from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from openimr.letters.domain.builder import why_label
from openimr.letters.selectors import configured_template

register = template.Library()


def _cites_mtus(citation: Any) -> bool:
    # A case's Item holds Citation objects; a published document's item holds dicts.
    return bool(citation.get("mtus") if isinstance(citation, Mapping) else citation.mtus)


@register.filter
def why_label_of(item: Any) -> str:
    """The label the letter gives ``item``'s reason for a source outside the MTUS (the
    organization's template wording), without its colon: a page sets it as a heading."""
    basis = item.get("reviewer_basis") if isinstance(item, Mapping) else item.reviewer_basis
    label = why_label(any(_cites_mtus(c) for c in basis or ()), configured_template())
    return label.rstrip(":")


_HEADING = re.compile(r"<(/?)h([1-4])\b")


@register.filter
def under_heading(letter_html: str, level: int = 2) -> SafeString:
    """The letter's HTML (our own, escaped when rendered) with its headings moved below a
    page heading of ``level``: its title becomes an h3 under the page's h2, so the page keeps
    one h1 and its outline in order (WCAG 1.3.1). Its look is kept by letter.css's classes."""
    shift = level  # h1 -> h(1 + level)
    return mark_safe(_HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + shift}", str(letter_html)))
