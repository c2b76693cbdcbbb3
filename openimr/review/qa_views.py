"""Quality assurance: the cases in QA, one case's checklist with the draft letter, return
with comments or approve (which issues the letter), and a correction of an issued letter."""

import re
from typing import Any, BinaryIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from openimr.cases.domain.lifecycle import State
from openimr.cases.selectors import case_of_row
from openimr.core.errors import Conflict, InvalidInput, OpenIMRError
from openimr.core.paging import Page, page_asked, page_links
from openimr.guidelines.domain.catalog import Catalog
from openimr.guidelines.selectors import guideline_catalog
from openimr.letters import selectors as letters
from openimr.letters.render.html import STYLE
from openimr.review import selectors, services, signoff
from openimr.review.field_problems import said
from openimr.review.forms import AmendForm, ReturnForm, amend_initial
from openimr.review.sources import without_markers
from openimr.review.work_lists import work_list

SEEN = (State.QA, State.ISSUED)


@login_required
def qa_home(request: HttpRequest) -> HttpResponse:
    """A page of the queue (``?page=``, 100 cases): the first 500 alone were listed, and a
    year's QA holds more. A page that is no whole number from 1 answers 400 naming it."""
    shown: dict[str, Page] = {}

    def page_of_cases(user: Any) -> list[dict[str, Any]]:
        shown["page"] = selectors.qa_page(page_asked(request.GET.get("page")))
        return selectors.qa_cases(user, shown["page"])

    try:  # the role first: anyone else is refused (404) whatever page they ask for
        listed = work_list(request.user, "review:qa_home", selectors.QA, page_of_cases)
    except InvalidInput as exc:
        refused = [str(p) for p in exc.problems]
        return render(request, "review/qa_list.html", {"refused": refused}, status=400)
    page = shown["page"]
    context = {"cases": listed, "page": page, "pager": page_links(request.GET, page)}
    return render(request, "review/qa_list.html", context)


def _page(request: HttpRequest, row: Any, **extra: Any) -> HttpResponse:
    status = extra.pop("status", 200)
    issued = letters.letter_for_case_number(row.case_number)
    checks = () if issued else signoff.checklist(row)
    context = {
        "row": row,
        "issued": issued,
        "checks": [c for c in checks if c.code != "figures_supported"],
        "flags": [c for c in checks if c.code == "figures_supported"],
        "ready": bool(checks) and all(c.passed for c in checks if c.blocking),
        "due": selectors.determination_due(row),
        "comments": selectors.comments_of(row),
        "letter_html": issued.html if issued else signoff.draft_letter_html(row),
        "letter_style": STYLE,
        "amended": letters.amended_letters_for(row.case_number),
        "services": letters.services_by_letter(row.case_number),
        "return_form": extra.pop("return_form", None) or ReturnForm(),
        "read": "" if issued else services.qa_version(row),
        **extra,
    }
    return render(request, "review/qa_case.html", context, status=status)


@login_required
def qa_case(request: HttpRequest, case_number: str) -> HttpResponse:
    action = "review.qa_viewed" if request.method == "GET" else "review.qa_acted"
    row = selectors.case_for_qa(request.user, case_number, action=action, states=SEEN)
    if request.method != "POST":
        return _page(request, row)
    chosen, form = request.POST.get("action", ""), ReturnForm(request.POST)
    refused = _refused(request, row, chosen, form)
    if refused is not None:
        return refused
    comments = form.cleaned_data.get("comments", "")
    try:
        if row.state != State.QA.value:
            raise Conflict("the case is no longer in QA: nothing was changed")
        if chosen == "approve":
            issued = services.qa_approve(
                row=row,
                actor=request.user,
                comments=comments,
                based_on=request.POST.get("based_on", ""),
            )
            messages.success(request, f"The letter was issued (SHA-256 {issued.pdf_sha256[:16]}…).")
            return redirect("review:qa_case", case_number)
        services.qa_return(row=row, actor=request.user, comments=comments)
    except InvalidInput as exc:
        if any(p.path == "$.comments" for p in exc.problems):
            _at_fault(form)
        return _page(request, row, errors=_said(exc), return_form=form, status=422)
    except OpenIMRError as exc:
        return _page(request, row, errors=[str(exc)], return_form=form, status=409)
    messages.success(request, "The case was returned to the reviewer with your comments.")
    return redirect("review:qa_home")


_FIELDS = {"$.comments": "Comments to the reviewer"}


def _refused(request: HttpRequest, row: Any, chosen: str, form: ReturnForm) -> Any:
    """The page refusing the post before anything is done, or None."""
    if chosen not in ("return", "approve"):
        # Not taken for a return: sending a case back is a change, made only when asked.
        return _page(request, row, errors=["the action is return or approve"], status=400)
    if not form.is_valid():  # refused as written, not taken for no comments at all
        said = [f"{_FIELDS['$.comments']}: {e}" for e in form.errors.get("comments", [])]
        _at_fault(form)
        return _page(request, row, errors=said, return_form=form, status=422)
    return None


def _at_fault(form: ReturnForm) -> None:
    """The comments box marked invalid, described by the refusal the page announces above
    the form (its one wording, role="alert", id "errors"), and where the keyboard lands
    (WCAG 2.1 SC 3.3.1, 2.4.3)."""
    attrs = {"aria-invalid": "true", "aria-describedby": "errors", "autofocus": "autofocus"}
    form.fields["comments"].widget.attrs.update(attrs)


def _said(exc: InvalidInput) -> list[str]:
    """A refusal of one problem by the field's label, said once (its summary repeats it)."""
    if len(exc.problems) == 1 and str(exc) == str(exc.problems[0]):
        problem = exc.problems[0]
        return [f"{_FIELDS.get(problem.path, problem.path)}: {problem.message}"]
    return [str(exc), *(p.message for p in exc.problems)]


@login_required
def qa_letter_pdf(request: HttpRequest, case_number: str) -> FileResponse:
    """The issued PDF as stored, or the draft of a case in QA."""
    row = selectors.case_for_qa(request.user, case_number, action="letter.downloaded", states=SEEN)
    issued, data = letters.letter_pdf_for(row.case_number, selectors.provenance(row))
    return _download(data, f"{row.case_number}-FDL{'' if issued else '-DRAFT'}.pdf")


def _download(data: BinaryIO, filename: str) -> FileResponse:
    return FileResponse(data, as_attachment=True, filename=filename, content_type="application/pdf")


def _marked(written: str, current: str | None) -> str:
    """The reviewer's text with its page markers while it still reads as the letter does, so
    a correction keeps the letter's references; the letter's text once a correction changed
    it (the reviewer's would undo that correction)."""
    if written and without_markers(written) == without_markers(current or ""):
        return written
    return current or ""


def _amend_initial(row: Any, catalog: Catalog) -> dict[str, Any]:
    """The letter as last corrected (a second correction starts from the first, never from
    the letter it replaced): its texts, with the reviewer's page markers where the text is
    still theirs, and each item's basis."""
    case = letters.current_case(row.case_number)
    if case is None:
        raise Http404("No issued letter")
    written = selectors.determination_of(row)
    inputs = written.rationale_inputs
    initial = {"summary": _marked(written.summary_input, case.clinical_summary)}
    for n, item in enumerate(case.items):
        initial[f"rationale_{n}"] = _marked(inputs.get(str(n)) or "", item.rationale)
        initial.update(amend_initial(item, catalog, n))
    return initial


_ITEM_FIELD = re.compile(r"^\$\.items\[(\d+)\]\.(why_not_mtus|reviewer_basis)$")


def _refusal(form: AmendForm, exc: InvalidInput, treatments: list[str]) -> list[str]:
    """The refusal at the top, each problem by its item's number, treatment and field, and
    each item's basis problem also at its field."""
    errors = [str(exc)]
    for problem in exc.problems:
        errors.append(said(problem, treatments))
        found = _ITEM_FIELD.match(problem.path)
        if found is not None:
            n, field = int(found[1]), "why_not_mtus" if found[2] == "why_not_mtus" else "basis"
            form.add_error(f"{field}_{n}", problem.message)
    return errors


def _form_refusal(form: AmendForm) -> list[str]:
    """A form refused at its fields, said at the top too, each by its field's label (which
    names the item: "Other citation 2 of item 1"): the fields are far down a long page."""
    return ["the correction was not issued"] + [
        f"{form[name].label}: {' '.join(map(str, problems))}"
        if name in form.fields
        else " ".join(map(str, problems))
        for name, problems in form.errors.items()
    ]


@login_required
def amend(request: HttpRequest, case_number: str) -> HttpResponse:
    """Correct an issued letter: a new amended letter that names the first."""
    row = selectors.case_for_qa(
        request.user, case_number, action="letter.amend_viewed", states=(State.ISSUED,)
    )
    catalog = guideline_catalog(row.program)
    initial = _amend_initial(row, catalog)
    count = sum(1 for key in initial if key.startswith("rationale_"))
    form = AmendForm(request.POST or None, initial=initial, items=count, catalog=catalog)
    errors: list[str] = []
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and not form.is_valid():
        errors = _form_refusal(form)
    elif request.method == "POST":
        try:
            amended = services.letter_correct(
                row=row,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                summary=form.cleaned_data["summary"],
                rationales=form.rationales(),
                bases=form.bases(),
            )
        except InvalidInput as exc:
            errors = _refusal(form, exc, [i.treatment for i in case_of_row(row).items])
        except OpenIMRError as exc:
            errors, status = [str(exc)], 409
        else:
            messages.success(request, f"Amended letter {amended.number} was issued.")
            return redirect("review:qa_case", case_number)
    context = {"row": row, "form": form, "errors": errors}
    return render(request, "review/amend.html", context, status=status)


@login_required
def amended_pdf(request: HttpRequest, case_number: str, number: int) -> FileResponse:
    row, found = selectors.amended_for_qa(request.user, case_number, number)
    name = f"{row.case_number}-FDL-amended-{number}.pdf"
    return _download(letters.stored_pdf(found.pdf_path), name)
