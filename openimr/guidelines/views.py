"""The catalog page: what reviewers may cite, and a form for staff to add an entry."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from openimr.core.access import staff_page
from openimr.core.errors import InvalidInput, Problem
from openimr.guidelines import selectors, services
from openimr.guidelines.domain.catalog import FAMILY_LABELS

FIELDS = ("id", "family", "title", "part", "edition", "section")


@staff_page
def catalog(request: HttpRequest) -> HttpResponse:
    problems: tuple[Problem, ...] = ()
    values: dict[str, str] = {}
    if request.method == "POST":
        values = {key: request.POST.get(key, "").strip() for key in FIELDS}
        aliases = [a.strip() for a in request.POST.get("aliases", "").split(",") if a.strip()]
        try:
            entry = services.guideline_entry_add(
                fields={**values, "aliases": aliases}, actor=request.user
            )
        except InvalidInput as exc:
            problems = tuple(exc.problems)
        else:
            messages.success(request, f"Added {entry.title} ({entry.id}).")
            return redirect("guidelines:catalog")
    invalid = {p.path.removeprefix("$.").split(".")[0].split("[")[0] for p in problems}
    context = {
        "entries": selectors.guideline_catalog().entries,
        "added": {e.entry_id for e in selectors.staff_entries()},
        "families": FAMILY_LABELS,
        "problems": problems,
        "values": values,
        # The fields a problem names, marked invalid and pointed at the list of problems.
        "invalid": invalid,
        # The first of them in the page's order takes the focus (core/form_focus.py says why).
        "first_invalid": next((name for name in (*FIELDS, "aliases") if name in invalid), None),
    }
    return render(request, "guidelines/catalog.html", context, status=422 if problems else 200)
