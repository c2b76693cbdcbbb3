"""Which published layout a letter is (domain.md §6), and where its sections are.

Each layout is recognised by phrases only it prints; its sections by their headings, each
on a line of its own. A heading maps to one of a few section kinds that every layout shares
(who reviewed, the clinical summary, the decisions, the documents reviewed, ...).
"""

import re
from bisect import bisect_left
from typing import NamedTuple

from openimr.letters.parsing.contract import LetterUnreadable
from openimr.letters.parsing.items import is_intro, verdict_end
from openimr.letters.parsing.labels import MAXIMUS_ITEM, opens_rationale, opens_with_label
from openimr.letters.parsing.parties import bulleted
from openimr.letters.parsing.text import Lines

# heading (lower case, no trailing colon) -> section kind
HEADINGS = {
    "how the imr final determination was made": "reviewer",
    "medical qualifications of the expert reviewer": "reviewer",
    "medical reviewer qualifications": "reviewer",
    "expert reviewer qualifications": "reviewer",
    "clinical case summary": "summary",
    "expert reviewer case summary": "summary",
    "independent medical review final determination": "determinations",
    "independent medical review decision and rationale": "determinations",  # the 2013 notices
    "documents reviewed for the independent medical review": "documents",
    "case summary": "summary",
    "imr issues, decisions and rationales": "issues",
    "imr decision(s) and rationale(s)": "issues",
    "imr decisions and rationales": "issues",
    "issue at dispute": "dispute",
    "issues at dispute": "dispute",
    "documents reviewed": "documents",
    "documents reviewed for determination": "documents",
    "medical treatment guideline(s) relied upon by professional reviewer and why": "guidelines",
    "rationale for why the requested treatment/service is/was not medically necessary": (
        "rationale"
    ),
    "rationale for why the requested treatment/service is/was medically necessary": "rationale",
    "rationale": "rationale",
    "determination": "determination",
    "references": "references",
    "your right to appeal": "appeal",
    "parties served": "served",
}
# The first four characters of every heading above, and its first word when shorter (a
# heading wrapped after "HOW"): a cheap test before the lookup.
_OPENINGS = frozenset(
    variant
    for heading in HEADINGS
    for start in {heading[:4], heading.split()[0][:4]}
    for variant in (start, start.upper(), start.title(), start.capitalize())
)
_NOTICE = "notice of independent medical review determination"
_PROFESSIONAL = "medical professional review"
_MAXIMUS = ("maximus federal services, inc", "imr decision(s) and rationale(s)")
_HEADER = re.compile(r"Case\s+(?:Number|No\.?)\s*:", re.IGNORECASE)
_LETTERISH = re.compile(
    r"(?:Upheld|Overturned|medically\s+necessary|Independent\s+Medical\s+Review)", re.IGNORECASE
)


# A named tuple, not a frozen dataclass: a letter makes a dozen, and a tuple is made in a
# fifth of the time.
class Section(NamedTuple):
    kind: str
    name: str  # the heading, lower case
    heading: int  # line index of the heading
    start: int  # first line of the body
    stop: int  # one past its last line


def detect(lines: Lines, parts: dict[str, "Section"]) -> str:
    """The layout's name, from the title lines and the headings found; LetterUnreadable
    when the text is no letter we know."""
    head = " ".join(lines.text[:40]).lower()
    names = {part.name for part in parts.values()}
    if _NOTICE in head:
        return "notice-2013"
    # Its title, or ISSUE AT DISPUTE as the first heading: a reviewer's "The issue at
    # dispute is ..." or "Issue at dispute:" in another layout's summary is no such thing.
    dispute = parts.get("dispute")
    if _PROFESSIONAL in head or (dispute and dispute.heading == parts["front"].stop):
        return "professional-review"
    if any(marker in head or marker in names for marker in _MAXIMUS):
        return "maximus-decisions"
    if names & {"how the imr final determination was made", "imr issues, decisions and rationales"}:
        front = parts["front"]
        header = " ".join(lines.text[front.start : front.stop])
        return "fdl-2016" if _HEADER.search(header) else "fdl-2014"
    if not lines.text:
        raise LetterUnreadable("not a letter: the text is empty")
    if _LETTERISH.search(" ".join(lines.text[:200])):
        raise LetterUnreadable(
            "not a letter in a known layout: none of the headings of a Final Determination "
            "Letter (e.g. 'HOW THE IMR FINAL DETERMINATION WAS MADE') was found"
        )
    raise LetterUnreadable(
        "not a letter: no Independent Medical Review determination, heading or decision "
        "(Upheld/Overturned) was found in the text"
    )


# The order of each layout's section kinds, as its letters print them (domain.md §6,
# docs/parser.md): a heading line of another kind, or out of this order, is the reviewer's
# text. Ours (fdl-2016) adds the documents, the appeal rights and the parties served; the
# 2013 notice lists the documents before the summary.
ORDER = {
    "notice-2013": ("determinations", "reviewer", "documents", "summary"),
    "fdl-2014": ("reviewer", "summary", "issues", "documents", "appeal", "served"),
    "fdl-2016": ("reviewer", "summary", "issues", "documents", "appeal", "served"),
    "maximus-decisions": ("reviewer", "documents", "summary", "issues"),
    "professional-review": (
        "dispute", "summary", "documents", "guidelines", "rationale", "reviewer",
    ),
}  # fmt: skip
# Sections that a letter of the layout prints all together or not at all: ours (read as
# fdl-2016) lists the documents, the appeal rights and the parties served after its items;
# the published fdl letters print none of them. One or two of those heading lines, without
# the rest, are the reviewer's text ("DOCUMENTS REVIEWED" in a rationale).
_TOGETHER = dict.fromkeys(("fdl-2014", "fdl-2016"), frozenset(("documents", "appeal", "served")))
# The sections that hold the reviewer's own prose, where a heading line may be quoted (the
# notice-2013 rationales follow its summary with no heading of their own).
_PROSE = frozenset(("summary", "issues", "guidelines", "rationale"))


# The words a heading opens with, short of the whole heading ("how the imr final
# determination was"): a line that is only these may be a heading wrapped onto the next.
_WRAPPED = frozenset(
    " ".join(words[:n]) for words in map(str.split, HEADINGS) for n in range(1, len(words))
)


def headings(lines: Lines) -> tuple[list[tuple[str, int]], Lines]:
    """(name, line index) of every line that reads as a heading, in order, and the lines
    with each heading that wrapped ("HOW THE IMR FINAL DETERMINATION WAS" / "MADE", in a
    narrow column or a large font) joined back onto one line (``lines`` itself when none
    did)."""
    found, wrapped = _found(lines.text)
    if not wrapped:
        return found, lines
    joined = _joined(lines, wrapped)
    return _found(joined.text)[0], joined


def _found(text: tuple[str, ...]) -> tuple[list[tuple[str, int]], list[tuple[int, int]]]:
    """The headings of ``headings``, and (first line, last line) of each wrapped one."""
    found: list[tuple[str, int]] = []
    wrapped: list[tuple[int, int]] = []
    # Headings are short and open with a heading's first four letters; most lines do not.
    maybe = [i for i, line in enumerate(text) if len(line) < 84 and line[:4] in _OPENINGS]
    for index in maybe:
        name = text[index].rstrip(" :").lower()
        if "  " in name:  # a justified line's run of spaces ("HOW  THE IMR ... MADE")
            name = " ".join(name.split())
        # "DOCUMENTS REVIEWED" / "FOR DETERMINATION": the longer heading, when both read.
        if name in _WRAPPED and (last := _wrap_end(text, index, name)) is not None:
            wrapped.append((index, last))
        elif name in HEADINGS:
            found.append((name, index))
    return found, wrapped


def _wrap_end(text: tuple[str, ...], index: int, name: str) -> int | None:
    """The last line of a heading that opens with line ``index`` (``name``, lower case) and
    goes on over the next line or two; None when the lines make no heading."""
    for last in range(index + 1, min(index + 3, len(text))):
        name = f"{name} {text[last].rstrip(' :').lower()}"
        if name in HEADINGS:
            return last
        if name not in _WRAPPED:
            return None
    return None


def _joined(lines: Lines, wrapped: list[tuple[int, int]]) -> Lines:
    """``lines`` with each span ``first..last`` of ``wrapped`` on one line, which ends (or
    may end) a paragraph as its last line does."""
    text, ends, soft = list(lines.text), list(lines.ends), list(lines.soft)
    for first, last in reversed(wrapped):
        text[first : last + 1] = [" ".join(text[first : last + 1])]
        ends[first : last + 1] = [ends[last]]
        soft[first : last + 1] = [soft[last]]
    return Lines(tuple(text), tuple(ends), tuple(soft))


# How far below its heading the first item's heading ends: an introduction ("... set forth
# below:") and a heading that wraps ("X was the original request. ... Z is: Upheld", eight
# lines in a PDF's narrow column) come first.
_FIRST_ITEM_WITHIN = 12


def _opens_items(lines: Lines, found: list[tuple[str, int]], at: int, listed: str | None) -> int:
    """How surely the items heading ``found[at]`` is followed by the first item, before the
    next heading line: 0 for no item's heading (a line that ends in a verdict, "X: Upheld",
    or opens "Item 1:") within twelve lines; else 1, plus 2 when a line opening with its
    labels comes below it ("Claims Administrator guideline:", "Decision:"), plus 1 when the
    letter's introduction to its items comes first (fdl: "... set forth below:") or the item
    is the one the letter lists first among its decisions up front (``listed``,
    maximus-decisions). The items heading quoted as a line of the summary is followed by the
    summary's prose, maybe by a verdict the reviewer quoted with it, or by a whole item
    quoted, not by the introduction."""
    first = found[at][1] + 1
    stop = found[at + 1][1] if at + 1 < len(found) else len(lines.text)
    text = lines.text
    for index in range(first, min(stop, first + _FIRST_ITEM_WITHIN)):
        line = text[index]
        numbered = MAXIMUS_ITEM.match(line)
        if numbered is None and verdict_end(line) is None:
            continue
        if numbered is not None:
            named = " ".join(line[numbered.end() :].split())
            introduced = bool(listed and named and _same_start(named, listed))
        else:
            introduced = any(is_intro(text[i]) for i in range(first, index))
        return 1 + 2 * _labelled(lines, index + 1, stop) + introduced
    return 0


def _same_start(one: str, other: str) -> bool:
    """Whether the shorter of two texts opens the longer with whole words: one treatment's
    name wrapped at different words in two places."""
    short, long = sorted((one, other), key=len)
    return (long + " ").startswith(short + " ")


# The first decision a maximus-decisions letter lists up front ("1. X: Upheld").
_LISTED_FIRST = re.compile(r"^1[.)]\s+")


def _listed_first(lines: Lines, upto: int) -> str | None:
    """The treatment's words on the first line of the decision listed first in the lines
    ``:upto`` (the front matter), without its verdict; None when none is listed."""
    for line in lines.text[:upto]:
        if line[:1] == "1" and (number := _LISTED_FIRST.match(line)):
            rest = line[number.end() :]
            verdict = verdict_end(rest)
            return " ".join(((verdict[0] or "") if verdict else rest).split()) or None
    return None


def _labelled(lines: Lines, first: int, stop: int) -> bool:
    """Whether a line opening with an item's label comes in ``first:stop`` (at most twelve
    lines) before a line that opens another item."""
    for line in lines.text[first : min(stop, first + _FIRST_ITEM_WITHIN)]:
        if opens_with_label(line):
            return True
        if verdict_end(line) is not None or MAXIMUS_ITEM.match(line):
            return False
    return False


def _item_below(
    lines: Lines, found: list[tuple[str, int]], kinds: list[str], together: frozenset[str]
) -> bool:
    """Whether an item (a line ending in a verdict, with an item's label below it) follows
    the last heading line of one kind of ``together``: our letter prints those headings after
    its last item, so with an item below them they are lines of a published letter's
    rationales (the reviewer may quote one of them in ours too, above its own)."""
    last = dict.fromkeys(together, -1)
    for (_, index), kind in zip(found, kinds, strict=True):
        if kind in last:
            last[kind] = index
    first = min(last.values())
    text = lines.text
    for index in range(first + 1, len(text)):
        line = text[index]
        if (
            line.endswith(("d", "D"))  # as each verdict does: a cheap test first
            and verdict_end(line) is not None
            and _labelled(lines, index + 1, len(text))
        ):
            return True
    return False


def _lists_parties(lines: Lines, found: list[tuple[str, int]], kinds: list[str]) -> bool:
    """Whether the last PARTIES SERVED line is followed by a list entry ("- Employee: X")
    before the next heading line: our letter lists at least one party served under it,
    always (letters/domain/builder.py), where a reviewer quoting the three headings in a
    published letter's last rationale writes prose."""
    last = max(n for n, kind in enumerate(kinds) if kind == "served")
    stop = found[last + 1][1] if last + 1 < len(found) else len(lines.text)
    return any(bulleted(line) for line in lines.text[found[last][1] + 1 : stop])


def real_headings(found: list[tuple[str, int]], layout: str, lines: Lines) -> list[tuple[str, int]]:
    """The headings that are the letter's own: the most that follow the layout's ``ORDER``,
    each kind once; of equal choices, the one that leaves the other heading lines inside
    the reviewer's prose (a "DOCUMENTS REVIEWED" line in item 1's rationale, not in the
    list of documents), then the one whose items heading is followed by the first item and
    its labels (an "IMR ISSUES, DECISIONS AND RATIONALES" line quoted in the summary is not,
    even with a verdict quoted after it), then the earliest. A heading of ``_TOGETHER``
    without the others is none of the letter's. ``found`` itself when every line is one."""
    rank = {kind: n for n, kind in enumerate(ORDER[layout])}
    kinds = [HEADINGS[name] for name, _ in found]
    ranks = [rank.get(kind, -1) for kind in kinds]
    together = _TOGETHER.get(layout)
    if (
        together
        and (some := together.intersection(kinds))
        and (
            some != together
            or _item_below(lines, found, kinds, together)
            or not _lists_parties(lines, found, kinds)
        )
    ):
        ranks = [-1 if kind in together else n for kind, n in zip(kinds, ranks, strict=True)]
    if all(a < b for a, b in zip([-1, *ranks], ranks, strict=False)):
        return found  # every heading once, in order: as in each published letter
    ends = len(found)
    # How surely the first item follows an items heading (``_opens_items``): kept, it
    # breaks a tie.
    listed = _listed_first(lines, found[0][1]) if layout == "maximus-decisions" else None
    opens = [
        _opens_items(lines, found, n, listed) if kind == "issues" else 0
        for n, kind in enumerate(kinds)
    ]

    # Where the items' prose starts below each line: the reviewer writes in an item's
    # rationale, not among the items' headings and the labels above it.
    rationales = (
        [i for i, line in enumerate(lines.text) if opens_rationale(line)]
        if "issues" in kinds
        else []
    )
    at = [index for _, index in found]

    def misplaced(last: int, upto: int) -> int:
        """Heading lines skipped after heading ``last`` (-1: the front) up to ``upto``: none
        counts when they sit in prose, where the reviewer may have written them; below the
        items heading, that is after the first rationale label (a whole item quoted in the
        summary after the items heading quoted there, its heading line and a label, would
        otherwise hold the letter's own items heading among its labels at no cost)."""
        if last < 0 or kinds[last] not in _PROSE:
            return upto - last - 1
        if kinds[last] != "issues":
            return 0
        prose = bisect_left(rationales, at[last])
        if prose == len(rationales):
            return upto - last - 1
        return max(0, min(upto, bisect_left(at, rationales[prose])) - last - 1)

    # best[j]: (headings kept, -lines misplaced, items headings an item follows, the kept)
    # of the best choice ending with j.
    best: list[tuple[int, int, int, tuple[int, ...]] | None] = []
    for j in range(ends + 1):
        kept = 1 if j < ends else 0
        opened = opens[j] if j < ends else 0
        here = (
            (kept, -misplaced(-1, j), opened, (j,) * kept) if j == ends or ranks[j] >= 0 else None
        )
        for i, before in enumerate(best):
            if here is None or before is None or (j < ends and not ranks[i] < ranks[j]):
                continue
            option = (
                before[0] + kept,
                before[1] - misplaced(i, j),
                before[2] + opened,
                before[3] + (j,) * kept,
            )
            if option[:3] > here[:3]:  # of equal choices, the first (earliest) stays
                here = option
        best.append(here)
    chosen = best[ends]
    return [found[j] for j in chosen[3]] if chosen else []


def sections(lines: Lines, found: list[tuple[str, int]]) -> dict[str, Section]:
    """The sections that the headings ``found`` open, the first of each kind, by kind; the
    front matter (before any heading) is ``front``."""
    out: dict[str, Section] = {}
    first = found[0][1] if found else len(lines.text)
    out["front"] = Section("front", "", -1, 0, first)
    for number, (name, index) in enumerate(found):
        stop = found[number + 1][1] if number + 1 < len(found) else len(lines.text)
        kind = HEADINGS[name]
        if kind not in out:
            out[kind] = Section(kind, name, index, index + 1, stop)
    return out
