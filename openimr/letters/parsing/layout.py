"""Which published layout a letter is (domain.md §6), and where its sections are.

Each layout is recognised by phrases only it prints; its sections by their headings, each
on a line of its own. A heading maps to one of a few section kinds that every layout shares
(who reviewed, the clinical summary, the decisions, the documents reviewed, ...).
"""

import re
from typing import NamedTuple

from openimr.letters.parsing.contract import LetterUnreadable
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
# The first four characters of every heading above: a cheap test before the lookup.
_OPENINGS = (
    frozenset(heading[:4] for heading in HEADINGS)
    | frozenset(heading[:4].upper() for heading in HEADINGS)
    | frozenset(heading[:4].title() for heading in HEADINGS)
    | frozenset(heading[:4].capitalize() for heading in HEADINGS)
)
_NOTICE = "notice of independent medical review determination"
_PROFESSIONAL = ("medical professional review", "issue at dispute", "issues at dispute")
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
    if any(marker in head for marker in _PROFESSIONAL) or "issue at dispute" in names:
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


def sections(lines: Lines) -> dict[str, Section]:
    """The first section of each kind, by kind; the front matter (before any heading) is
    ``front``."""
    found: list[tuple[str, int]] = []
    # Headings are short and open with a heading's first four letters; most lines do not.
    maybe = [i for i, line in enumerate(lines.text) if len(line) < 84 and line[:4] in _OPENINGS]
    for index in maybe:
        name = lines.text[index].rstrip(" :").lower()
        if name in HEADINGS:
            found.append((name, index))
    out: dict[str, Section] = {}
    first = found[0][1] if found else len(lines.text)
    out["front"] = Section("front", "", -1, 0, first)
    for number, (name, index) in enumerate(found):
        stop = found[number + 1][1] if number + 1 < len(found) else len(lines.text)
        kind = HEADINGS[name]
        if kind not in out:
            out[kind] = Section(kind, name, index, index + 1, stop)
    return out
