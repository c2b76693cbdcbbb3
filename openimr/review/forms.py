"""The workspace's forms: declared fields validate the shape of the input at the edge; the
rules (evidence hierarchy, page markers) run in the services, which refuse with problems the
view shows at the item."""

from typing import Any

from django import forms

from openimr.core.case import Citation, Decision, Item
from openimr.guidelines.domain.catalog import Catalog
from openimr.guidelines.domain.hierarchy import hierarchy_rank
from openimr.review.checklists import fact_fields
from openimr.review.selectors import entry_citation
from openimr.review.services import ItemInput

DECISIONS = [("", "Not decided yet"), *((d.value, d.label) for d in Decision)]
YES_NO = [("", "Not stated in the records"), ("yes", "Yes"), ("no", "No")]
_TEXT = {"rows": 6, "cols": 90}


def basis_choices(catalog: Catalog) -> list[tuple[str, list[tuple[str, str]]]]:
    """The catalog grouped by family, in the order of the evidence hierarchy: the MTUS first
    (LC 4610.5(c)(2); 8 CCR 9792.21.1)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in sorted(catalog.entries, key=lambda e: hierarchy_rank(e.family)):
        label = "MTUS" if entry.family == "mtus" else entry.family.replace("_", " ").upper()
        groups.setdefault(label, []).append((entry.id, entry_citation(entry)))
    return list(groups.items())


class SummaryForm(forms.Form):
    summary = forms.CharField(
        widget=forms.Textarea(attrs={**_TEXT, "rows": 12}), required=False, strip=True
    )


class ItemForm(forms.Form):
    decision = forms.ChoiceField(choices=DECISIONS, required=False)
    basis = forms.MultipleChoiceField(
        required=False, widget=forms.SelectMultiple(attrs={"size": 8})
    )
    free_citation = forms.CharField(max_length=500, required=False)
    free_is_mtus = forms.BooleanField(required=False)
    why_not_mtus = forms.CharField(widget=forms.Textarea(attrs=_TEXT), required=False)
    rationale = forms.CharField(widget=forms.Textarea(attrs=_TEXT), required=False)

    def __init__(self, *args: Any, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        self.fields["basis"].choices = basis_choices(catalog)  # type: ignore[attr-defined]

    def entry(self, position: int) -> ItemInput:
        """The cleaned form as the service takes it."""
        data = self.cleaned_data
        chosen = [self.catalog.get(i) for i in data["basis"]]
        basis = [Citation(e.family == "mtus", entry_citation(e)) for e in chosen if e]
        free = [t.strip() for t in data["free_citation"].split(";") if t.strip()]
        basis += [Citation(bool(data["free_is_mtus"]), text) for text in free]
        return ItemInput(
            position=position,
            decision=Decision(data["decision"]) if data["decision"] else None,
            basis=tuple(basis),
            why_not_mtus=data["why_not_mtus"],
            rationale=data["rationale"],
        )


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
                field = forms.ChoiceField(choices=[(c, c) for c in choices], label=label)
            else:
                field = forms.ChoiceField(choices=YES_NO, label=label, required=False)
            self.fields[name] = field

    def facts(self) -> dict[str, Any]:
        yes_no = {"yes": True, "no": False, "": None}
        return {
            name: yes_no[value] if isinstance(value, str) and value in yes_no else value
            for name, value in self.cleaned_data.items()
        }


class ReturnForm(forms.Form):
    comments = forms.CharField(widget=forms.Textarea(attrs=_TEXT), required=False)


class AmendForm(forms.Form):
    reason = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={**_TEXT, "rows": 3}))
    summary = forms.CharField(widget=forms.Textarea(attrs={**_TEXT, "rows": 12}))

    def __init__(self, *args: Any, items: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(items):
            self.fields[f"rationale_{n}"] = forms.CharField(
                widget=forms.Textarea(attrs=_TEXT), label=f"Rationale of item {n + 1}"
            )

    def rationales(self) -> list[str]:
        count = sum(1 for name in self.fields if name.startswith("rationale_"))
        return [self.cleaned_data[f"rationale_{n}"] for n in range(count)]
