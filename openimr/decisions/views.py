"""The public corpus, no login: search with filters and facet counts, one letter and its
PDF, and bulk exports. Views hold no rules: the query is checked by `search_terms`, read by
`selectors`, written out by `export`."""

from typing import Any

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase, HttpResponseRedirectBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from openimr.core.case import CATEGORY_LABELS, Category
from openimr.core.errors import InvalidInput, NotFound
from openimr.core.paging import query_with
from openimr.decisions import export, search, selectors
from openimr.decisions import search_page as search_page_html
from openimr.decisions.corpus import StampedCache
from openimr.decisions.corpus_shelf import Shelf, data_folder, decode_page, encode_page
from openimr.decisions.domain.identifiers import age_text
from openimr.decisions.search_links import pager
from openimr.decisions.search_terms import (
    FILTER_NAMES,
    MAX_WORDS,
    OPERATORS,
    PARAMETERS,
    plain,
    words_left_out,
)
from openimr.decisions.search_wording import (
    FACET_TITLES,
    order_text,
    problem_place,
    problem_text,
    search_named,
)
from openimr.letters.rendering import state_name

_FIXED_LABELS = {
    "family": {"mtus": "MTUS", "acoem": "ACOEM", "odg": "ODG", "other": "Other guidelines"},
    "mtus_based": {"yes": "MTUS-based", "no": "Not MTUS-based"},
    "category": {c.value: CATEGORY_LABELS[c] for c in Category},
}


def label(name: str, value: str) -> str:
    if name in ("outcome", "priority"):
        return value.capitalize()
    return _FIXED_LABELS.get(name, {}).get(value) or value


def _facet_groups(request: HttpRequest, results: search.Results) -> list[dict[str, Any]]:
    # An active filter lists its own value alone (search_facets), however it was typed
    # ("true" for "yes", a specialty in capitals).
    active = results.query.filters.active()
    groups = []
    for name in FILTER_NAMES:
        values = [
            {
                "label": label(name, v.value),
                "count": count_text(v, capped=results.facets_capped),
                "active": name in active,
                "href": query_with(request.GET, **{name: v.value}),
            }
            for v in results.facets.get(name, ())
        ]
        clear = query_with(request.GET, **{name: None}) if name in active else None
        groups.append(
            {
                "name": name,
                "title": FACET_TITLES[name],
                "values": values,
                "values_html": search_page_html.facet_values(values),
                "clear": clear,
            }
        )
    return groups


def count_text(value: search.FacetValue, *, capped: bool) -> str:
    """A facet value's count as the page prints it: over the newest FACET_CAP matches only
    (``capped``), a least ("412+": its link finds 412 letters or more), else exact."""
    return f"{value.count:,}+" if capped else f"{value.count:,}"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


# The page a visitor without a session sees depends only on its query string and the
# corpus: kept until the corpus changes (openimr.decisions.corpus). A logged-in user's page
# carries their navigation and is written for them.
# Shared by the server's processes through files (openimr.decisions.corpus_shelf).
_PAGES = StampedCache(
    "search page",
    4096,
    Shelf(data_folder("search-pages"), 8192, encode_page, decode_page),
)


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    # An attorney looks a letter up by its number: a query that is one goes to its page
    # (before the kept pages, which keep no redirect), unless a filter leaves it out.
    number = selectors.decision_opened(request.GET)
    if number is not None:
        return redirect("decisions:decision", case_number=number)
    if request.user.is_authenticated:
        return _search_page(request)
    status, content = _PAGES.get_or_compute(
        request.META.get("QUERY_STRING", ""), lambda: _written(_search_page(request))
    )
    return HttpResponse(content, status=status)


def _carried(request: HttpRequest, refused: set[str]) -> list[tuple[str, str]]:
    """The parameters the search box carries to the next search: the filters and page size
    that were accepted. A refused one carried along would refuse every search typed next."""
    return [
        (k, str(v))
        for k, v in request.GET.items()
        if k in PARAMETERS and k not in ("q", "page") and f"$.{k}" not in refused
    ]


def _written(response: HttpResponse) -> tuple[int, bytes]:
    return response.status_code, response.content


def _search_page(request: HttpRequest) -> HttpResponse:
    # A NUL or a bidirectional control is searched as a space (search_terms.plain), and
    # shown as one: not as a NUL in HTML, nor turning the rest of the line around.
    # Spaces around the words are not searched either: a box of spaces alone is no search,
    # not "matching “ ”".
    q = plain(request.GET.get("q", "")).strip()
    context: dict[str, Any] = {"q": q, "export_query": query_with(request.GET, per_page=None)}
    context["q_named"] = search_named(q)
    context["words_left_out"] = words_left_out(q)
    context["max_words"] = MAX_WORDS
    try:
        results = selectors.decision_search(request.GET)
    except InvalidInput as exc:
        context["problems"] = [(problem_place(p), problem_text(p)) for p in exc.problems]
        context["carried"] = _carried(request, {p.path for p in exc.problems})
        return render(request, "decisions/search.html", context, status=400)
    context["carried"] = _carried(request, set())
    active = [
        {
            "title": FACET_TITLES[k],
            "label": label(k, _text(v)),
            "clear": query_with(request.GET, **{k: None}),
        }
        for k, v in results.query.filters.active().items()
    ]
    # Asked of the database only when nothing was found: a search with a specific word
    # finds letters, and most searches do.
    context["common_words_only"] = not results.hits and selectors.common_words_only(q)
    context["unknown_specialty"] = not results.total and selectors.specialty_unknown(results.query)
    searched = selectors.searched_words(results.query)
    context["searched"], context["common_left_out"], context["excluded"] = searched
    # "knee NOT pain": the page says how to leave a word out, as NOT is no operator here.
    context["operators_typed"] = any(w in OPERATORS for w in searched[1])
    context.update(
        results=results,
        hits=[search_page_html.hit_html(hit) for hit in results.hits],
        facets=_facet_groups(request, results),
        active=active,
        pager=pager(request.GET, results.query.page, results.pages),
        order=order_text(results),
        facet_cap=f"{search.FACET_CAP:,}",
        # Every number the page prints with its thousands commas, as the state's reports
        # write them: at one result a page, the pager had read "Page 1 of 10000".
        total_text=f"{results.total:,}",
        page_text=f"{results.query.page:,}",
        pages_text=f"{results.pages:,}",
    )
    return render(request, "decisions/search.html", context)


def _decision(case_number: str, name: str) -> Any:
    """The decision at this address, or a permanent redirect to its own address when the
    address names it in another case ("cm16-0400101"); Http404 when it names none."""
    try:
        return selectors.decision_get(case_number)
    except NotFound as exc:
        number = selectors.decision_number(case_number)
        if number is not None and number != case_number:
            return redirect(name, case_number=number, permanent=True)
        raise Http404(str(exc)) from exc


@require_safe
def decision_page(request: HttpRequest, case_number: str) -> HttpResponseBase:
    found = _decision(case_number, "decisions:decision")
    if isinstance(found, HttpResponseRedirectBase):
        return found
    letter = selectors.decision_view(found)
    # In words, as the letter prints them: "OR" read as the word "or" to a screen reader.
    letter["licensed_in_names"] = [state_name(code) for code in letter["licensed_in"]]
    letter["employee_age_text"] = age_text(letter["employee_age"])
    for entry in letter["items"]:
        entry["category_label"] = label("category", entry["category"])
        entry["family_labels"] = [label("family", f) for f in entry["families"]]
    return render(request, "decisions/decision.html", {"letter": letter})


@require_safe
def letter_pdf(request: HttpRequest, case_number: str) -> HttpResponseBase:
    found = _decision(case_number, "decisions:letter_pdf")
    if isinstance(found, HttpResponseRedirectBase):
        return found
    path = selectors.letter_file(found)
    if path is None:
        raise Http404("this decision has no letter file")
    return FileResponse(
        path.open("rb"), content_type="application/pdf", filename=f"{case_number}.pdf"
    )


@require_safe
def export_corpus(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The de-identified corpus (or the current search) as CSV, JSON Lines or Parquet,
    streamed a chunk at a time. HEAD (a tool asking what the file is before fetching it)
    gets GET's answer without the file: the search is checked, nothing is written."""
    try:
        chunks = selectors.corpus_export(fmt, request.GET)
    except InvalidInput as exc:
        # With one problem, str(exc) is that problem: name it once.
        lines = [f"{p.path}: {p.message}" for p in exc.problems]
        body = "\n".join([str(exc), *lines] if len(lines) > 1 else lines or [str(exc)])
        return HttpResponse(body, status=400, content_type="text/plain; charset=utf-8")
    # For HEAD the export is never started (no query run, nothing written), and streamed
    # empty: a Content-Length of 0 would say the file is empty.
    streamed = iter(()) if request.method == "HEAD" else chunks
    response = StreamingHttpResponse(streamed, content_type=export.WRITERS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="openimr-decisions.{fmt}"'
    return response
