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

from openimr.letters.parsing.labels import label_at
from openimr.letters.parsing.split_labels import unsplit
from openimr.letters.parsing.text import Lines, paragraphs

VERDICTS = {"upheld": "upheld", "overturned": "overturned", "not yet decided": None}
_VERDICT_WORDS = ("upheld", "overturned", "decided")
_D = frozenset("dD")
_VERDICT_END = re.compile(
    r"^(?:(?P<head>.*?)\s*:)?\s*(?P<v>Upheld|Overturned|Not yet decided)\s*$", re.IGNORECASE
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


# Each verdict, lower case, longest first.
_VERDICT_NAMES = ("not yet decided", "overturned", "upheld")


def verdict_end(line: str) -> tuple[str | None, str] | None:
    """(the heading before the colon, the verdict in lower case) of a line that ends in a
    verdict, as ``_VERDICT_END`` matches it: the heading is None when no colon comes before
    the verdict. None when the line does not end in one."""
    if not line.isascii() or "\n" in line:
        # Outside ASCII a case-blind pattern matches more than lower() tells (U+0131 "ı"
        # matches "i"), and its "." stops at a line break: the pattern decides.
        found = _VERDICT_END.match(line)
        return (found.group("head"), found.group("v").lower()) if found else None
    # In ASCII text the pattern, tried at every character of the heading, only says: the
    # line ends in a verdict (and spaces); before it, spaces alone, or a colon with the
    # heading before it. The colon is the line's last one (a verdict holds none), and the
    # pattern's lazy heading stops before the spaces that precede it.
    body = line.rstrip()
    tail = body[-15:].lower()
    for verdict in _VERDICT_NAMES:
        if tail.endswith(verdict):
            before = body[: len(body) - len(verdict)].rstrip()
            if not before:
                return None, verdict
            return (before[:-1].rstrip(), verdict) if before[-1] == ":" else None
    return None


def is_intro(line: str) -> bool:
    """Whether the line ends the introduction to the items: "... set forth below:" (published
    letters) or "... service below:" (ours)."""
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
        found = verdict_end(text[index])
        if not found:
            continue
        bare = found[0] is None
        if bare and not (index > start and lines.text[index - 1].endswith(":")):
            continue
        out.append((index, VERDICTS[found[1]], bare))
    return out


def _heading_start(lines: Lines, marker: int, bare: bool, floor: int) -> int:
    first = _walk_back(lines, marker - 1 if bare else marker, floor)
    if "original request" not in " ".join(lines.text[first : marker + 1]):
        return first
    # "X was the original request. Y was authorized by the Claims Administrator. The
    # remaining ... portion of the original request, Z is: Upheld": without a paragraph
    # signal its sentences end at line ends too; the heading opens with the paragraph of
    # the line that ends "... original request." (at most eight lines up).
    for index in range(first - 1, max(floor, first - 8) - 1, -1):
        if "original request." in lines.text[index]:
            return _walk_back(lines, index, floor)
    return first


def _walk_back(lines: Lines, first: int, floor: int) -> int:
    """Up from line ``first`` to the line after the previous paragraph's (possible) end. A
    line ending in a colon ends no paragraph when only punctuation marks the ends (no
    rationale ends in one; a heading wraps after "DOS:")."""
    soft, ends, text = lines.soft, lines.ends, lines.text
    while first > floor and not (
        ends[first - 1] or (soft[first - 1] and text[first - 1][-1] != ":")
    ):
        first -= 1
    return first


def treatment_of(heading: str) -> tuple[str, bool]:
    """The treatment a heading names, and whether it was the remaining portion of a request
    that UR partly authorized."""
    found = verdict_end(heading)
    text = (found[0] or "") if found else heading
    text = text.strip()
    # Most headings name no remaining portion: an ASCII one without the word "original"
    # (as the case-blind pattern reads it: lower() is exact in ASCII) cannot match.
    if text.isascii() and "original" not in text.lower():
        return text, False
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
    # Only these lines can hold a label or the afterword (``label_at``): picked out first.
    maybe = [
        i
        for i in range(start, stop)
        if "guideline" in (line := text[i])[:60]
        or (line[:1] in "DRW" and ":" in line[:30])
        or line[:3] == "Why"
        or line[:4] == "Each"
    ]
    for index in maybe:
        line = text[index]
        if (label := label_at(line)) is not None:
            found[index] = label
        elif line[:4] == "Each" and _AFTERWORD.match(line):
            return found, index
    return found, stop


def _fill(
    item: RawItem, lines: Lines, labelled: list[tuple[int, tuple[str, int]]], stop: int
) -> None:
    """Read the labelled paragraphs (line index, (label, its end)) up to ``stop`` into
    ``item``. Every layout prints the rationale last: from its label to ``stop`` is the
    rationale, and a label inside it (a second "Rationale:", a "Claims Administrator
    guideline:" the reviewer wrote) is the reviewer's text."""
    for number, (index, (label, label_end)) in enumerate(labelled):
        if label.endswith("rationale"):
            body = paragraphs(lines, index, stop)
            if body:
                # The paragraph opens with the labelled line, and the label pattern matched:
                # no character of a label is a colon, so matched on the paragraph it ends
                # at the same place, and only its closing \s* takes the spaces that follow.
                body[0] = body[0][label_end:].lstrip()
            item.rationale = "\n\n".join(filter(None, map(str.strip, body))) or None
            return
        end = labelled[number + 1][0] if number + 1 < len(labelled) else stop
        if label.startswith("claims administrator"):
            item.claims_administrator = _folded(lines, index, end, label_end)
        elif label.endswith("guideline"):
            item.reviewer = _folded(lines, index, end, label_end)
        else:  # "why the MTUS was not used", "why a source outside the MTUS was also used"
            item.why_not_mtus = _folded(lines, index, end, label_end) or None


def _folded(lines: Lines, index: int, end: int, label_end: int) -> str:
    """The lines ``index:end`` after the label that ends at ``label_end`` in the first, on
    one line with single spaces. (Their paragraphs would be folded into one anyway: the
    lines are joined without looking for paragraph ends.)"""
    return " ".join(" ".join(lines.text[index:end])[label_end:].split())


# The words a reviewer names the request or the decision itself with ("The request:
# Overturned", "Decision: Upheld", "Therefore, the UR determination is: Upheld"): a line
# ending in a verdict whose words are all of these names no treatment, so it is no item's
# heading, which names one (domain.md section 6: "<item>: Upheld|Overturned").
_NO_TREATMENT = frozenset(
    re.findall(
        r"\S+",
        "a an the this that these those its my our their his her such "
        "request requests requested decision decisions determination determinations outcome "
        "result verdict conclusion finding findings recommendation ruling disposition "
        "final overall prior previous initial ur imr utilization review independent medical "
        "expert reviewer reviewer's reviewers is was are were remains be should therefore thus "
        "hence accordingly so in summary",
    )
)
_WORD_EDGES = ".,;'\"()"


# Where a sentence ends inside a heading as read: without a paragraph signal, a rationale's
# line is read with the sentences above it ("... has not been established. The request").
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def names_no_treatment(treatment: str) -> bool:
    """Whether the words of a heading's last sentence, all of them, only name the request or
    the decision."""
    words = _SENTENCE_END.split(treatment)[-1].lower().split()
    return bool(words) and all(word.strip(_WORD_EDGES) in _NO_TREATMENT for word in words)


# (line of the verdict, the verdict, first line of the heading, (treatment, remaining))
_Read = tuple[int, str | None, int, tuple[str, bool]]


def _headings_only(read: list[_Read], labels: Labels, at: list[int], last: int) -> list[_Read]:
    """The candidate headings ``read`` without the lines of a rationale that end in a
    verdict after a colon but are no item's heading: inside the previous item's rationale
    (its label is the last one above), with no label of their own below them before the
    next candidate. Every fdl item prints its labels under its heading (domain.md section
    6), so such a line is the reviewer's ("Aquatic therapy: Upheld", a prior decision
    quoted), unless it is the letter's ``last`` line: a letter cut after an item's heading
    keeps that item when it names one."""
    kept = read[:1]
    for number in range(1, len(read)):
        marker = read[number][0]
        above = bisect_left(at, marker) - 1
        below = bisect_right(at, marker)
        following = read[number + 1][0] if number + 1 < len(read) else None
        if (
            above >= 0
            and labels[at[above]][0].endswith("rationale")
            and (below == len(at) or (following is not None and at[below] > following))
            and (marker < last or names_no_treatment(read[number][3][0]))
        ):
            continue
        kept.append(read[number])
    return kept


def read_items(lines: Lines, start: int, stop: int) -> list[RawItem]:
    """The items of the decisions section's lines ``start:stop``, in letter order; a label
    split over two lines in a narrow column is read whole (``split_labels``), looked for
    only under an item whose first label or rationale label was not found."""
    items, unlabelled = _read_items(lines, start, stop)
    if not unlabelled or (repaired := unsplit(lines, unlabelled)) is None:
        return items
    joined, removed = repaired
    return _read_items(joined, start, stop - bisect_left(removed, stop))[0]


def _read_items(lines: Lines, start: int, stop: int) -> tuple[list[RawItem], list[tuple[int, int]]]:
    """The items of lines ``start:stop``, and the lines (from the heading's next to the
    next heading's last) under each item whose labels are not as every fdl item prints
    them: its first line below the heading holds none, it has fewer than three (both
    guidelines and the rationale), none is a rationale's, or a line inside it ends in a
    verdict (an item whose labels were all split is read as a line of the previous
    rationale). A label there may have been split; in the 182 letters none is."""
    floor = start
    for index in range(start, min(stop, start + 4)):
        if is_intro(lines.text[index]):
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
    read = [
        (
            marker,
            verdict,
            head,
            treatment_of(" ".join(" ".join(lines.text[head : marker + 1]).split())),
        )
        for (marker, verdict, _), head in zip(markers, heads, strict=True)
    ]
    candidates = read
    if len(read) > 1:
        read = _headings_only(read, labels, at, len(lines.text) - 1)
    # A heading read as a rationale's line may be an item's whose labels were all split:
    # the verdict lines of every candidate, when one was dropped (only those inside an
    # item's lines, the dropped ones, count below).
    dropped = [marker for marker, *_ in candidates] if len(read) < len(candidates) else []
    items = []
    unlabelled: list[tuple[int, int]] = []
    for number, (marker, verdict, _, (treatment, remaining)) in enumerate(read):
        item = RawItem(treatment=treatment[:500], decision=verdict, remaining_portion=remaining)
        end = read[number + 1][2] if number + 1 < len(read) else stop
        inside = at[bisect_right(at, marker) : bisect_left(at, end)]
        if (
            len(inside) < 3
            or inside[0] != marker + 1
            # The rationale is printed last: most items' last label is it.
            or (not labels[inside[-1]][0].endswith("rationale") and lacks_rationale(labels, inside))
            or (dropped and bisect_right(dropped, marker) < bisect_left(dropped, end))
        ):
            # Up to the next heading's verdict line: a split label may hide where its
            # heading starts.
            unlabelled.append((marker + 1, read[number + 1][0] if number + 1 < len(read) else stop))
        _fill(item, lines, [(i, labels[i]) for i in inside], end)
        items.append(item)
    return items, unlabelled


def lacks_rationale(labels: Labels, inside: list[int]) -> bool:
    """Whether none of the labels at the lines ``inside`` is a rationale's."""
    return not any(labels[i][0].endswith("rationale") for i in inside)
