"""GET /api/v1/decisions and /api/v1/decisions/{case_number}: the public corpus, no login.
The same words and filters as the search page (checked by one parser, so a bad value gets
the same 422 with its parameter named), with facet counts and paging."""

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from openimr.api.errors import errors
from openimr.api.params import CaseNumber, refuse_item_query_parameters
from openimr.decisions import selectors

router = Router(tags=["decisions"])


# What each parameter takes, said in the OpenAPI document (the corpus's parser decides).
_TAKES = selectors.search_parameter_values()


def _text(name: str) -> Any:
    return Field(default=None, json_schema_extra=_TAKES[name])


class SearchParams(Schema):
    """Every value arrives as text and is checked by the corpus's own parser; the schema
    says what it takes, so a client knows a 422 before sending."""

    q: str | None = _text("q")
    outcome: str | None = _text("outcome")
    category: str | None = _text("category")
    specialty: str | None = _text("specialty")
    family: str | None = _text("family")
    mtus_based: str | None = _text("mtus_based")
    year: str | None = _text("year")
    priority: str | None = _text("priority")
    page: str | None = _text("page")
    per_page: str | None = _text("per_page")


class ItemBrief(Schema):
    treatment: str
    outcome: str


class HitOut(Schema):
    case_number: str
    decision_date: date | None
    priority: str
    specialties: list[str]
    items: list[ItemBrief]
    snippet_html: str


class FacetOut(Schema):
    value: str
    count: int


class SearchOut(Schema):
    searched_words: list[str]
    common_words_left_out: list[str]
    excluded_words: list[str]
    total: int
    total_capped: bool
    page: int
    per_page: int
    pages: int
    previous: str | None = Field(
        description="The previous page of this search, every parameter kept (null on the first)"
    )
    next: str | None = Field(
        description="The next page of this search, every parameter kept (null on the last)"
    )
    results: list[HitOut]
    facets: dict[str, list[FacetOut]]
    facets_capped: bool


class CitationOut(Schema):
    mtus: bool
    citation: str


class ItemOut(Schema):
    position: int
    treatment: str
    category: str
    outcome: str
    mtus_based: bool
    families: list[str]
    claims_administrator_basis: list[CitationOut]
    reviewer_basis: list[CitationOut]
    why_not_mtus: str
    rationale: str


class DecisionOut(Schema):
    case_number: str
    source: str
    decision_date: date | None
    year: int | None
    assigned_date: date | None
    injury_date: date | None
    ur_decision_date: date | None
    application_received_date: date | None
    priority: str
    employee_age: int | None
    employee_sex: str
    specialties: list[str]
    licensed_in: list[str]
    clinical_summary: str
    items: list[ItemOut]
    letter_url: str | None


# The Link header (RFC 8288) of a page of results, declared in the OpenAPI document.
LINK = {
    "description": 'The search\'s other pages, every parameter kept: rel="first", "prev" '
    '(not on the first page), "next" (not on the last) and "last" (RFC 8288).',
    "schema": {"type": "string"},
}
_RELS = {"first": "first", "previous": "prev", "next": "next", "last": "last"}


def _pages(request: HttpRequest, results: Any) -> dict[str, str | None]:
    """The addresses of the search's first, previous, next and last pages, the request's
    parameters all kept: a client walked the pages by counting them itself, and one that
    rebuilt the query string could drop a filter and page another search unseen."""
    links = selectors.search_pager(request.GET, results.query.page, results.pages)
    return {k: None if q is None else request.path + q for k, q in links.items()}


def _link_header(pages: dict[str, str | None]) -> str:
    return ", ".join(f'<{url}>; rel="{_RELS[k]}"' for k, url in pages.items() if url)


def _search_out(results: Any, pages: dict[str, str | None]) -> dict[str, Any]:
    searched, common, excluded = selectors.searched_words(results.query)
    return {
        "searched_words": searched,
        "common_words_left_out": common,
        "excluded_words": excluded,
        "total": results.total,
        "total_capped": results.total_capped,
        "page": results.query.page,
        "per_page": results.query.per_page,
        "pages": results.pages,
        "previous": pages["previous"],
        "next": pages["next"],
        "results": [
            {
                "case_number": h.case_number,
                "decision_date": h.decision_date,
                "priority": h.priority,
                "specialties": list(h.specialties),
                "items": [{"treatment": t, "outcome": o} for t, o in h.items],
                "snippet_html": h.snippet_html,
            }
            for h in results.hits
        ],
        "facets": {
            k: [{"value": v.value, "count": v.count} for v in values]
            for k, values in results.facets.items()
        },
        "facets_capped": results.facets_capped,
    }


@router.get(
    "/decisions",
    response={200: SearchOut, **errors(422)},
    auth=None,
    openapi_extra={"responses": {200: {"headers": {"Link": LINK}}}},
)
def search_decisions(
    request: HttpRequest, response: HttpResponse, params: Query[SearchParams]
) -> dict[str, Any]:
    """Search the published, de-identified decisions: `q` (any text; every word must match,
    over summaries, treatments and rationales), filters `outcome` (upheld|overturned),
    `category`, `specialty`, `family` (mtus|acoem|odg|other), `mtus_based` (yes|no), `year`,
    `priority`; `page` and `per_page` (at most 100). A parameter given twice, or one not
    listed here, is refused naming it. A `q` that is a published decision's
    case number (in any case) answers that decision alone, the filters still applied.
    `searched_words`: the words searched, as typed, every one required (a quoted phrase is
    one; `*` and parentheses are dropped; AND, OR, NOT and NEAR typed in capitals are no
    operators and are left out); `common_words_left_out`: those too common to search, and
    those operators; `excluded_words`: those typed with a leading "-"
    (`lumbar -knee`), which no decision found holds (a `q` of such words alone answers the
    filtered decisions without them, and with no filter is refused).
    Best match first (newest first without words); snippets are HTML with the matched words
    in <mark>. Facet counts are over the result set (its 1,000 most recently added matches
    when `facets_capped`). `previous` and `next` are the addresses of the neighbouring
    pages (null where there is none), every parameter kept; the `Link` header gives them
    and the first and last (RFC 8288)."""
    # The query string itself, not the schema's reading of it: a parameter given twice or
    # one the schema does not declare is refused by the corpus's parser, not dropped.
    results = selectors.decision_search(request.GET)
    pages = _pages(request, results)
    response["Link"] = _link_header(pages)
    return _search_out(results, pages)


@router.get("/decisions/{case_number}", response={200: DecisionOut, **errors(404, 422)}, auth=None)
def get_decision(request: HttpRequest, case_number: CaseNumber) -> dict[str, Any]:
    """One published decision: its dates, priority, the reviewer's specialty and licensure
    (never a name), the clinical summary, and each item with its decision, both sides'
    guideline citations and the rationale. The case number may be written in any case
    (`cm16-0400101`); the answer gives it as published. 404 when no such decision is
    published. A query parameter is refused 422 at its name."""
    refuse_item_query_parameters(request, "the decision")
    case_number = selectors.decision_number(case_number) or case_number
    view = selectors.decision_view(selectors.decision_get(case_number))
    has_letter = view.pop("has_letter")
    view.pop("no_letter_why")  # the page's sentence; the API answers letter_url null
    view["letter_url"] = f"/decisions/{case_number}/letter.pdf" if has_letter else None
    return view
