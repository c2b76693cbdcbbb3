"""The reviewer's workspace: the assigned cases, one case's file, summary and decisions.
Views hold no rules: the access helpers refuse (404, audited), the services refuse bad
input (the page is shown again with the problems, and nothing is written)."""

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from openimr.cases.domain.lifecycle import State
from openimr.cases.selectors import case_of_row
from openimr.core.downloads import pdf_headers
from openimr.core.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    OpenIMRError,
    Problem,
    Unavailable,
)
from openimr.decisions.selectors import MIN_COHORT, PRECEDENT_WINDOW, precedents_for_case
from openimr.guidelines.domain.criteria import rationale_outline
from openimr.guidelines.selectors import guideline_catalog
from openimr.review import case_file, selectors, services, submission
from openimr.review.checklists import checklist_for, outline
from openimr.review.field_problems import first_invalid, item_heading, place, refusal
from openimr.review.field_problems import said as said_on_page
from openimr.review.forms import ChecklistForm, ItemForm, SummaryForm, item_initial
from openimr.review.held import ReviewerWithdrawn, withdrawn_message
from openimr.review.sources import from_json, item_version, summary_version, with_markers
from openimr.review.unsaved import KEPT, keeping_writing, unsaved_for, written_back
from openimr.review.work_lists import work_list

EDITABLE = (State.RECORDS_COMPLETE.value, State.IN_REVIEW.value)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "cases": work_list(
            request.user, "review:home", selectors.REVIEWER, selectors.reviewer_cases
        ),
        "attestations": selectors.reviewer_attestations(request.user),
    }
    return render(request, "review/home.html", context)


def _summary_initial(row: Any, stored: Any) -> str:
    """What the reviewer wrote (``stored``: the case's determination), else the case's
    summary, else the draft from the records with each sentence's page markers, so
    accepting the draft keeps its sources."""
    if stored.summary_input:
        return stored.summary_input
    if row.clinical_summary:
        return str(row.clinical_summary)
    return with_markers(case_file.summary_draft(row))


def _item_panels(
    row: Any,
    case: Any,
    bound: dict[int, Any],
    stored: Any,
    mine: frozenset[int],
    *,
    placed: dict[int, dict[str, list[str]]],
) -> list[dict[str, Any]]:
    """One panel an item: a form for the reviewer's own items, the item as it stands (no
    form) for one assigned to another reviewer of a split case."""
    catalog = guideline_catalog(row.program)
    inputs = stored.rationale_inputs
    panels = []
    for n, item in enumerate(case.items):
        if n not in mine:
            panels.append({"n": n, "item": item, "own": False})
            continue
        name = checklist_for(item.treatment, item.category)
        panel = bound.get(n, {})
        written = inputs.get(str(n))
        initial = {**item_initial(item, catalog, written), "based_on": item_version(item, written)}
        form = panel.get("form") or ItemForm(initial=initial, catalog=catalog, prefix=f"item-{n}")
        checklist = panel.get("checklist") or (
            ChecklistForm(checklist=name, prefix=f"facts-{n}") if name else None
        )
        panels.append(
            {
                "n": n,
                "item": item,
                "own": True,
                "form": form,
                "checklist_name": name,
                "checklist_form": checklist,
                "result": panel.get("result"),
                "problems": panel.get("problems", []),
                "field_problems": placed.get(n, {}),
            }
        )
    return panels


def _page(request: HttpRequest, row: Any, **extra: Any) -> HttpResponse:
    status = extra.pop("status", 200)
    query = request.GET.get("q", "")
    written = extra.pop("summary_text", None)  # a refused save's text, kept on the page
    # A refusal's problems, each shown beside its field (openimr.review.field_problems).
    placed = place(extra.pop("field_problems", []))
    # Built once per request: the items, the precedents and the page all read this one.
    case = case_of_row(row)
    stored = selectors.determination_of(row)  # read once: the summary and items use it
    mine = selectors.items_for_user(request.user, row.case_number, len(case.items))
    context = {
        "row": row,
        "case": case,
        "editable": row.state in EDITABLE,
        "due": selectors.determination_due(row),
        "records": case_file.records(row),
        "query": query,
        "hits": case_file.search(row, query),
        "comments": selectors.comments_of(row),
        "summary_form": SummaryForm(
            initial={
                "summary": _summary_initial(row, stored) if written is None else written,
                "based_on": summary_version(stored.summary_input),
            }
        ),
        "summary_problems": {"summary": placed.summary} if placed.summary else {},
        "summary_sources": from_json(stored.summary_sources),
        "items": _item_panels(row, case, extra.pop("bound", {}), stored, mine, placed=placed.items),
        "split": len(mine) < len(case.items),
        # A split case's reviewer weighs only their own items' precedents (LC 139.5(c)).
        "precedents": _numbered(sorted(mine), precedents_for_case(case, positions=mine)),
        "precedent_min": MIN_COHORT,
        "precedent_window": PRECEDENT_WINDOW,
        **extra,
    }
    context["focus"] = first_invalid(
        context["summary_form"], context["summary_problems"], context["items"]
    )
    return render(request, "review/workspace.html", context, status=status)


def _numbered(positions: list[int], found: list[Any]) -> list[tuple[int, Any]]:
    """Each item's precedents with the number the page gives the item (from 1)."""
    return [(n + 1, item) for n, item in zip(positions, found, strict=True)]


def _problems(row: Any, exc: InvalidInput) -> list[str]:
    return refusal(exc, [i.treatment for i in case_of_row(row).items])


def _post_summary(request: HttpRequest, row: Any) -> HttpResponse:
    form = SummaryForm(request.POST)
    if not form.is_valid():
        # Refused before the service: an invalid field is missing from cleaned_data, and
        # saving without it would blank the summary.
        errors = [
            f"the summary was not saved: {form.fields[k].label or k}: {' '.join(map(str, v))}"
            for k, v in form.errors.items()
        ]
        text = request.POST.get("summary", "")
        said = [Problem("$.clinical_summary", " ".join(map(str, v))) for v in form.errors.values()]
        return _page(
            request, row, summary_text=text, errors=errors, field_problems=said, status=422
        )
    text = form.cleaned_data.get("summary", "")
    based_on = form.cleaned_data.get("based_on", "")
    try:
        services.summary_save(row=row, text=text, actor=request.user, based_on=based_on)
    except InvalidInput as exc:
        errors = _problems(row, exc)
        return _page(
            request, row, summary_text=text, errors=errors, field_problems=exc.problems, status=422
        )
    except ReviewerWithdrawn as exc:
        return written_back(request, str(exc))
    except Conflict as exc:
        # The text just written stays on the page, now on the saved version: saving it
        # again replaces the other reviewer's summary knowingly.
        return _page(request, row, summary_text=text, errors=[str(exc)], status=409)
    messages.success(request, "The clinical case summary was saved.")
    return redirect("review:case", row.case_number)


def _item_form(request: HttpRequest, row: Any, n: int) -> ItemForm:
    return _item_form_data(request.POST, row, n)


def _item_form_data(data: Any, row: Any, n: int) -> ItemForm:
    return ItemForm(data, catalog=guideline_catalog(row.program), prefix=f"item-{n}")


def _position(request: HttpRequest) -> int:
    return _position_of(request.POST)


def _position_of(data: Any) -> int:
    try:
        return int(data.get("item", ""))
    except ValueError as exc:
        raise InvalidInput([Problem("$.item", "name the item")]) from exc


def _post_item(request: HttpRequest, row: Any) -> HttpResponse:
    n = _position(request)
    # Before the form: another reviewer's item is refused whatever was posted for it.
    selectors.item_for_user(request.user, row.case_number, case_of_row(row).items, n)
    form = _item_form(request, row, n)
    if not form.is_valid():
        problems = [_form_problem(form, k, v) for k, v in form.errors.items()]
        # The form marks and describes its own invalid fields; the alert says what failed.
        heading = item_heading(n, [i.treatment for i in case_of_row(row).items])
        said = [f"item {n + 1} was not saved", *(f"{heading}, {p}" for p in problems)]
        return _page(request, row, bound={n: {"form": form}}, errors=said, status=422)
    try:
        services.item_save(row=row, entry=form.entry(n), actor=request.user)
    except InvalidInput as exc:
        treatments = [i.treatment for i in case_of_row(row).items]
        unplaced = [said_on_page(p, treatments) for p in exc.problems if not place([p]).items]
        bound = {n: {"form": form, "problems": unplaced}}
        errors = refusal(exc, treatments)
        return _page(
            request, row, bound=bound, errors=errors, field_problems=exc.problems, status=422
        )
    except ReviewerWithdrawn as exc:
        return written_back(request, str(exc))
    except Conflict as exc:
        # What was just written stays on the page, now on the saved version: saving it
        # again replaces the item saved meanwhile knowingly.
        bound = {n: {"form": _on_saved_version(request, row, n), "problems": [str(exc)]}}
        return _page(request, row, bound=bound, errors=[str(exc)], status=409)
    messages.success(request, f"Item {n + 1} was saved.")
    return redirect("review:case", row.case_number)


def _form_problem(form: ItemForm, key: str, messages_: Iterable[Any]) -> str:
    """One refused field in the alert, named by its label as the page shows it; a problem of
    the whole item (e.g. too many citation rows) is said without Django's "__all__"."""
    said = ", ".join(map(str, messages_))
    if key == NON_FIELD_ERRORS:
        return said
    field = form.fields.get(key)
    return f"{(field.label if field else None) or key}: {said}"


def _on_saved_version(request: HttpRequest, row: Any, n: int) -> ItemForm:
    """The item's form as posted, carrying the version of the item saved since."""
    item = case_of_row(row).items[n]
    data = request.POST.copy()
    written = selectors.determination_of(row).rationale_inputs.get(str(n))
    data[f"item-{n}-based_on"] = item_version(item, written)
    form = _item_form_data(data, row, n)
    form.is_valid()
    return form


def _put_back(request: HttpRequest, row: Any, data: Any) -> HttpResponse:
    """The page with what the reviewer wrote when their session had ended back in its form,
    unsaved (openimr.review.unsaved)."""
    if data.get("action") == "summary":
        ended = "the summary was not saved: your session had ended. It is back below: save it"
        return _page(request, row, summary_text=data.get("summary", ""), errors=[ended])
    try:
        n = _position_of(data)
        selectors.item_for_user(request.user, row.case_number, case_of_row(row).items, n)
    except InvalidInput:  # not this user's item: another logged in on that browser
        return _page(request, row)
    ended = f"item {n + 1} was not saved: your session had ended. It is back below: save it"
    bound = {n: {"form": _item_form_data(data, row, n), "problems": [ended]}}
    return _page(request, row, bound=bound, errors=[ended])


def _post_checklist(request: HttpRequest, row: Any) -> HttpResponse:
    """Work a criteria checklist: show each criterion met or not and put the outline in an
    empty rationale. Nothing is stored; the reviewer decides and saves."""
    n = _position(request)
    item = selectors.item_for_user(request.user, row.case_number, case_of_row(row).items, n)
    name = checklist_for(item.treatment, item.category)
    if name is None:
        raise InvalidInput([Problem(f"$.items[{n}]", "no checklist fits this item")])
    facts = ChecklistForm(request.POST, checklist=name, prefix=f"facts-{n}")
    if not facts.is_valid():
        # The item's fields share the checklist's <form>: what the reviewer wrote there stays
        # on the page, and the refusal is announced above the forms like any other.
        refused = "give every fact the checklist needs"
        form = _item_form_data(request.POST, row, n)
        bound = {n: {"form": form, "checklist": facts, "problems": [refused]}}
        heading = item_heading(n, [i.treatment for i in case_of_row(row).items])
        return _page(request, row, bound=bound, errors=[f"{heading}: {refused}"], status=422)
    result = outline(name, facts.facts())
    data = request.POST.copy()
    if not data.get(f"item-{n}-rationale", "").strip():
        data[f"item-{n}-rationale"] = rationale_outline(result)
    form = _item_form_data(data, row, n)
    return _page(request, row, bound={n: {"form": form, "checklist": facts, "result": result}})


def _withdrawn_before(request: HttpRequest, case_number: str) -> str | None:
    """Why a save from a reviewer staff withdrew from the case before it came is refused;
    None for any other refusal, which stays a 404 (the refusal is audited either way)."""
    if request.method != "POST" or request.POST.get("action") not in KEPT:
        return None
    not_done = "nothing was saved"
    return withdrawn_message(request.user, case_number, not_done=not_done)


def _sent_home(request: HttpRequest, exc: ReviewerWithdrawn) -> HttpResponse:
    """A reviewer withdrawn while they wrote: the case file is no longer theirs to see, so
    their home page says why, not the workspace with the error (``review.held``)."""
    messages.error(request, str(exc))
    return redirect("review:home")


def _post_submit(request: HttpRequest, row: Any) -> HttpResponse:
    try:
        submission.determination_submit(row=row, actor=request.user)
    except ReviewerWithdrawn as exc:
        return _sent_home(request, exc)
    messages.success(request, "The determination was sent to quality assurance.")
    return redirect("review:home")


_ACTIONS = {
    "summary": _post_summary,
    "item": _post_item,
    "checklist": _post_checklist,
    "submit": _post_submit,
}


@keeping_writing
def workspace(request: HttpRequest, case_number: str) -> HttpResponse:
    action = "review.viewed" if request.method == "GET" else "review.changed"
    try:
        row = selectors.case_for_reviewer(request.user, case_number, action=action)
    except Http404:
        if (said := _withdrawn_before(request, case_number)) is None:
            raise
        return written_back(request, said)
    if request.method != "POST":
        written = unsaved_for(request)
        return _page(request, row) if written is None else _put_back(request, row, written)
    handler = _ACTIONS.get(request.POST.get("action", ""))
    if handler is None:
        return _page(request, row, errors=["unknown action"], status=400)
    try:
        return handler(request, row)
    except InvalidInput as exc:
        errors = _problems(row, exc)
        return _page(request, row, errors=errors, field_problems=exc.problems, status=422)
    except OpenIMRError as exc:
        return _page(request, row, errors=[str(exc)], status=409)


@login_required
def record(request: HttpRequest, case_number: str, record_id: str) -> HttpResponse:
    """One record of the case file, page by page, with the marker that cites each page; a
    record whose text is not read yet opens too, saying so."""
    row, found, reader = selectors.record_for_reader(request.user, case_number, record_id)
    pages = case_file.record_pages(record_id, row)
    # Back to the reader's own page of the case: QA cannot open the reviewer's workspace.
    back = "review:qa_case" if reader == "qa" else "review:case"
    context = {"row": row, "record": found, "record_id": record_id, "pages": pages, "back": back}
    return render(request, "review/record.html", context)


@login_required
def record_file(request: HttpRequest, case_number: str, record_id: str) -> HttpResponseBase:
    """The record's PDF, shown in the browser: a scanned record has no text to read page by
    page, only its images. Without its active content (scripts, launch actions, attached
    files), when it has any: the reviewer never gets the original. Authorized and audited
    as the record page is."""
    row, _, _ = selectors.record_for_reader(
        request.user, case_number, record_id, action="record.downloaded"
    )
    try:
        if request.method == "HEAD":  # the headers alone: no copy is made for them
            return _pdf_headers(case_file.record_file_size(record_id, row))
        found = case_file.record_file(record_id, row)
    except NotFound as exc:  # the stored file is gone: said, not a server error
        return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
    except Unavailable as exc:  # the copy without active content could not be made
        return HttpResponse(str(exc), status=500, content_type="text/plain; charset=utf-8")
    if found is None:
        raise Http404("No such record")
    stored, name = found
    return FileResponse(stored, filename=name, content_type="application/pdf")


def _pdf_headers(found: tuple[int | None, str] | None) -> HttpResponseBase:
    if found is None:
        raise Http404("No such record")
    size, name = found
    return pdf_headers(name, size, as_attachment=False)  # shown in the browser, as on a GET
