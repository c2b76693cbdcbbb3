"""The items of the layouts that number them (domain.md §6):

- ``notice-2013``: the decisions as numbered sentences ("1) MAXIMUS Federal Services, Inc. has
  determined the request for X is not medically necessary and appropriate."), then per item
  "1) Regarding the request for X:", both parties' MTUS paragraphs and "Rationale:";
- ``maximus-decisions``: "Item 1: X", "Decision: Upheld", "Claims Administrator
  Guideline(s):", "Expert Reviewer Guideline(s):", "Reason the MTUS was not used:",
  "Decision Rationale:";
- ``professional-review``: "1. X" with "Utilization Review:" and "Determination:" under ISSUE
  AT DISPUTE, then the same numbers under the guidelines and the rationale headings; it
  prints no claims administrator guideline.

Every label is found at the start of a line; what follows it, up to the next label, is its
value, folded (a wrapped value spans lines). The rationale, which each layout prints last, runs
to the item's end: a label inside it is the reviewer's text.
"""

import re
from collections.abc import Iterator

from openimr.letters.parsing.items import RawItem
from openimr.letters.parsing.labels import MAXIMUS_ITEM as _MAXIMUS_ITEM
from openimr.letters.parsing.labels import MAXIMUS_LABEL as _MAXIMUS_LABEL
from openimr.letters.parsing.layout import Section
from openimr.letters.parsing.text import Lines, after, paragraphs

# Numbered "1." or "1)" (the published 2013 notices use "1)"); extraction may glue "not" to
# "medically" ("is notmedically necessary"), as in published notices.
_NOTICE_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")
_NOTICE_FINDING = re.compile(
    r"^\d{1,2}[.)]\s+.*?\bhas\s+determined\s+the\s+request\s+for\s+(?P<t>.+?)\s+"
    r"(?P<v>is\s+not(?=\s*medically)|is)\s*medically\s+necessary",
)
_NOTICE_ITEM = re.compile(r"^\d{1,2}\)\s+Regarding\s+the\s+request\s+for\s+")
_NOTICE_LABEL = re.compile(
    r"^(?:Rationale\s+for\s+the\s+Decision:|Section\s+of\s+the\s+Medical\s+Treatment|Rationale:)"
)
_NOTICE_RATIONALE = re.compile(r"^Rationale:\s*")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+")
_REVIEW_LABEL = re.compile(
    r"^(?P<l>Utilization\s+Review|Determination|Why\s+the\s+MTUS\s+was\s+not\s+used)\s*:\s*"
)
_UR = {"non-certified": "denied", "denied": "denied", "modified": "modified", "delayed": "delayed"}
_VERDICT = re.compile(r"\b(UPHELD|UPHOLD|OVERTURNED|OVERTURN|Upheld|Overturned)\b")
# The sentence professional-review letters print after an MTUS basis: not a citation.
_WHY = re.compile(r"Why\s+the\s+MTUS\s+was\s+not\s+used:\s*")
_MTUS_FIRST = re.compile(r"\s*The\s+MTUS\s+addresses\s+the\s+request\b.*$")


def _fold(lines: Lines, start: int, stop: int) -> str:
    return " ".join(" ".join(lines.text[start:stop]).split())


# The first letters each label pattern can start with (all are case-sensitive): a line that
# starts otherwise is not tried. The numbered patterns start with a digit (every digit \d
# matches passes str.isdigit()); any other pattern is tried on every line.
_FIRSTS = {
    _NOTICE_LABEL: frozenset("RS"),
    _MAXIMUS_ITEM: frozenset("I"),
    _MAXIMUS_LABEL: frozenset("DCER"),
    _REVIEW_LABEL: frozenset("UDW"),
}
_DIGIT_FIRST = (_NOTICE_NUMBERED, _NOTICE_ITEM)


def _starts(lines: Lines, start: int, stop: int, pattern: re.Pattern[str]) -> list[int]:
    text = lines.text
    if pattern in _DIGIT_FIRST:
        return [i for i in range(start, stop) if text[i][:1].isdigit() and pattern.match(text[i])]
    firsts = _FIRSTS.get(pattern)
    if firsts is None:
        return [i for i in range(start, stop) if pattern.match(text[i])]
    return [i for i in range(start, stop) if text[i][:1] in firsts and pattern.match(text[i])]


def _spans(starts: list[int], stop: int) -> Iterator[tuple[int, int]]:
    for n, first in enumerate(starts):
        yield first, starts[n + 1] if n + 1 < len(starts) else stop


def _verdict(text: str) -> str | None:
    found = _VERDICT.search(text)
    if not found:
        return None
    return "upheld" if found.group(1).upper().startswith("UPH") else "overturned"


def _prose(lines: Lines, start: int, stop: int, label: re.Pattern[str]) -> str | None:
    body = paragraphs(lines, start, stop)
    if body:
        body[0] = after(label, body[0])
    text = "\n\n".join(filter(None, map(str.strip, body)))
    return text or None


def notice_items(lines: Lines, parts: dict[str, Section]) -> list[RawItem]:
    """notice-2013: decisions from the numbered findings, the rest from each "Regarding"."""
    findings: list[RawItem] = []
    front = parts.get("determinations") or parts["front"]
    numbered = _starts(lines, front.start, front.stop, _NOTICE_NUMBERED)
    for first, stop in _spans(numbered, front.stop):
        found = _NOTICE_FINDING.match(_fold(lines, first, min(stop, first + 6)))
        if found:
            decision = "upheld" if found.group("v").endswith("not") else "overturned"
            findings.append(RawItem(treatment=found.group("t")[:500], decision=decision))
    summary = parts.get("summary")
    start = summary.start if summary else 0
    heads = _starts(lines, start, len(lines.text), _NOTICE_ITEM)
    for n, (first, stop) in enumerate(_spans(heads, len(lines.text))):
        if n >= len(findings):
            treatment = after(_NOTICE_ITEM, _fold(lines, first, first + 1)).rstrip(":")
            findings.append(RawItem(treatment=treatment[:500], decision=None))
        _notice_fill(findings[n], lines, first + 1, stop)
    return findings


def _notice_fill(item: RawItem, lines: Lines, start: int, stop: int) -> None:
    labels = _starts(lines, start, stop, _NOTICE_LABEL)
    for first, end in _spans(labels, stop):
        line = lines.text[first]
        if line.startswith("Rationale for"):
            continue
        if line.startswith("Rationale:"):
            # Printed last: a label after it ("Rationale:" again, "Section of the ...") is
            # the reviewer's text.
            item.rationale = _prose(lines, first, stop, _NOTICE_RATIONALE)
            return
        # "Section of the MTUS cited by the Claims Administrator:" may wrap; it ends at ":".
        closing = (i for i in range(first, min(end, first + 4)) if lines.text[i].endswith(":"))
        close = next(closing, first)
        heading = _fold(lines, first, close + 1)
        value = _fold(lines, close + 1, end) or None
        if "Claims Administrator" in heading:
            item.claims_administrator = value
        else:
            item.reviewer = value


def maximus_items(lines: Lines, parts: dict[str, Section]) -> list[RawItem]:
    """maximus-decisions: each "Item N:" block of IMR DECISION(S) AND RATIONALE(S)."""
    part = parts.get("issues")
    if not part:
        return []
    items = []
    heads = _starts(lines, part.start, part.stop, _MAXIMUS_ITEM)
    for first, stop in _spans(heads, part.stop):
        labels = _starts(lines, first + 1, stop, _MAXIMUS_LABEL)
        head_end = labels[0] if labels else stop
        treatment = after(_MAXIMUS_ITEM, _fold(lines, first, head_end))
        item = RawItem(treatment=treatment[:500], decision=None)
        for at, end in _spans(labels, stop):
            label = _MAXIMUS_LABEL.match(lines.text[at]).group("l").lower()  # type: ignore[union-attr]
            if label.startswith("decision rationale"):
                # Printed last: a label after it ("Decision:", "Claims Administrator
                # Guideline(s):", "Decision Rationale:" again) is the reviewer's text.
                item.rationale = _prose(lines, at, stop, _MAXIMUS_LABEL)
                break
            value = after(_MAXIMUS_LABEL, _fold(lines, at, end)) or None
            if label == "decision":
                item.decision = _verdict(value or "")
            elif label.startswith("claims"):
                item.claims_administrator = value
            elif label.startswith("expert"):
                item.reviewer = value
            else:
                item.why_not_mtus = value
        items.append(item)
    return items


def _numbered_blocks(lines: Lines, part: Section | None) -> list[tuple[int, int]]:
    """(first line, stop) of each "N. ..." block of a section, numbered 1, 2, 3 in order (a
    wrapped line that happens to start with a number and a full stop is not a block)."""
    if not part:
        return []
    heads, expected = [], 1
    for index in range(part.start, part.stop):
        found = _NUMBERED.match(lines.text[index])
        if found and int(found.group(1)) == expected:
            heads.append(index)
            expected += 1
    return list(_spans(heads, part.stop))


def review_items(lines: Lines, parts: dict[str, Section]) -> list[RawItem]:
    """professional-review: ISSUE AT DISPUTE, then the guideline and rationale sections by
    item number."""
    items = []
    for first, stop in _numbered_blocks(lines, parts.get("dispute")):
        labels = _starts(lines, first + 1, stop, _REVIEW_LABEL)
        treatment = after(_NUMBERED, _fold(lines, first, labels[0] if labels else stop))
        item = RawItem(treatment=treatment[:500], decision=None)
        for at, end in _spans(labels, stop):
            found = _REVIEW_LABEL.match(lines.text[at])
            value = _fold(lines, at, end)[found.end() :] if found else ""
            if found and found.group("l").startswith("Utilization"):
                item.ur_outcome = _UR.get(value.strip(" .").lower())
            elif found:
                item.decision = _verdict(value)
        items.append(item)
    for n, (first, stop) in enumerate(_numbered_blocks(lines, parts.get("guidelines"))):
        if n < len(items):
            _review_guideline(items[n], lines, first, stop)
    for n, (first, stop) in enumerate(_numbered_blocks(lines, parts.get("rationale"))):
        if n < len(items):
            body = _skip_heading(lines, first, stop, items[n].treatment)
            items[n].rationale = "\n\n".join(p for p in paragraphs(lines, body, stop) if p) or None
    return items


def _skip_heading(lines: Lines, first: int, stop: int, treatment: str) -> int:
    """The first line after a block's "N. <treatment>" heading, which may wrap."""
    taken = len(after(_NUMBERED, lines.text[first]))
    index = first + 1
    while index < stop and taken < len(treatment):
        taken += 1 + len(lines.text[index])
        index += 1
    return index


def _review_guideline(item: RawItem, lines: Lines, first: int, stop: int) -> None:
    body = _skip_heading(lines, first, stop, item.treatment)
    why = next((i for i in range(body, stop) if lines.text[i].startswith("Why the MTUS")), stop)
    item.reviewer = _MTUS_FIRST.sub("", _fold(lines, body, why)) or None
    if why < stop:
        item.why_not_mtus = after(_WHY, _fold(lines, why, stop))
