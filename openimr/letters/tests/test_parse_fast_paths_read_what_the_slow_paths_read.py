"""The parser reads an item's labels, verdicts and headings, and a text's paragraph ends, by
plain string tests where a pattern or a loop over every line would cost more. Each fast path
must give exactly what the slow one gives, on any text: here, many seeded random texts made
of the pieces the slow paths look for (and the odd characters that trip case-blind
matching), each compared with the slow path written out as it was."""

import itertools
import random

import pytest

from openimr.letters.parsing.header import (
    _BARE_PRIORITY,
    _PRIORITIES,
    _PRIORITY_LABEL,
    _PRIORITY_WORDS,
    PRIORITY,
    priority,
)
from openimr.letters.parsing.items import (
    _REMAINING,
    _VERDICT_END,
    _folded,
    treatment_of,
    verdict_end,
)
from openimr.letters.parsing.labels import _LABEL
from openimr.letters.parsing.labels import label_at as _label
from openimr.letters.parsing.qualifications import qualifications
from openimr.letters.parsing.text import (
    _SENTENCE_END,
    _WORD_END,
    Lines,
    _doubled,
    _trailing_ends,
    _word_before_hyphen,
    paragraphs,
)

ROUNDS = 20000


def _texts(pieces: list[str], seed: int, longest: int = 8) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(ROUNDS):
        glue = rng.choice((" ", "", "  "))
        out.append(glue.join(rng.choice(pieces) for _ in range(rng.randint(0, longest))))
    return out


def _label_by_pattern(line: str) -> tuple[str, int] | None:
    if not (
        "guideline" in line[:60]
        or (line[:1] in "DRW" and ":" in line[:30])
        or line[:3] == "Why"  # its longer label: "Why a source outside the MTUS was also used:"
    ):
        return None
    found = _LABEL.match(line)
    # Its words, one space apart (session 26: "Claims  Administrator" read as no known label).
    return (" ".join(found.group("label").lower().split()), found.end()) if found else None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_item_label_is_read_as_the_label_pattern_reads_it(seed):
    pieces = [
        *("Claims Administrator guideline", "MAXIMUS guideline", "Decision rationale"),
        *("Decision Rationale", "Rationale", "Why the MTUS was not used", "RATIONALE"),
        *("Why a source outside the MTUS was also used", "Why a source outside the MTUS"),
        *("Claims  Administrator guideline", "guidelines", "guideline", "Reviewer", "The"),
        *(":", " :", ": ", ":\t", "\u2003", "Decision based on MTUS", "Why", "Dr.", "W"),
        *("rationale", "Ratıonale", "x", "Each item marked Overturned", "non-MTUS", "-"),
    ]
    for line in map(str.strip, _texts(pieces, seed)):
        assert _label(line) == _label_by_pattern(line), repr(line)


def test_every_printed_label_is_read_without_the_pattern_and_with_its_trailing_spaces():
    assert _label("Decision Rationale:  The request") == ("decision rationale", 21)
    assert _label("MAXIMUS guideline: Decision based on MTUS") == ("maximus guideline", 19)
    assert _label("The guidelines recommend it: yes") is None
    assert _label("Decision Rationale : spaced") == ("decision rationale", 21)  # by the pattern


def _verdict_by_pattern(line: str) -> tuple[str | None, str] | None:
    found = _VERDICT_END.match(line)
    return (found.group("head"), found.group("v").lower()) if found else None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_line_ending_in_a_verdict_is_read_as_the_verdict_pattern_reads_it(seed):
    pieces = [
        *("Upheld", "UPHELD", "upheld", "Overturned", "overTURNED", "Not yet decided"),
        *("not yet decided", "Not  yet decided", "decided", "yet", "Not", "Decided"),
        *(":", ": ", " :", "\t", "\n", "MRI", "L4-5,", "x", "reUpheld", "Uphelded", "ı"),
        *("Upheıd", "\u00a0", "Physical therapy", "the original request, X is", "Not yet decıded"),
    ]
    for line in _texts(pieces, seed):
        assert verdict_end(line) == _verdict_by_pattern(line), repr(line)


def _treatment_by_patterns(heading: str) -> tuple[str, bool]:
    found = _VERDICT_END.match(heading)
    text = ((found.group("head") or "") if found else heading).strip()
    remaining = _REMAINING.search(text)
    if remaining:
        return remaining.group(1).strip(" ,."), True
    return text, False


@pytest.mark.parametrize("seed", [1, 2])
def test_a_heading_names_the_treatment_the_patterns_name(seed):
    pieces = [
        *("The remaining IMR eligible portion of the original request,", "ORIGINAL", "is"),
        *("The original request,", "the ORIGINAL Request,", "original", "request,", "The"),
        *("Norco 10/325 mg #60", "MRI", ":", "Upheld", "Overturned", "Not yet decided"),
        *(
            "leaving the original request IMR eligible.",
            "orıginal",
            "İ",
            ",",
            ".",
            "The orİginal request,",
        ),
    ]
    for text in _texts(pieces, seed, longest=10):
        heading = " ".join(text.split())
        assert treatment_of(heading) == _treatment_by_patterns(heading), repr(heading)


def _doubled_by_counting(raw: list[str]) -> bool:
    filled = [bool(line) for line in raw]
    pairs = sum(filled[:-1])
    followed = sum(a and b for a, b in itertools.pairwise(filled))
    return pairs > 4 and followed < pairs * 0.15


@pytest.mark.parametrize("seed", [1, 2])
def test_doubled_line_breaks_are_recognised_as_a_full_count_recognises_them(seed):
    rng = random.Random(seed)
    for _ in range(ROUNDS):
        blank_share = rng.random()
        raw = ["" if rng.random() < blank_share else "x" for _ in range(rng.randint(0, 60))]
        assert _doubled(raw) == _doubled_by_counting(raw), raw


def _ends_by_looking_at_every_line(
    lines: list[str], spaced: list[bool], blank: list[bool]
) -> list[bool]:
    following = [line[:1] for line in lines[1:]]
    following.append("")
    return [
        b or (not sp and (line[-1] in _SENTENCE_END or not after_.islower()))
        for b, sp, line, after_ in zip(blank, spaced, lines, following, strict=True)
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_paragraph_ends_by_the_trailing_space_are_those_a_look_at_every_line_finds(seed):
    rng = random.Random(seed)
    words = ["goes", "on", "Ends.", "here:", "x)", "ábc", "É", "1", "'", "and", "-"]
    for _ in range(ROUNDS // 4):
        count = rng.randint(1, 30)
        lines = [" ".join(rng.choices(words, k=rng.randint(1, 4))) for _ in range(count)]
        spaced = [rng.random() < 0.7 for _ in range(count)]
        blank = [rng.random() < 0.2 for _ in range(count)]
        expected = _ends_by_looking_at_every_line(lines, spaced, blank)
        before = list(blank)
        assert _trailing_ends(lines, spaced, blank) == expected
        assert blank == before, "the list of blank lines is left as it was"


@pytest.mark.parametrize("seed", [1, 2])
def test_a_guideline_paragraph_is_folded_as_its_paragraphs_would_be(seed):
    rng = random.Random(seed)
    words = ["MTUS", "ACOEM,", "Decision", "based", "on", "\u2003", "guideline:", "x"]
    for _ in range(ROUNDS // 4):
        count = rng.randint(1, 12)
        text = tuple(" ".join(rng.choices(words, k=rng.randint(1, 5))) for _ in range(count))
        ends = tuple(rng.random() < 0.3 for _ in range(count))
        lines = Lines(text, ends, ends)
        index = rng.randrange(count)
        end = rng.randint(index, count)
        label_end = rng.randint(0, len(text[index]))
        body = paragraphs(lines, index, end)
        if body:
            body[0] = body[0][label_end:].lstrip()
        assert _folded(lines, index, end, label_end) == " ".join(" ".join(body).split())


def test_a_reviewer_section_read_twice_gives_equal_lists_of_the_callers_own():
    section = (
        "MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER: The reviewer is Board Certified in "
        "Physical Medicine & Rehabilitation and is licensed to practice in California."
    )
    first = qualifications(section)
    first["specialties"].append("changed")  # type: ignore[attr-defined]
    again = qualifications(section)
    assert again["specialties"] == ["Physical Medicine & Rehabilitation"]
    assert again["licensed_in"] == ["CA"]
    # A section too long to be remembered is read anew, to the same answer.
    long = section + " " + "More prose about the review. " * 200
    assert qualifications(long) == again


@pytest.mark.parametrize("seed", [1, 2])
def test_the_word_before_a_line_end_hyphen_is_the_one_the_pattern_finds(seed):
    pieces = ["docu", "L3", "x" * 30, "é", "follow", " ", "-", "/", "9", "Ab", "ß", "_", "."]
    for text in _texts(pieces, seed, longest=12):
        line = text + "-"
        found = _WORD_END.search(line, max(0, len(line) - 60))
        assert _word_before_hyphen(line) == (found.group(1) if found else ""), repr(line)


def _priority_by_patterns(front: str) -> str | None:
    if not any(word in front for word in _PRIORITY_WORDS):
        return None
    found = PRIORITY.search(front)
    if found is None and (label := _PRIORITY_LABEL.search(front)):
        found = _BARE_PRIORITY.search(front, label.end())
    return _PRIORITIES[found.group(1).lower()] if found else None


@pytest.mark.parametrize("seed", [1, 2])
def test_the_priority_is_read_as_the_patterns_read_it(seed):
    pieces = [
        *("Priority", "priority", "PRIORITY", "Review Type", "Type of Review", "Type", "of"),
        *("Review", "review", ":", " :", "Standard", "standard", "Expedited", "Urgent", "é"),
        *("Formulary", "Regular", "Case Number: CM16-0123456", "Date Assigned:", "x"),
    ]
    for front in _texts(pieces, seed, longest=10):
        assert priority(front) == _priority_by_patterns(front), repr(front)
