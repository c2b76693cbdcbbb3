"""The labels an item prints under its heading ("Claims Administrator guideline:", "<Organisation>
guideline:", "Why the MTUS was not used:", "Decision rationale:", maximus-decisions' "Item 1:" and
"Decision:"), read at a line's start. Apart from ``items`` so that ``pages`` can tell a label's
line that opens several pages (the letter's content) from a running header.
"""

import re

# "<Organisation> guideline:" is one word ("MAXIMUS", our "openimr") or opens with a capital:
# "mentioned within each guideline: (1)" at a line's start (a rationale's sentence, wrapped
# there) is no label.
_LABEL = re.compile(
    r"^(?P<label>Claims\s+Administrator\s+guideline"
    r"|(?:(?-i:[A-Z])(?:[\w&.-]*\s+){0,2}?)?(?:[\w&.-]+)\s+guideline"
    r"|Why\s+the\s+MTUS\s+was\s+not\s+used|Why\s+a\s+source\s+outside\s+the\s+MTUS\s+was\s+also\s+used"
    r"|Decision\s+rationale|Rationale)\s*:\s*",
    re.IGNORECASE,
)
# A maximus-decisions item opens "Item 1: X", then its labels (numbered.py reads them;
# layout.py looks for them).
MAXIMUS_ITEM = re.compile(r"^Item\s+\d{1,2}\s*:\s*")
MAXIMUS_LABEL = re.compile(
    r"^(?P<l>Decision|Claims\s+Administrator\s+Guideline\(s\)|Expert\s+Reviewer\s+Guideline\(s\)"
    r"|Reason\s+the\s+MTUS\s+was\s+not\s+used|Decision\s+Rationale)\s*:\s*"
)
# The labels letters print, exactly as printed (the words before the colon) -> the label as
# ``_LABEL`` reads it, lower case. Together they are every label of the 182 corpus letters
# and of the generated ones; any other is read by the pattern.
PRINTED_LABELS = {
    label: label.lower()
    for label in (
        "Claims Administrator guideline",
        "MAXIMUS guideline",
        "Decision rationale",
        "Decision Rationale",
        "Rationale",
        "Why the MTUS was not used",
        "Why a source outside the MTUS was also used",
    )
}


def label_at(line: str) -> tuple[str, int] | None:
    """The label that opens ``line`` (lower case) and where it ends, with its colon and the
    spaces after it: what ``_LABEL`` matches."""
    # Most lines are prose; only these can start with a label.
    if not (
        "guideline" in line[:60]
        or (line[:1] in "DRW" and ":" in line[:30])
        or line[:3] == "Why"  # its longer label: "Why a source outside the MTUS was also used:"
    ):
        return None
    # A label ends at the line's first colon (none of its characters is one), so the words
    # before that colon are the label when they are one as printed: a dictionary look-up
    # instead of the pattern, which costs microseconds a line. A line without a colon
    # (most lines that mention guidelines) holds no label at all.
    colon = line.find(":")
    if colon < 0:
        return None
    printed = PRINTED_LABELS.get(line[:colon])
    if printed is not None:
        rest = line[colon + 1 :]
        # ``_LABEL``'s closing \s* is str.isspace's whitespace, as lstrip's is.
        return printed, len(line) - len(rest.lstrip())
    found = _LABEL.match(line)
    # A justified line's run of spaces ("Claims  Administrator guideline:") is one space:
    # the label is the one its words name.
    return (" ".join(found.group("label").lower().split()), found.end()) if found else None


def opens_rationale(line: str) -> bool:
    """Whether ``line`` opens with an item's rationale label ("Decision rationale:",
    "Rationale:", maximus-decisions' "Decision Rationale:")."""
    label = label_at(line)
    return label is not None and label[0].endswith("rationale")


def opens_with_label(line: str) -> bool:
    """Whether ``line`` opens with one of the labels an item prints under its heading (a
    guideline, why the MTUS was not used, the rationale; maximus-decisions' "Decision:")."""
    return label_at(line) is not None or MAXIMUS_LABEL.match(line) is not None
