"""Where each citation of an item's basis stands, as the reviewer orders it. The letter prints
the basis's MTUS and non-MTUS citations each under its own heading, in the basis's order; the
forms list catalog entries apart from free citations, so without a position a catalog entry
moved before the free citations the reviewer had put first, on any save of the item.

Each citation of the forms has a position box: a chosen catalog entry's, named after the
entry, and each free-citation row's. Reopened, the boxes hold the stored order (1, 2, ...),
so a save leaves it as it was; a citation with no position goes after those with one, in
the form's order (catalog entries, then free rows)."""

from typing import Any

from django import forms

from openimr.core.case import Citation
from openimr.guidelines.domain.catalog import Catalog
from openimr.review.selectors import entry_citation

POSITION_MAX = 999
# A catalog entry, by its id, with its position; a free-citation row's text, MTUS flag and
# position (several citations of one row, separated by ";", share its place).
Chosen = tuple[str, int | None]
FreeRow = tuple[str, bool, int | None]


def position_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=POSITION_MAX,
        label=label,
        widget=forms.NumberInput(attrs={"size": 3, "class": "position"}),
    )


def catalog_position_name(item: str, entry_id: str) -> str:
    """The name of a chosen catalog entry's position box (``item``: "_<n>" on the amend
    form, which holds every item)."""
    return f"basis_position{item}_{entry_id}"


def ordered(catalog: Catalog, chosen: list[Chosen], free: list[FreeRow]) -> tuple[Citation, ...]:
    """The basis a form names, in the reviewer's order: by position, then in the form's order
    (the chosen catalog entries as the letter cites them, then the free citations, each
    row's with that row's MTUS flag)."""
    placed: list[tuple[int | None, Citation]] = []
    for entry_id, position in chosen:
        entry = catalog.get(entry_id)
        if entry:
            placed.append((position, Citation(entry.family == "mtus", entry_citation(entry))))
    for text, mtus, position in free:
        placed += [(position, Citation(mtus, t)) for t in row_citations(text)]
    order = sorted(range(len(placed)), key=lambda i: _key(placed[i][0], i))
    return tuple(placed[i][1] for i in order)


def row_citations(text: str) -> list[str]:
    """The citations of one free-citation row: several, separated by ";", share its row."""
    return [t.strip() for t in text.split(";") if t.strip()]


def _key(position: int | None, index: int) -> tuple[bool, int, int]:
    return position is None, position or 0, index


class CatalogPositions:
    """The position boxes of a form's catalog entries: one for each entry chosen when the
    form was shown (its initial basis) or sent (the posted one)."""

    def __init__(self, form: forms.Form, item: str, basis: str, catalog: Catalog) -> None:
        self.form, self.item, self.basis = form, item, basis
        chosen = list(form.initial.get(basis) or ())
        if form.is_bound:
            chosen += form.data.getlist(form.add_prefix(basis))  # type: ignore[attr-defined]
        self.ids = [i for i in dict.fromkeys(chosen) if catalog.get(i)]
        for entry_id in self.ids:
            entry = catalog.get(entry_id)
            assert entry is not None
            label = f"Position in the basis of {entry_citation(entry)}"
            form.fields[catalog_position_name(item, entry_id)] = position_field(label)

    def names(self) -> list[str]:
        return [catalog_position_name(self.item, i) for i in self.ids]

    def bound(self) -> list[forms.BoundField]:
        return [self.form[name] for name in self.names()]

    def chosen(self) -> list[Chosen]:
        data: dict[str, Any] = self.form.cleaned_data
        names = (catalog_position_name(self.item, i) for i in data[self.basis])
        return [(i, data.get(n)) for i, n in zip(data[self.basis], names, strict=True)]


def initial_positions(
    stored: tuple[Citation, ...], catalog_ids: dict[str, str], item: str
) -> tuple[list[str], list[tuple[Citation, int]], dict[str, int]]:
    """From a stored basis: the chosen catalog ids, the free citations with their positions,
    and the position boxes' values of the chosen entries (1, 2, ... in stored order)."""
    chosen: list[str] = []
    free: list[tuple[Citation, int]] = []
    positions: dict[str, int] = {}
    for position, citation in enumerate(stored, 1):
        entry_id = catalog_ids.get(citation.citation)
        if entry_id is None:
            free.append((citation, position))
        else:
            chosen.append(entry_id)
            positions.setdefault(catalog_position_name(item, entry_id), position)
    return chosen, free, positions
