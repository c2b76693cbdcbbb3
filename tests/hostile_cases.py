"""Cases whose every user-entered text is hostile markup, for the escaping and CSP tests:
one decided and waiting in QA (its letter can be read), one under review (its workspace),
each with a case-file record whose file name, author, title and page text are hostile."""

import json
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import case_import
from openimr.review.tests.conftest import assign, person, store_record, undecided
from openimr.reviewers.models import Assignment

DEMO = Path(__file__).resolve().parents[1] / "openimr" / "demo" / "cases" / "cm16-0400101.json"
DECIDED, UNDER_REVIEW = "CM16-0400101", "CM16-0400102"

# Each would run script, load an image or open a link if it reached the page unescaped.
SCRIPT = "<script>alert('x')</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
QUOTE = "' onmouseover='alert(2)"
LINK = "javascript:alert(3)"
HOSTILE = f"{SCRIPT} {ATTRIBUTE} {QUOTE} {LINK}"
# What must never appear in a page: the markup above as markup.
RAW = ("<script>alert", "<img src=x")
# What must appear instead: the same text, escaped, so the test cannot pass by omission.
ESCAPED = "&lt;script&gt;alert("


def _hostile(text: str) -> str:
    return f"{text} {HOSTILE}"


def hostile_doc(case_number: str) -> dict[str, Any]:
    """The demo case with hostile text appended to every free-text field."""
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["case_number"] = case_number
    for party in (
        "employee",
        "employer",
        "claims_administrator",
        "requesting_physician",
        "attorney",
    ):
        doc[party]["name"] = _hostile(doc[party]["name"])
    doc["diagnoses"] = [_hostile(d) for d in doc["diagnoses"]]
    for document in doc["documents"]:
        document["title"], document["author"] = (
            _hostile(document["title"]),
            _hostile(document["author"]),
        )
    doc["clinical_summary"] = _hostile(doc["clinical_summary"])
    for item in doc["items"]:
        item["treatment"] = _hostile(item["treatment"])
        item["rationale"] = _hostile(item["rationale"])
        for basis in item["claims_administrator_basis"] + item["reviewer_basis"]:
            basis["citation"] = _hostile(basis["citation"])
    return doc


def hostile_record(case_number: str) -> Any:
    record = store_record(case_number, (_hostile("PROGRESS NOTE page one."), _hostile("Page two.")))
    record.filename, record.author, record.title = (
        _hostile("note") + ".pdf",
        _hostile("Dr. Mallory"),
        _hostile("Progress note"),
    )
    record.save(update_fields=["filename", "author", "title"])
    return record


def hostile_cases() -> dict[str, Any]:
    """Both cases stored, their people made; returns the people and the two records."""
    cast = {
        "clerk": person("clerk", "intake", is_staff=True),
        "reviewer": person("jroe", "reviewer"),
        "qa": person("qa-doc", "qa"),
    }
    case_import(case=case_from_document(hostile_doc(DECIDED)), actor="test")
    case_import(
        case=case_from_document(undecided(hostile_doc(UNDER_REVIEW), UNDER_REVIEW)), actor="test"
    )
    reviewer = assign(DECIDED, cast["reviewer"], "R-1", _hostile("Jane Roe"))
    Assignment.objects.create(
        case=Case.objects.get(case_number=UNDER_REVIEW),
        reviewer=reviewer,
        status=Assignment.ATTESTED,
        assigned_at=datetime(2016, 9, 28, 17, tzinfo=UTC),
        assigned_by=_hostile("clerk"),
    )
    cast["decided_record"] = hostile_record(DECIDED)
    cast["review_record"] = hostile_record(UNDER_REVIEW)
    return cast


class _Markup(HTMLParser):
    """Every element and attribute a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> (an event handler)")
            if name in {"href", "src", "action", "formaction"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}> (a javascript: URL)")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append("<img src=x> (an injected element)")


def markup_problems(body: str) -> list[str]:
    """Injected markup in ``body``: raw hostile tags, event-handler attributes and
    javascript: URLs, as an HTML parser sees them."""
    parser = _Markup()
    parser.feed(body)
    return [raw for raw in RAW if raw in body] + parser.problems
