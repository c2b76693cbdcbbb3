"""The disputed items of the decisions section: heading, verdict, both guideline lines, the
reason a non-MTUS source was used, and the rationale.

An item starts with its heading, ``<treatment>: Upheld|Overturned``. The heading may wrap,
may follow the previous rationale on the same printed line after a page break, and may read
"X was the original request. Y was authorized by the Claims Administrator. The remaining IMR
eligible portion of the original request, Z is: Upheld" — the item is then Z. Where the
heading starts is where the previous rationale's paragraph ends (see ``text.Lines``).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from openimr.letters.parsing.text import Lines, paragraphs

VERDICTS = {"upheld": "upheld", "overturned": "overturned", "not yet decided": None}
_VERDICT_WORDS = ("upheld", "overturned", "decided")
_D = frozenset("dD")
_VERDICT_END = re.compile(
    r"^(?:(?P<head>.*?)\s*:)?\s*(?P<v>Upheld|Overturned|Not yet decided)\s*$", re.IGNORECASE
)
_LABEL = re.compile(
    r"^(?P<label>Claims\s+Administrator\s+guideline|(?:[\w&.-]+\s+){0,2}?(?:[\w&.-]+)\s+guideline"
    r"|Why\s+the\s+MTUS\s+was\s+not\s+used|Decision\s+rationale|Rationale)\s*:\s*",
    re.IGNORECASE,
)
# "... The remaining IMR eligible portion of the original request, X is" and "... leaving the
# original request IMR eligible. The original request, X is".
_REMAINING = re.compile(
    r"(?:remaining\s+IMR\s+eligible\s+portion\s+of\s+the|\bThe)\s+original\s+request,\s+(.+?)"
    r"(?:\s+is)?\s*$",
    re.IGNORECASE,
)
# What follows the last rationale in our own letters and must not be read as part of it.
_AFTERWORD = re.compile(r"^Each\s+item\s+marked\s+Overturned\b", re.IGNORECASE)


def _is_intro(line: str) -> bool:
    """ "... set forth below:" (published letters) or "... service below:" (ours)."""
    return line.endswith("below:") or "set forth below" in line


@dataclass
class RawItem:
    treatment: str
    decision: str | None
    claims_administrator: str | None = None  # the guideline paragraph, folded
    reviewer: str | None = None
    why_not_mtus: str | None = None
    rationale: str | None = None
    remaining_portion: bool = False
    ur_outcome: str | None = None  # when the letter states it
    notes: list[str] = field(default_factory=list)


def _label(line: str) -> re.Match[str] | None:
    # Most lines are prose; only these can start with a label.
    if "guideline" in line[:60] or (line[:1] in "DRW" and ":" in line[:30]):
        return _LABEL.match(line)
    return None


def _markers(lines: Lines, start: int, stop: int) -> list[tuple[int, str | None, bool]]:
    """(line index, verdict, whether the verdict stands alone on the line) of each item
    heading's last line."""
    out = []
    text = lines.text
    # Most lines end in prose: the few that end in a verdict are picked out first (each
    # verdict word ends in "d": a cheaper test before the lowering).
    ending = [
        i
        for i in range(start, stop)
        if text[i][-1:] in _D and text[i][-10:].lower().endswith(_VERDICT_WORDS)
    ]
    for index in ending:
        line = text[index]
        found = _VERDICT_END.match(line)
        if not found:
            continue
        bare = found.group("head") is None
        if bare and not (index > start and lines.text[index - 1].endswith(":")):
            continue
        out.append((index, VERDICTS[found.group("v").lower()], bare))
    return out


def _heading_start(lines: Lines, marker: int, bare: bool, floor: int) -> int:
    first = marker - 1 if bare else marker
    while first > floor and not lines.soft[first - 1]:
        first -= 1
    return first


def treatment_of(heading: str) -> tuple[str, bool]:
    """The treatment a heading names, and whether it was the remaining portion of a request
    that UR partly authorized."""
    found = _VERDICT_END.match(heading)
    text = (found.group("head") or "") if found else heading
    text = text.strip()
    remaining = _REMAINING.search(text)
    if remaining:
        return remaining.group(1).strip(" ,."), True
    return text, False


# line index -> its label, lower case, and where the label (with its colon) ends in the line
Labels = dict[int, tuple[str, int]]


def _labels(lines: Lines, start: int, stop: int) -> tuple[Labels, int]:
    """The labelled lines of the section, found once, and where our letters' afterword
    starts (the section's end otherwise)."""
    found: Labels = {}
    text = lines.text
    # Only these lines can hold a label or the afterword (``_label``): picked out first.
    maybe = [
        i
        for i in range(start, stop)
        if "guideline" in (line := text[i])[:60]
        or (line[:1] in "DRW" and ":" in line[:30])
        or line[:4] == "Each"
    ]
    for index in maybe:
        line = text[index]
        if (match := _label(line)) is not None:
            found[index] = (match.group("label").lower(), match.end())
        elif line[:4] == "Each" and _AFTERWORD.match(line):
            return found, index
    return found, stop


def _fill(
    item: RawItem, lines: Lines, labelled: list[tuple[int, tuple[str, int]]], stop: int
) -> None:
    """Read the labelled paragraphs (line index, (label, its end)) up to ``stop`` into
    ``item``."""
    for number, (index, (label, label_end)) in enumerate(labelled):
        end = labelled[number + 1][0] if number + 1 < len(labelled) else stop
        body = paragraphs(lines, index, end)
        if body:
            # The paragraph opens with the labelled line, and _LABEL matched there: no
            # character of a label can be a colon, so matched on the paragraph it ends at
            # the same place, and only its closing \s* takes the spaces that follow too.
            body[0] = body[0][label_end:].lstrip()
        if label.startswith("claims administrator"):
            item.claims_administrator = " ".join(" ".join(body).split())
        elif label.endswith("guideline"):
            item.reviewer = " ".join(" ".join(body).split())
        elif label.startswith("why"):
            item.why_not_mtus = " ".join(" ".join(body).split()) or None
        else:
            item.rationale = "\n\n".join(filter(None, map(str.strip, body))) or None


def read_items(lines: Lines, start: int, stop: int) -> list[RawItem]:
    """The items of the decisions section's lines ``start:stop``, in letter order."""
    floor = start
    for index in range(start, min(stop, start + 4)):
        if _is_intro(lines.text[index]):
            floor = index + 1
            break
    labels, stop = _labels(lines, floor, stop)
    at = sorted(labels)  # bisected: a hostile text may have thousands of labels and items
    markers = [(m, v, bare) for m, v, bare in _markers(lines, floor, stop) if m not in labels]
    heads: list[int] = []
    for number, (marker, _, bare) in enumerate(markers):
        previous = markers[number - 1][0] + 1 if number else floor
        last = bisect_left(at, marker) - 1
        floor_here = at[last] + 1 if number and last >= 0 and at[last] >= previous else previous
        heads.append(_heading_start(lines, marker, bare, floor_here))
    items = []
    for number, (marker, verdict, _) in enumerate(markers):
        heading = " ".join(lines.text[heads[number] : marker + 1])
        treatment, remaining = treatment_of(" ".join(heading.split()))
        item = RawItem(treatment=treatment[:500], decision=verdict, remaining_portion=remaining)
        end = heads[number + 1] if number + 1 < len(markers) else stop
        inside = at[bisect_right(at, marker) : bisect_left(at, end)]
        _fill(item, lines, [(i, labels[i]) for i in inside], end)
        items.append(item)
    return items
