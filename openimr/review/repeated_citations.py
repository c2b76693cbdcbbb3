"""A citation entered twice in one item's basis, refused at the row it was entered in: the
same catalog entry chosen twice, or a free citation equal to a chosen entry, to another free
citation or to another citation of its own row (case and spacing aside). The rule is
``guidelines.domain.hierarchy.citation_repeats`` (LC 4610.6(e)), which the services apply to
the saved basis too; the forms apply it first because only they know the rows, so that the
reviewer reads "Free citation 2: repeats free citation 1" rather than a citation's number
in a basis they ordered by position."""

from typing import Any

from django import forms

from openimr.guidelines.domain.catalog import Catalog
from openimr.guidelines.domain.hierarchy import citation_repeats
from openimr.review.basis_positions import row_citations
from openimr.review.selectors import entry_citation

# One citation as a form holds it: the field it was entered in, what the page calls that
# field, and the citation.
_Cited = tuple[str, str, str]


def refuse_repeats(
    form: forms.Form, basis: str, free_rows: list[tuple[str, str]], catalog: Catalog
) -> None:
    """Marks each repeated citation's field invalid, saying what it repeats. ``basis``: the
    catalog list's field; ``free_rows``: each free-citation row's text and tick box names."""
    cited = _cited(form.cleaned_data, basis, free_rows, form.fields, catalog)
    for index, earlier in citation_repeats([text for _, _, text in cited]):
        name, _, _ = cited[index]
        first_name, first_called, first_text = cited[earlier]
        if first_name == name:
            said = f"names {first_text!r} twice"
        else:
            said = f"repeats {first_called}, {first_text!r}"
        form.add_error(
            name, f"{said}: the letter would print it twice; cite each source once (LC 4610.6(e))"
        )


def _cited(
    data: dict[str, Any],
    basis: str,
    free_rows: list[tuple[str, str]],
    fields: dict[str, forms.Field],
    catalog: Catalog,
) -> list[_Cited]:
    """The form's citations in its order: the chosen catalog entries, then the free rows.
    A field refused already (too long, a control character) is left out: it says its own
    problem."""
    cited: list[_Cited] = []
    for entry_id in data.get(basis) or ():
        entry = catalog.get(entry_id)
        if entry:
            cited.append((basis, "the entry chosen in the guideline list", entry_citation(entry)))
    for text_name, _ in free_rows:
        called = str(fields[text_name].label or text_name)
        called = called[:1].lower() + called[1:]
        cited += [(text_name, called, t) for t in row_citations(data.get(text_name) or "")]
    return cited
