"""An item's label split over two lines in a narrow column ("Claims Administrator" /
"guideline: Decision based on ..."), joined back into one labelled line.

A narrow label cell wraps the label after one of its words; extraction then gives the two
parts on lines of their own, with the value beside the second ("Claims Administrator" /
"guideline: Decision ..."), beside the first, the cells read row by row ("Claims
Administrator Decision ..." / "guideline:"), or below both, the label's cell read whole
("Claims" / "Administrator guideline:" / "Decision ..."). ``items`` asks for this only when
an item's first label or its rationale label was not found: looking at every line for a
label's first words costs too much on the ingest path (docs/parser.md).

The labels are those an item of the Final Determination Letter prints under its heading
(domain.md section 6); ``labels`` reads them.
"""

from openimr.letters.parsing.labels import PRINTED_LABELS, label_at
from openimr.letters.parsing.text import Lines

# The words after the cut, as the second line opens with them up to its colon -> (the words
# before the cut, the whole label) of each label that can be cut there.
_TAILS: dict[str, tuple[tuple[str, str], ...]] = {}
for _label in PRINTED_LABELS:
    _words = _label.split(" ")
    for _cut in range(1, len(_words)):
        _tail = " ".join(_words[_cut:])
        _TAILS[_tail] = (*_TAILS.get(_tail, ()), (" ".join(_words[:_cut]), _label))
# The words before the cut -> (the words after it, the whole label).
_HEADS: dict[str, tuple[tuple[str, str], ...]] = {}
for _tail, _splits in _TAILS.items():
    for _head, _label in _splits:
        _HEADS[_head] = (*_HEADS.get(_head, ()), (_tail, _label))
# A label's first words alone on a line: at most this long ("Why a source outside the").
_HEAD_MAX = 40


def _joined(head_line: str, line: str, colon: int) -> tuple[str, bool] | None:
    """The labelled line that ``head_line`` and ``line`` (its label's words after the cut,
    up to ``colon``) were split from, and whether the value's line end is the second's
    (else the first's); None when they are no split label."""
    tails = _TAILS.get(line[:colon], ())
    if not tails and label_at(line) is not None:
        return None  # a label of its own ("Guidelines." / "MAXIMUS guideline:")
    rest = line[colon + 1 :].strip()
    if len(head_line) <= _HEAD_MAX and ":" not in head_line:
        # The first words alone: any label ``label_at`` reads ("<Organisation> guideline").
        whole = f"{head_line} {line}"
        found = label_at(whole)
        if found is not None and found[1] > len(head_line) + 1:
            return whole, True
    for head, label in tails:
        if head_line.startswith(head + " "):
            value = head_line[len(head) + 1 :].strip()
            return f"{label}: {value} {rest}".rstrip(), bool(rest)
    return None


def _across_hyphen(line: str) -> tuple[str, bool] | None:
    """The labelled line of a label split beside its value's first line, that line ending in
    a word broken at a hyphen: the line below, the label's second part and the value's
    second line, was joined to it as the word's other half ("Decision ... injury on 10-" /
    "rationale: 25-16. He ..." reads "Decision ... on 10-rationale: 25-16. He ..."; with
    lowercase halves the hyphen went: "... treatrationale: ment ..."), and whether the
    value's second line is the next line (nothing after the colon). None when it is no such
    line."""
    head = line.split(" ", 1)[0]
    for _ in range(2):  # a label's first words are one or two before the value
        for tail, label in _HEADS.get(head, ()):
            at = line.find(tail + ":", len(head) + 2)
            if at > 0 and line[at - 1] != " ":
                rest = line[at + len(tail) + 1 :].lstrip()
                return f"{label}: {line[len(head) + 1 : at]}{rest}", not rest
        head = " ".join(line.split(" ", 2)[:2])
    return None


def unsplit(lines: Lines, spans: list[tuple[int, int]]) -> tuple[Lines, list[int]] | None:
    """``lines`` with each label split in the line ranges ``spans`` joined onto one line,
    and the index of each line removed (ascending); None when none is split."""
    text = lines.text
    joins: dict[int, tuple[str, bool]] = {}  # the second line's index -> the joined line
    whole: dict[int, str] = {}  # a line's index -> the labelled line it was joined from
    for first, stop in spans:
        for index in range(max(first, 1), stop):
            line = text[index]
            colon = line.find(":")
            if colon < 0 or index in joins:
                continue
            if 0 < colon < 45 and index - 1 not in joins and index - 1 not in whole:
                found = _joined(text[index - 1], line, colon)
                if found is not None:
                    joins[index] = found
                    continue
            if (across := _across_hyphen(line)) is None:
                continue
            label, runs_on = across
            if runs_on and index + 1 < len(text):
                # The value's second line below on its own: the word's other half.
                joins[index + 1] = (label + text[index + 1], True)
            else:
                whole[index] = label
    if not joins and not whole:
        return None
    out_text, ends, soft = list(text), list(lines.ends), list(lines.soft)
    for index, label in whole.items():
        out_text[index] = label
    for index in sorted(joins, reverse=True):
        joined, second = joins[index]
        keep = index if second else index - 1  # the value's line end: its paragraph flags
        out_text[index - 1 : index + 1] = [joined]
        ends[index - 1 : index + 1] = [lines.ends[keep]]
        soft[index - 1 : index + 1] = [lines.soft[keep]]
    removed = sorted(joins)
    return Lines(tuple(out_text), tuple(ends), tuple(soft)), removed
