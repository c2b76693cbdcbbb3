"""The damages of extraction_noise that move labels away from their values: a label on a
line of its own, a two-column table read column by column, and labels split in a narrow
cell (the header's dates, each item's guideline and rationale labels). (No tests here.)"""

import random
import re


def lines(text: str) -> list[str]:
    """The text's lines, whatever its line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# Labels that the layouts print at a line's start, a value after them (header, credentials,
# each item's guideline and rationale lines).
LABEL = re.compile(
    r"^((?:Case Number|Date Assigned|Date of Injury|Decision Date|UR Denial Date|Priority"
    r"|UR Decision Date|Determination Date|Review Type|Patient"
    r"|Application Received|State\(s\) of Licensure|Certification\(s\)/Specialty"
    r"|Claims Administrator guideline|MAXIMUS guideline|Decision rationale"
    r"|Why the MTUS was not used|Reason the MTUS was not used):)\s*(\S.*)$"
)
# Labels of the two-column tables (header and credentials) whose extraction can put every
# label first and every value after: a second label on the same line splits it too. Whole
# labels only, a longer one first: "UR Decision Date:" (professional-review) is not "UR "
# and "Decision Date:" (before session 26 it was, and that letter lost its decision date).
_TABLE_LABEL = re.compile(
    r"(?<![\w/])(Case Number|Date Assigned|Date of Injury|UR Decision Date|Determination Date"
    r"|Decision Date|UR Denial Date|Priority|Review Type|Patient|Application Received"
    r"|State\(s\) of Licensure|Certification\(s\)/Specialty):"
)


def label_own_line(text: str, rng: random.Random) -> str:
    """Each "Label: value" line as the label on a line and the value on the next."""
    out: list[str] = []
    for line in lines(text):
        found = LABEL.match(line)
        out += [found.group(1), found.group(2)] if found else [line]
    return "\r\n".join(out)


def label_blocks(text: str, rng: random.Random) -> str:
    """A two-column table read column by column: in each run of header or credential lines,
    every label first, then every value, in order."""
    out: list[str] = []
    labels: list[str] = []
    values: list[str] = []

    def flush() -> None:
        out.extend(labels + values)
        labels.clear()
        values.clear()

    for line in lines(text):
        pieces = _TABLE_LABEL.split(line)
        if pieces[0].strip() or len(pieces) < 3:
            if labels and not _TABLE_LABEL.search(line) and not values:
                labels.append(line)  # a label wrapped away from its value: kept in order
                continue
            flush()
            out.append(line)
            continue
        for name, value in zip(pieces[1::2], pieces[2::2], strict=True):
            labels.append(name + ":")
            if value.strip():
                values.append(value.strip())
    flush()
    return "\r\n".join(out)


# The date labels of the headers, split in a narrow cell below (the others name no date).
_DATE_LABEL = re.compile(
    r"Date Assigned|Date of Injury|UR Decision Date|Determination Date|Decision Date"
    r"|UR Denial Date|Application Received"
)
# An item's labels of two words or more, as the layouts print them at a line's start.
_ITEM_LABEL = re.compile(
    r"^(Claims Administrator guideline|MAXIMUS guideline|Decision rationale"
    r"|Why the MTUS was not used|Reason the MTUS was not used):(.*)$"
)


def header_labels_split(text: str, rng: random.Random) -> str:
    """A header table with narrow label cells, read row by row: each date label split after
    one of its words ("Date of" / "Injury:"), its value printed beside the cell's first line
    ("Date of 10/10/2016" / "Injury:"), two cells a row side by side ("Date 11/18/2016 Date of
    10/10/2016" / "Assigned: Injury:")."""
    out: list[str] = []
    for line in lines(text):
        pieces = _TABLE_LABEL.split(line)
        if pieces[0].strip() or len(pieces) < 3:
            out.append(line)
            continue
        first: list[str] = []
        second: list[str] = []
        for name, value in zip(pieces[1::2], pieces[2::2], strict=True):
            words = name.split(" ")
            if not _DATE_LABEL.fullmatch(name) or len(words) < 2:
                first.append(f"{name}:{value}".rstrip())
                continue
            cut = rng.randint(1, len(words) - 1)
            first.append(" ".join(words[:cut]) + (" " + value.strip() if value.strip() else ""))
            second.append(" ".join(words[cut:]) + ":")
        out.append(" ".join(first) + line[len(line.rstrip(" ")) :])
        if second:
            out.append(" ".join(second))
    return "\r\n".join(out)


def item_labels_split(text: str, rng: random.Random) -> str:
    """Each item's label of two words or more in a narrow left column, split after one of
    its words, in one of the orders extraction reads the two cells in: the value beside the
    label's second line ("Claims Administrator" / "guideline: Decision based on ..."), beside
    its first (the row read across: "Claims Administrator Decision based on ..." /
    "guideline:"), or below both (the label's cell read whole, then the value's)."""
    out: list[str] = []
    for line in lines(text):
        found = _ITEM_LABEL.match(line)
        if found is None:
            out.append(line)
            continue
        words = found.group(1).split(" ")
        cut = rng.randint(1, len(words) - 1)
        head, tail, rest = " ".join(words[:cut]), " ".join(words[cut:]) + ":", found.group(2)
        value, end = rest.strip(), rest[len(rest.rstrip()) :]
        # A value that runs on past a page break ("...\fDecision rationale: ...") is no
        # cell's: it stays beside the label's second line.
        order = rng.randrange(3) if value and "\f" not in rest else 0
        if order == 0:
            out += [head + " ", tail + rest]
        elif order == 1:
            out += [f"{head} {value}{end}", tail + " "]
        else:
            out += [head + " ", tail + " ", value + end]
    return "\r\n".join(out)
