"""Letter wording that pages show beside the letter's own content."""

from collections.abc import Mapping
from typing import Any

from django import template

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
