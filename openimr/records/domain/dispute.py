"""The disputed request and utilization review's decision on it (LC 4610.5(d): IMR reviews
a UR decision that denied, modified or delayed a requested treatment)."""

import re
from collections.abc import Sequence
from datetime import date

from openimr.core.case import DocumentKind, UROutcome
from openimr.records.domain.dates import find_dates, format_date
from openimr.records.domain.evidence import Found, Record, SourceRef, merge, newest_first
from openimr.records.domain.prose import join_words, lower_item, sentence, shorten
from openimr.records.domain.sections import SectionName
from openimr.records.domain.text import clean

_K = DocumentKind
_REQUESTED = re.compile(
    r"^(?:services?/goods? requested|service requested|requested treatment|treatment requested"
    r"|request(?:ed)?(?: for)?)\s*:\s*(?P<what>.+)$",
    re.IGNORECASE,
)
# Form columns after the item: "TENS unit   CPT/HCPCS Code: E0730".
_VALUE_END = re.compile(r"\s{2,}|\s+(?:CPT|HCPCS|ICD|Frequency|Duration|Quantity)\b", re.IGNORECASE)
_LABELLED = re.compile(r"^[A-Za-z][\w /'()-]{0,40}:")
_OUTCOME = re.compile(
    r"(?:\b(?:is|are|was|were|has been|have been)\s+(?:hereby\s+)?|\b(?:decision|determination"
    r"|outcome|status|ur decision)\s*:\s*)(?P<verb>non-?certified|not certified|denied|modified"
    r"|partially certified|partially approved|delayed)\b"
    r"|\b(?P<unable>(?:are|is|am) unable to (?:approve|authorize|certify))\b",
    re.IGNORECASE,
)
_OUTCOMES = {
    "denied": UROutcome.DENIED,
    "noncertified": UROutcome.DENIED,
    "non-certified": UROutcome.DENIED,
    "not certified": UROutcome.DENIED,
    "modified": UROutcome.MODIFIED,
    "partially certified": UROutcome.MODIFIED,
    "partially approved": UROutcome.MODIFIED,
    "delayed": UROutcome.DELAYED,
}
_MAX_REQUESTS = 4


def request(records: Sequence[Record], treatments: Sequence[str]) -> Found | None:
    """The request: the case's disputed treatments, dated by the request for authorization
    when one is on file; failing those, what the request for authorization lists."""
    rfas = newest_first(records, _K.RFA)
    rfa = rfas[0] if rfas else None
    if treatments:
        return _known_request(list(treatments), rfa)
    for record in rfas + newest_first(records, _K.UR_DETERMINATION):
        found = _requested(record)
        if found:
            return found
    return None


def _known_request(treatments: list[str], rfa: Record | None) -> Found:
    listed = join_words([lower_item(t) for t in treatments])
    if rfa is None or rfa.date is None:
        return Found("; ".join(treatments), sentence(f"A request was made for {listed}"), ())
    text = f"A request for authorization dated {format_date(rfa.date)} was submitted for {listed}"
    return Found("; ".join(treatments), sentence(text), _date_refs(rfa, rfa.date))


def _requested(record: Record) -> Found | None:
    # A form labels each requested item; a letter may list them under a heading instead,
    # where any other labelled line (a signature, a code, a date) is not a request.
    entries: list[tuple[str, tuple[int, ...]]] = [
        (clean(_VALUE_END.split(m["what"])[0]), (line.page,))
        for line in record.lines
        if (m := _REQUESTED.match(line.text))
    ]
    if not entries:
        entries = [
            (clean(p.text), p.pages)
            for p in record.section_passages(SectionName.REQUEST)
            if not _LABELLED.match(p.text)
        ]
    entries = [(text, pages) for text, pages in entries if len(text) > 3][:_MAX_REQUESTS]
    if not entries:
        return None
    items = list(dict.fromkeys(lower_item(text.rstrip(".")) for text, _ in entries))
    listed = shorten(join_words(items), 300)
    dated = f" dated {format_date(record.date)}" if record.date else ""
    kind = "A request for authorization" if record.kind is _K.RFA else "A request"
    refs = record.refs(page for _, pages in entries for page in pages)
    return Found("; ".join(items), sentence(f"{kind}{dated} was submitted for {listed}"), refs)


def ur_decision(
    records: Sequence[Record], decided: date | None, outcome: UROutcome | None, plural: bool
) -> tuple[Found | None, Found | None]:
    """(the decision date, the sentence) from the case where it knows them, else from the UR
    determination on file."""
    reviews = newest_first(records, _K.UR_DETERMINATION)
    review = reviews[0] if reviews else None
    when = _decision_date(review, decided)
    outcomes, outcome_refs = _outcomes(review, outcome)
    if when is None and not outcomes:
        return None, None
    refs = merge(when.sources if when else (), outcome_refs)
    on = f" on {format_date(date.fromisoformat(when.value))}" if when else ""
    if not outcomes:
        return when, Found("", sentence(f"Utilization review issued its determination{on}"), refs)
    subject = "The requests were" if plural else "The request was"
    verbs = " or ".join(o.value for o in UROutcome if o in outcomes)
    return when, Found(verbs, sentence(f"{subject} {verbs} by utilization review{on}"), refs)


def _decision_date(review: Record | None, decided: date | None) -> Found | None:
    if decided is not None:
        return Found(decided.isoformat(), "", ())
    if review is None or review.date is None:
        return None
    return Found(review.date.isoformat(), "", _date_refs(review, review.date))


def _outcomes(
    review: Record | None, outcome: UROutcome | None
) -> tuple[set[UROutcome], tuple[SourceRef, ...]]:
    if outcome is not None:
        return {outcome}, ()
    if review is None:
        return set(), ()
    found: set[UROutcome] = set()
    pages: list[int] = []
    # Lines hold the labelled form ("Decision: Non-certified"), sentences the prose form
    # that may wrap ("The request is / non-certified.").
    texts: list[tuple[str, tuple[int, ...]]] = [(line.text, (line.page,)) for line in review.lines]
    texts += [(passage.text, passage.pages) for passage in review.passages]
    for text, on in texts:
        for match in _OUTCOME.finditer(text):
            found.add(_OUTCOMES[(match["verb"] or "denied").lower()])
            pages.extend(on)
    return found, review.refs(pages[:1]) if len(found) == 1 else review.refs(pages)


def _date_refs(record: Record, value: date) -> tuple[SourceRef, ...]:
    for line in record.lines:
        if any(match.value == value for match in find_dates(line.text)):
            return record.refs([line.page])
    return ()
