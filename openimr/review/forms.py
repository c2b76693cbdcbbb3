"""The workspace's forms: declared fields validate the shape of the input at the edge; the
rules (evidence hierarchy, page markers) run in the services, which refuse with problems the
view shows at the item."""

import json
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator

from openimr.cases.interchange import SCHEMA_PATH
from openimr.core.case import Citation, Decision, Item
from openimr.core.text import unprintable
from openimr.guidelines.domain.catalog import Catalog
from openimr.guidelines.domain.hierarchy import hierarchy_rank
from openimr.review.checklists import fact_fields
from openimr.review.selectors import entry_citation
from openimr.review.services import BasisCorrection, ItemInput
from openimr.review.sources import without_markers
from openimr.review.widgets import Select, SelectMultiple

DECISIONS = [("", "Not decided yet"), *((d.value, d.label) for d in Decision)]
YES_NO = [("", "Not stated in the records"), ("yes", "Yes"), ("no", "No")]
_TEXT = {"rows": 6, "cols": 90}


def _limits() -> tuple[int, int, int]:
    """The case format's limits (openimr.case-1.schema.json), the one place they are set: a
    summary, a rationale and a reason for leaving the MTUS longer than the case may hold
    would be saved, then refused by every export and import of the case."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    item = schema["properties"]["items"]["items"]["properties"]
    return (
        schema["properties"]["clinical_summary"]["maxLength"],
        item["rationale"]["maxLength"],
        item["why_not_mtus"]["maxLength"],
    )


SUMMARY_MAX, RATIONALE_MAX, WHY_NOT_MTUS_MAX = _limits()


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
    wrong = unprintable(value)
    if wrong:
        raise forms.ValidationError(wrong, code="unprintable")


def _marked_text(limit: int, **kwargs: Any) -> forms.CharField:
    return forms.CharField(validators=[printable, PrintedLength(limit)], **kwargs)


def _text(**kwargs: Any) -> forms.CharField:
    validators = [printable, *kwargs.pop("validators", ())]
    return forms.CharField(validators=validators, **kwargs)


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
    decision = forms.ChoiceField(choices=DECISIONS, required=False, widget=Select)
    basis = forms.MultipleChoiceField(required=False, widget=SelectMultiple(attrs={"size": 8}))
    free_citation = _text(max_length=500, required=False)
    free_is_mtus = forms.BooleanField(required=False)
    why_not_mtus = _text(
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
        validators=[LimitedLength(WHY_NOT_MTUS_MAX)],
    )
    rationale = _marked_text(RATIONALE_MAX, widget=forms.Textarea(attrs=_TEXT), required=False)
    # The saved item the page was opened on (sources.item_version); empty: not known.
    based_on = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        self.fields["basis"].choices = basis_choices(catalog)  # type: ignore[attr-defined]

    def entry(self, position: int) -> ItemInput:
        """The cleaned form as the service takes it."""
        data = self.cleaned_data
        basis = citations(self.catalog, data["basis"], data["free_citation"], data["free_is_mtus"])
        return ItemInput(
            position=position,
            decision=Decision(data["decision"]) if data["decision"] else None,
            basis=basis,
            why_not_mtus=data["why_not_mtus"],
            rationale=data["rationale"],
            based_on=data["based_on"],
        )


def citations(
    catalog: Catalog, chosen_ids: list[str], free_text: str, free_is_mtus: bool
) -> tuple[Citation, ...]:
    """The basis a form names: the chosen catalog entries as the letter cites them, then the
    free citations (separated by semicolons)."""
    chosen = [catalog.get(i) for i in chosen_ids]
    basis = [Citation(e.family == "mtus", entry_citation(e)) for e in chosen if e]
    free = [t.strip() for t in free_text.split(";") if t.strip()]
    return (*basis, *(Citation(bool(free_is_mtus), text) for text in free))


def item_initial(item: Item, catalog: Catalog, rationale_input: str | None) -> dict[str, Any]:
    """The form's values from the stored item: a citation that is a catalog entry's is
    chosen in the list; any other goes to the free citation."""
    by_text = {entry_citation(e): e.id for e in catalog.entries}
    chosen = [by_text[c.citation] for c in item.reviewer_basis if c.citation in by_text]
    free = [c for c in item.reviewer_basis if c.citation not in by_text]
    return {
        "decision": item.decision.value if item.decision else "",
        "basis": chosen,
        "free_citation": "; ".join(c.citation for c in free),
        "free_is_mtus": any(c.mtus for c in free),
        "why_not_mtus": item.why_not_mtus or "",
        "rationale": rationale_input if rationale_input is not None else item.rationale or "",
    }


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
    its basis (catalog entries or a free citation) with the reason for leaving the MTUS."""

    reason = _text(max_length=2000, widget=forms.Textarea(attrs={**_TEXT, "rows": 3}))
    summary = _marked_text(SUMMARY_MAX, widget=forms.Textarea(attrs={**_TEXT, "rows": 12}))

    def __init__(self, *args: Any, items: int, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog, self.count = catalog, items
        for n in range(items):
            label = f"item {n + 1}"
            self.fields[f"basis_{n}"] = forms.MultipleChoiceField(
                required=False,
                choices=basis_choices(catalog),
                widget=forms.SelectMultiple(attrs={"size": 6}),
                label=f"Basis of {label} (guideline catalog)",
            )
            self.fields[f"free_citation_{n}"] = _text(
                max_length=500, required=False, label=f"Other citation of {label}"
            )
            self.fields[f"free_is_mtus_{n}"] = forms.BooleanField(
                required=False, label=f"The other citation of {label} is part of the MTUS"
            )
            self.fields[f"why_not_mtus_{n}"] = _text(
                widget=forms.Textarea(attrs={**_TEXT, "rows": 3}),
                required=False,
                label=f"Why the MTUS does not apply to {label}",
                validators=[LimitedLength(WHY_NOT_MTUS_MAX)],
            )
            self.fields[f"rationale_{n}"] = _marked_text(
                RATIONALE_MAX, widget=forms.Textarea(attrs=_TEXT), label=f"Rationale of {label}"
            )

    def rationales(self) -> list[str]:
        return [self.cleaned_data[f"rationale_{n}"] for n in range(self.count)]

    def bases(self) -> list[BasisCorrection | None]:
        """Each item's corrected basis; None for an item whose basis fields were left as
        shown, so that the issued basis stays exactly as issued (the form holds one MTUS
        flag for all free citations, which would flatten a mixed basis)."""
        return [self._basis(n) if self._basis_changed(n) else None for n in range(self.count)]

    def _basis_changed(self, n: int) -> bool:
        names = {f"{key}_{n}" for key in ("basis", "free_citation", "free_is_mtus", "why_not_mtus")}
        return bool(names & set(self.changed_data))

    def _basis(self, n: int) -> BasisCorrection:
        data = self.cleaned_data
        basis = citations(
            self.catalog, data[f"basis_{n}"], data[f"free_citation_{n}"], data[f"free_is_mtus_{n}"]
        )
        return BasisCorrection(basis, data[f"why_not_mtus_{n}"])


def amend_initial(item: Item, catalog: Catalog, n: int) -> dict[str, Any]:
    """An issued item's basis as the amend form shows it."""
    found = item_initial(item, catalog, None)
    keys = ("basis", "free_citation", "free_is_mtus", "why_not_mtus")
    return {f"{key}_{n}": found[key] for key in keys}
