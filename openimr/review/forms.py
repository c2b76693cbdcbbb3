"""The workspace's forms: declared fields validate the shape of the input at the edge; the
rules (evidence hierarchy, page markers) run in the services, which refuse with problems the
view shows at the item."""

import json
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator

from openimr.cases.interchange import SCHEMA_PATH
from openimr.core.case import Citation, Decision, Item
from openimr.guidelines.domain.catalog import Catalog
from openimr.guidelines.domain.hierarchy import hierarchy_rank
from openimr.review.basis_positions import (
    CatalogPositions,
    FreeRow,
    initial_positions,
    ordered,
    position_field,
)
from openimr.review.checklists import fact_fields
from openimr.review.pasted import WrittenField, unprintable_at
from openimr.review.repeated_citations import refuse_repeats
from openimr.review.selectors import entry_citation
from openimr.review.services import BasisCorrection, ItemInput
from openimr.review.sources import without_markers
from openimr.review.widgets import Select, SelectMultiple

DECISIONS = [("", "Not decided yet"), *((d.value, d.label) for d in Decision)]
YES_NO = [("", "Not stated in the records"), ("yes", "Yes"), ("no", "No")]
_TEXT = {"rows": 6, "cols": 90}


def _limits() -> tuple[int, int, int, int]:
    """The case format's limits (openimr.case-1.schema.json), the one place they are set: a
    summary, a rationale, a reason for leaving the MTUS or a citation longer than the case
    may hold would be saved, then refused by every export and import of the case; one the
    case holds (an imported citation) must save unchanged."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    item = schema["properties"]["items"]["items"]["properties"]
    return (
        schema["properties"]["clinical_summary"]["maxLength"],
        item["rationale"]["maxLength"],
        item["why_not_mtus"]["maxLength"],
        item["reviewer_basis"]["items"]["properties"]["citation"]["maxLength"],
    )


SUMMARY_MAX, RATIONALE_MAX, WHY_NOT_MTUS_MAX, CITATION_MAX = _limits()
# Blank free-citation rows after the stored ones: an MTUS and a non-MTUS source can be
# added in one save, without script.
FREE_BLANK_ROWS = 2
# The most free-citation rows one post is read for: a post cannot make a form of any size.
FREE_ROWS_MAX = 50


class PrintedLength(MaxLengthValidator):
    """At most ``limit`` characters as the letter prints the text: its page markers, which
    the letter replaces by reference numbers, are not counted."""

    message = (
        "Ensure this text has at most %(limit_value)s characters as the letter prints it "
        "(page markers not counted); it has %(show_value)s."
    )

    def clean(self, x: str) -> int:  # type: ignore[override]
        return len(without_markers(x))

    def __call__(self, value: Any) -> None:
        cleaned = self.clean(value)
        if self.compare(cleaned, self.limit_value):
            params = {"limit_value": f"{self.limit_value:,}", "show_value": f"{cleaned:,}"}
            raise forms.ValidationError(self.message, code=self.code, params=params)


class LimitedLength(PrintedLength):
    """At most ``limit`` characters, counted as written (the text takes no page markers)."""

    message = "Ensure this text has at most %(limit_value)s characters; it has %(show_value)s."

    def clean(self, x: str) -> int:  # type: ignore[override]
        return len(x)


def printable(value: str) -> None:
    """What the reviewer and QA write prints in the letter served on the parties and
    published: no control character, no text-direction control (as an application's texts,
    openimr.core.text.unprintable)."""
    wrong = unprintable_at(value)
    if wrong:
        raise forms.ValidationError(wrong, code="unprintable")


def _marked_text(limit: int, **kwargs: Any) -> forms.CharField:
    return WrittenField(validators=[printable, PrintedLength(limit)], **kwargs)


def _text(**kwargs: Any) -> forms.CharField:
    validators = [printable, *kwargs.pop("validators", ())]
    return WrittenField(validators=validators, **kwargs)


def basis_choices(catalog: Catalog) -> list[tuple[str, list[tuple[str, str]]]]:
    """The catalog grouped by family, in the order of the evidence hierarchy: the MTUS first
    (LC 4610.5(c)(2); 8 CCR 9792.21.1)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in sorted(catalog.entries, key=lambda e: hierarchy_rank(e.family)):
        label = "MTUS" if entry.family == "mtus" else entry.family.replace("_", " ").upper()
        groups.setdefault(label, []).append((entry.id, entry_citation(entry)))
    return list(groups.items())


class SummaryForm(forms.Form):
    summary = _marked_text(
        SUMMARY_MAX,
        widget=forms.Textarea(attrs={**_TEXT, "rows": 12}),
        required=False,
        strip=True,
        label="Clinical case summary",
    )
    # The saved summary the page was opened on (sources.summary_version); empty: not known.
    based_on = forms.CharField(widget=forms.HiddenInput, required=False)


class ItemForm(forms.Form):
    # Labels as the page shows them: a refusal names the field by its label, and the
    # field's name ("why_not_mtus") is the case format's, which no reviewer reads.
    decision = forms.ChoiceField(choices=DECISIONS, required=False, widget=Select, label="Decision")
    basis = forms.MultipleChoiceField(
        required=False,
        widget=SelectMultiple(attrs={"size": 8}),
        label="Basis from the guideline catalog",
    )
    why_not_mtus = _text(
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
        validators=[LimitedLength(WHY_NOT_MTUS_MAX)],
        label="Why the MTUS does not apply",
    )
    rationale = _marked_text(
        RATIONALE_MAX,
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
        label="Decision rationale",
    )
    # The saved item the page was opened on (sources.item_version); empty: not known.
    based_on = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        self.fields["basis"].choices = basis_choices(catalog)  # type: ignore[attr-defined]
        self.positions = CatalogPositions(self, "", "basis", catalog)
        self.free = FreeRows(self, "", "Free citation {row}")
        self.order_fields(["decision", "basis", *self.positions.names(), *self.free.names()])

    def clean(self) -> dict[str, Any] | None:
        self.free.check()
        refuse_repeats(self, "basis", self.free.rows(), self.catalog)
        return super().clean()

    def free_rows(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        """Each free-citation row's text, MTUS tick box and position, as the page shows them."""
        return [
            (self[text], self[mtus], self[free_position_name(row, "")])
            for row, (text, mtus) in enumerate(self.free.rows())
        ]

    def catalog_positions(self) -> list[forms.BoundField]:
        """The position box of each chosen catalog entry, as the page shows them."""
        return self.positions.bound()

    def entry(self, position: int) -> ItemInput:
        """The cleaned form as the service takes it."""
        data = self.cleaned_data
        basis = ordered(self.catalog, self.positions.chosen(), self.free.cleaned())
        return ItemInput(
            position=position,
            decision=Decision(data["decision"]) if data["decision"] else None,
            basis=basis,
            why_not_mtus=data["why_not_mtus"],
            rationale=data["rationale"],
            based_on=data["based_on"],
        )


def item_initial(item: Item, catalog: Catalog, rationale_input: str | None) -> dict[str, Any]:
    """The form's values from the stored item: a citation that is a catalog entry's is
    chosen in the list; any other takes a free-citation row of its own, with its own MTUS
    flag, so that a mixed basis (an MTUS and an ODG citation) saves back as stored; each
    citation's position box holds its place in the stored basis, so that it saves back in
    the reviewer's order (openimr.review.basis_positions)."""
    chosen, free, positions = _chosen_and_free(item, catalog, "")
    return {
        "decision": item.decision.value if item.decision else "",
        "basis": chosen,
        **positions,
        **free_initial(free, ""),
        "why_not_mtus": item.why_not_mtus or "",
        "rationale": rationale_input if rationale_input is not None else item.rationale or "",
    }


def _chosen_and_free(
    item: Item, catalog: Catalog, tail: str
) -> tuple[list[str], list[tuple[Citation, int]], dict[str, int]]:
    by_text = {entry_citation(e): e.id for e in catalog.entries}
    return initial_positions(item.reviewer_basis, by_text, tail)


def free_names(row: int, item: str) -> tuple[str, str]:
    """The names of a free-citation row's text and MTUS tick box (``item``: "_<n>" on the
    amend form, which holds every item). Row 0 keeps the names of the one free citation the
    forms had before: a page opened before an upgrade, or kept while the session had ended
    (openimr.review.unsaved), still saves its citation."""
    tail = f"{item}_{row}" if row else item
    return f"free_citation{tail}", f"free_is_mtus{tail}"


def free_position_name(row: int, item: str) -> str:
    """The name of a free-citation row's position box (openimr.review.basis_positions)."""
    return f"free_position{item}_{row}" if row else f"free_position{item}"


def free_initial(free: list[tuple[Citation, int]], item: str) -> dict[str, Any]:
    """The initial values of the free-citation rows: each citation its own row, flag and
    position in the stored basis."""
    values: dict[str, Any] = {}
    for row, (c, position) in enumerate(free):
        text, mtus = free_names(row, item)
        values |= {text: c.citation, mtus: c.mtus, free_position_name(row, item): position}
    return values


class FreeRows:
    """A form's free citations, a row each with its own MTUS tick box: the letter prints
    MTUS and non-MTUS sources under their own headings (LC 4610.5(c)(2); 8 CCR 9792.21.1),
    and one tick box for all of them saved a mixed basis as all MTUS. The stored rows and
    FREE_BLANK_ROWS blank ones when the form is shown; the posted ones when it is sent."""

    def __init__(self, form: forms.Form, item: str, label: str) -> None:
        self.form, self.item = form, item
        present = self._present()
        self.too_many = form.is_bound and present > FREE_ROWS_MAX
        self.count = min(present, FREE_ROWS_MAX) if form.is_bound else present + FREE_BLANK_ROWS
        for row, (text, mtus) in enumerate(self.rows()):
            words = label.format(row=row + 1)
            form.fields[text] = _text(max_length=CITATION_MAX, required=False, label=words)
            form.fields[mtus] = forms.BooleanField(
                required=False, label=f"{words} is part of the MTUS"
            )
            position = free_position_name(row, item)
            form.fields[position] = position_field(f"Position in the basis of {words.lower()}")

    def _present(self) -> int:
        values, name_of = (
            (self.form.data, self.form.add_prefix)
            if self.form.is_bound
            else (self.form.initial, str)
        )
        # A post is read for one row past the most, to refuse it; a stored basis is shown
        # whole, however many rows it takes.
        most = FREE_ROWS_MAX if self.form.is_bound else len(values)
        rows = 0
        while rows <= most and name_of(free_names(rows, self.item)[0]) in values:
            rows += 1
        return rows

    def rows(self) -> list[tuple[str, str]]:
        return [free_names(row, self.item) for row in range(self.count)]

    def names(self) -> list[str]:
        return [
            name
            for n, row in enumerate(self.rows())
            for name in (*row, free_position_name(n, self.item))
        ]

    def check(self) -> None:
        if self.too_many:
            raise forms.ValidationError(
                f"at most {FREE_ROWS_MAX} free-citation rows are read: put several citations "
                "with the same MTUS flag in one row, separated by semicolons",
                code="free_rows",
            )

    def cleaned(self) -> list[FreeRow]:
        data = self.form.cleaned_data
        return [
            (data[text], bool(data[mtus]), data[free_position_name(n, self.item)])
            for n, (text, mtus) in enumerate(self.rows())
        ]


class ChecklistForm(forms.Form):
    """The facts a criteria checklist asks for, built from its facts dataclass."""

    # Shares the item's <form>: a browser must not refuse to save the item for want of facts.
    use_required_attribute = False

    def __init__(self, *args: Any, checklist: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, kind, choices in fact_fields(checklist):
            label = name.replace("_", " ").capitalize()
            field: forms.Field
            if kind == "count":
                field = forms.IntegerField(min_value=0, max_value=999, label=label)
            elif kind == "optional_count":
                field = forms.IntegerField(min_value=0, max_value=999, label=label, required=False)
            elif kind == "choice":
                field = forms.ChoiceField(
                    choices=[(c, c) for c in choices], label=label, widget=Select
                )
            else:
                field = forms.ChoiceField(
                    choices=YES_NO, label=label, required=False, widget=Select
                )
            self.fields[name] = field

    def facts(self) -> dict[str, Any]:
        yes_no = {"yes": True, "no": False, "": None}
        return {
            name: yes_no[value] if isinstance(value, str) and value in yes_no else value
            for name, value in self.cleaned_data.items()
        }


class ReturnForm(forms.Form):
    comments = _text(widget=forms.Textarea(attrs=_TEXT), required=False)


class AmendForm(forms.Form):
    """The correction of an issued letter: why, the summary, and per item its rationale and
    its basis (catalog entries or free citations) with the reason for leaving the MTUS."""

    reason = _text(max_length=2000, widget=forms.Textarea(attrs={**_TEXT, "rows": 3}))
    summary = _marked_text(SUMMARY_MAX, widget=forms.Textarea(attrs={**_TEXT, "rows": 12}))

    def __init__(self, *args: Any, items: int, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog, self.count = catalog, items
        self.free: list[FreeRows] = []
        self.positions: list[CatalogPositions] = []
        for n in range(items):
            label = f"item {n + 1}"
            self.fields[f"basis_{n}"] = forms.MultipleChoiceField(
                required=False,
                choices=basis_choices(catalog),
                widget=forms.SelectMultiple(attrs={"size": 6}),
                label=f"Basis of {label} (guideline catalog)",
            )
            self.positions.append(CatalogPositions(self, f"_{n}", f"basis_{n}", catalog))
            self.free.append(FreeRows(self, f"_{n}", f"Other citation {{row}} of {label}"))
            self.fields[f"why_not_mtus_{n}"] = _text(
                widget=forms.Textarea(attrs={**_TEXT, "rows": 3}),
                required=False,
                label=f"Why the MTUS does not apply to {label}",
                validators=[LimitedLength(WHY_NOT_MTUS_MAX)],
            )
            self.fields[f"rationale_{n}"] = _marked_text(
                RATIONALE_MAX, widget=forms.Textarea(attrs=_TEXT), label=f"Rationale of {label}"
            )

    def clean(self) -> dict[str, Any] | None:
        for n, rows in enumerate(self.free):
            rows.check()
            refuse_repeats(self, f"basis_{n}", rows.rows(), self.catalog)
        return super().clean()

    def rationales(self) -> list[str]:
        return [self.cleaned_data[f"rationale_{n}"] for n in range(self.count)]

    def bases(self) -> list[BasisCorrection | None]:
        """Each item's corrected basis; None for an item whose basis fields were left as
        shown, so that the issued basis stays exactly as issued."""
        return [self._basis(n) if self._basis_changed(n) else None for n in range(self.count)]

    def _basis_changed(self, n: int) -> bool:
        names = {f"basis_{n}", f"why_not_mtus_{n}", *self.positions[n].names()}
        names |= set(self.free[n].names())
        return bool(names & set(self.changed_data))

    def _basis(self, n: int) -> BasisCorrection:
        data = self.cleaned_data
        basis = ordered(self.catalog, self.positions[n].chosen(), self.free[n].cleaned())
        return BasisCorrection(basis, data[f"why_not_mtus_{n}"])


def amend_initial(item: Item, catalog: Catalog, n: int) -> dict[str, Any]:
    """An issued item's basis as the amend form shows it, each free citation in its row."""
    chosen, free, positions = _chosen_and_free(item, catalog, f"_{n}")
    return {
        f"basis_{n}": chosen,
        **positions,
        **free_initial(free, f"_{n}"),
        f"why_not_mtus_{n}": item.why_not_mtus or "",
    }
