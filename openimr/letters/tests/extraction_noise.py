"""Shared by the parser's noise tests and bench/parser_noise.py: the damage other extractors
and PDF producers do to a letter's text, applied (seeded) to the text pypdfium2 extracts from
a real letter, and the fields compared with the parse of the undamaged text. (No tests here.)

Each damage is a function ``(text, rng) -> text``; ``DAMAGES`` names them. The text given is
pdfium's: ``\\r\\n`` line ends, a trailing space on each line whose paragraph goes on, a form
feed between pages.
"""

import random
import re
import textwrap
from collections.abc import Callable
from typing import Any

from openimr.letters.parsing import LetterUnreadable, parse_text
from openimr.letters.parsing.layout import HEADINGS
from openimr.letters.tests.extraction_noise_labels import LABEL as _LABEL
from openimr.letters.tests.extraction_noise_labels import (
    header_labels_split,
    item_labels_split,
    label_blocks,
    label_own_line,
)
from openimr.letters.tests.extraction_noise_labels import lines as _lines

Damage = Callable[[str, random.Random], str]

# Left halves that the parser keeps a line-end hyphen after ("follow-" / "up"): a producer's
# hyphenation there cannot be told from a compound, so the damage never breaks a word there.
_COMPOUND_LEFT = frozenset(("non", "anti", "self", "follow", "x", "well", "co", "ex"))


def _paragraphs(text: str) -> list[str]:
    """pdfium's lines joined back into paragraphs (a trailing space: the paragraph goes on,
    unless the next line opens with a label: pdfium keeps the space of some guideline
    lines; a heading is a paragraph of its own, whatever its space); a form feed stays a paragraph of its own."""
    out: list[str] = []
    current = ""
    for page_number, page in enumerate(text.split("\f")):
        if page_number:
            if current:
                out.append(current)
                current = ""
            out.append("\f")
        for line in _lines(page):
            heading = line.strip().rstrip(" :").lower() in HEADINGS
            if current and (heading or _LABEL.match(line)):
                out.append(current)
                current = ""
            if line.strip():
                # A line ending in a hyphen ("H2-" / "receptor") goes on, with no space.
                glued = current[-2:-1].isalnum() and current.endswith("-")
                current += ("" if glued or not current else " ") + line.strip()
            if (heading or not line.endswith((" ", "-"))) and current:
                out.append(current)
                current = ""
    if current:
        out.append(current)
    return out


def rewrap(width: int) -> Damage:
    """Another producer's line width: each paragraph wrapped again at ``width`` columns, no
    trailing spaces (words are never broken; a heading longer than the width wraps too)."""

    def damage(text: str, rng: random.Random) -> str:
        out: list[str] = []
        for paragraph in _paragraphs(text):
            if paragraph == "\f":
                out.append("\f")
                continue
            out += textwrap.wrap(
                paragraph, width, break_long_words=False, break_on_hyphens=False
            ) or [""]
        return "\n".join(out).replace("\n\f\n", "\f")

    return damage


def doubled_breaks(text: str, rng: random.Random) -> str:
    return text.replace("\r\n", "\n\n")


def lf_only(text: str, rng: random.Random) -> str:
    return text.replace("\r\n", "\n")


def cr_only(text: str, rng: random.Random) -> str:
    return text.replace("\r\n", "\r")


def _case_number(text: str) -> str:
    found = re.search(r"CM\d{2}-\d{7}", text)
    return found.group(0) if found else "CM16-0000000"


def _repaginate(text: str, rng: random.Random, feed: str) -> str:
    lines = [line for line in _lines(text.replace("\f", "\n")) if line.strip()]
    size = rng.randint(38, 52)
    pages = [lines[start : start + size] for start in range(0, len(lines), size)]
    header = f"Case Number: {_case_number(text)}"
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        top = [] if number == 1 else [header]
        out.append("\n".join([*top, *page, f"Page {number} of {len(pages)}"]))
    return feed.join(out)


def running_furniture(text: str, rng: random.Random) -> str:
    """Pages of 38-52 lines, each after the first under "Case Number: CM.." and each over
    "Page n of m", a form feed between them."""
    return _repaginate(text, rng, "\n\f")


def running_furniture_no_feed(text: str, rng: random.Random) -> str:
    """The same headers and footers, with the page breaks lost (plain line breaks)."""
    return _repaginate(text, rng, "\n")


def doubled_with_furniture(text: str, rng: random.Random) -> str:
    """The running header and footer pages, then every line break doubled: a sentence that
    runs across a page has a blank line on each side of its footer and its header."""
    return running_furniture(text, rng).replace("\n", "\n\n")


def doubled_every_other_page(text: str, rng: random.Random) -> str:
    """Every line break doubled on the second page, the fourth, ... only (pages made by
    another producer, put together in one file)."""
    pages = text.split("\f")
    return "\f".join(p.replace("\r\n", "\r\n\r\n") if n % 2 else p for n, p in enumerate(pages))


def wordy_footer(text: str, rng: random.Random) -> str:
    """A running footer of words alone ("CONFIDENTIAL"), no page number, under every page
    that has text (most letters have two pages)."""
    pages = text.split("\f")
    return "\f".join(p.rstrip("\r\n") + "\r\nCONFIDENTIAL\r\n" if p.strip() else p for p in pages)


def headings_wrapped(text: str, rng: random.Random) -> str:
    """Each section heading of two words or more wrapped at a word (a large font or a narrow
    column: "HOW THE IMR FINAL DETERMINATION WAS" / "MADE"), as pdfium marks a wrap: the
    first line keeps a trailing space."""
    out: list[str] = []
    for line in _lines(text):
        words = line.strip().split(" ")
        if line.strip().rstrip(" :").lower() not in HEADINGS or len(words) < 2:
            out.append(line)
            continue
        cut = rng.randint(1, len(words) - 1)
        out += [" ".join(words[:cut]) + " ", " ".join(words[cut:])]
    return "\r\n".join(out)


def _break_words(text: str, rng: random.Random, mark: str) -> str:
    """A producer's hyphenation: on a third of the wrapped lines, the next line's first long
    lowercase word is broken, its first part (and ``mark``) moved to the line's end."""
    lines = _lines(text)
    for index in range(len(lines) - 1):
        line, following = lines[index], lines[index + 1]
        if not line.endswith(" ") or rng.random() > 0.33:
            continue
        word, _, rest = following.partition(" ")
        core = word.rstrip(".,;:)")
        if len(core) < 6 or not core.isalpha() or not core.islower():
            continue
        cut = rng.randint(3, len(core) - 3)
        if core[:cut] in _COMPOUND_LEFT:
            continue
        lines[index] = line + core[:cut] + mark
        lines[index + 1] = word[cut:] + (" " + rest if rest else "")
    return "\r\n".join(lines)


def hyphen_splits(text: str, rng: random.Random) -> str:
    return _break_words(text, rng, "-")


def soft_hyphen_splits(text: str, rng: random.Random) -> str:
    """The same breaks marked with a soft hyphen (U+00AD), as some producers print them."""
    return _break_words(text, rng, "\u00ad")


def soft_hyphens_inside(text: str, rng: random.Random) -> str:
    """Soft hyphens left inside long words (hyphenation points that were not used)."""

    def mark(found: re.Match[str]) -> str:
        word = found.group(0)
        if rng.random() > 0.3:
            return word
        cut = rng.randint(3, len(word) - 3)
        return word[:cut] + "\u00ad" + word[cut:]

    return re.sub(r"[a-z]{8,}", mark, text)


def strip_trailing(text: str, rng: random.Random) -> str:
    return "\r\n".join(line.rstrip(" ") for line in _lines(text))


def add_trailing(text: str, rng: random.Random) -> str:
    return "\r\n".join(line.rstrip(" ") + " " * rng.randint(1, 3) for line in _lines(text))


def tabs(text: str, rng: random.Random) -> str:
    """A tab after each label's colon, a tab indenting a fifth of the lines, and a tenth of
    the other spaces as tabs."""
    out: list[str] = []
    for line in _lines(text):
        labelled = re.sub(r"^([^:]{3,60}:) ", "\\1\t", line)
        body = "".join(
            "\t" if char == " " and rng.random() < 0.1 else char for char in labelled.rstrip(" ")
        )
        tail = " " if line.endswith(" ") else ""
        out.append(("\t" if rng.random() < 0.2 else "") + body + tail)
    return "\r\n".join(out)


def non_breaking_spaces(text: str, rng: random.Random) -> str:
    """A fifth of the spaces inside lines as U+00A0 (a line's trailing space stays)."""
    out: list[str] = []
    for line in _lines(text):
        body = line.rstrip(" ")
        body = "".join("\u00a0" if c == " " and rng.random() < 0.2 else c for c in body)
        out.append(body + line[len(line.rstrip(" ")) :])
    return "\r\n".join(out)


def justified_spacing(text: str, rng: random.Random) -> str:
    """Justified lines as a layout-keeping extractor writes them: a fifth of the spaces
    between words widened to two to four (a line's trailing space stays one)."""
    out: list[str] = []
    for line in _lines(text):
        body = line.rstrip(" ")
        body = "".join(
            " " * rng.randint(2, 4) if c == " " and rng.random() < 0.2 else c for c in body
        )
        out.append(body + line[len(line.rstrip(" ")) :])
    return "\r\n".join(out)


def smart_punctuation(text: str, rng: random.Random) -> str:
    """Typographic quotes and dashes: “ ” ‘ ’, an en dash for " - ", an em dash for "--"."""
    text = re.sub(r'"(?=\w)', "\u201c", text).replace('"', "\u201d")
    text = re.sub(r"(?<=\w)'|'(?=\s)", "\u2019", text).replace("'", "\u2018")
    return text.replace(" - ", " \u2013 ").replace("--", "\u2014")


def ligatures(text: str, rng: random.Random) -> str:
    """Typographic ligatures for "ffi", "ffl", "ff", "fi" and "fl", as some extractors copy
    them from a font."""
    for letters, ligature in (("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00")):
        text = text.replace(letters, ligature)
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


def combined(text: str, rng: random.Random) -> str:
    """Several at once, as one other extractor leaves a letter: re-wrapped at 72 columns
    (no trailing spaces), words hyphenated at line ends, pages with a running header and
    footer ending "\\n\\f", LF line ends, typographic punctuation, non-breaking spaces."""
    wrapped = rewrap(72)(text, rng).replace("\n", "\r\n")
    hyphenated = _break_words(wrapped.replace("\r\n", " \r\n"), rng, "-")
    paged = running_furniture(strip_trailing(hyphenated, rng), rng)
    return non_breaking_spaces(smart_punctuation(paged, rng), rng).replace("\r\n", "\n")


DAMAGES: dict[str, Damage] = {
    "rewrap 60": rewrap(60),
    "rewrap 72": rewrap(72),
    "rewrap 100": rewrap(100),
    "doubled line breaks": doubled_breaks,
    "LF line ends": lf_only,
    "CR line ends": cr_only,
    "running header/footer, form feeds": running_furniture,
    "running header/footer, no form feeds": running_furniture_no_feed,
    "running header/footer, every line break doubled": doubled_with_furniture,
    "line breaks doubled on every other page": doubled_every_other_page,
    "section headings wrapped": headings_wrapped,
    "a running footer of words alone": wordy_footer,
    "hyphen splits at line ends": hyphen_splits,
    "soft hyphen splits at line ends": soft_hyphen_splits,
    "soft hyphens inside words": soft_hyphens_inside,
    "trailing spaces stripped": strip_trailing,
    "trailing spaces added": add_trailing,
    "tabs": tabs,
    "non-breaking spaces": non_breaking_spaces,
    "labels on their own lines": label_own_line,
    "labels and values in blocks": label_blocks,
    "header labels split in a narrow cell": header_labels_split,
    "item labels split in a narrow cell": item_labels_split,
    "justified spacing": justified_spacing,
    "smart quotes and dashes": smart_punctuation,
    "ligatures (fi, fl, ff, ffi, ffl)": ligatures,
    "all of rewrap 72, hyphens, pages, quotes, NBSP": combined,
}

_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_FOLD.update({ord("\u2013"): "-", ord("\u2014"): "--"})


def _canon(value: Any) -> Any:
    """Strings with white space collapsed and typographic quotes and dashes as ASCII: what a
    reader sees as the same text (the damage may change them; the meaning stays)."""
    if isinstance(value, str):
        # "chapter/ x-ray" and "chapter/x-ray": a line break after a slash joins without one.
        return " ".join(value.translate(_FOLD).split()).replace("/ ", "/")
    if isinstance(value, list):
        return [_canon(v) for v in value]
    if isinstance(value, dict):
        return {k: _canon(v) for k, v in value.items()}
    return value


# An item's fields other than these (which follow from its treatment, or are defaults where
# the letter says nothing) are compared: treatment, decision, both citation lists, why not
# the MTUS, rationale.
_DERIVED = frozenset(("category", "ur_outcome"))


def fields(text: str) -> dict[str, Any] | None:
    """The compared fields of the text's parse (None when it is refused)."""
    try:
        case = parse_text(text).case
    except LetterUnreadable:
        return None
    out: dict[str, Any] = {"case_number": case["case_number"], "priority": case["priority"]}
    out.update({f"dates.{key}": value for key, value in case["dates"].items()})
    out["employee.age"] = case["employee"]["age"]
    out["employee.sex"] = case["employee"]["sex"]
    out["reviewer.specialties"] = case["reviewer"]["specialties"]
    out["reviewer.licensed_in"] = case["reviewer"]["licensed_in"]
    out["clinical_summary"] = case["clinical_summary"]
    for number, item in enumerate(case["items"]):
        out.update({f"items[{number}].{k}": v for k, v in item.items() if k not in _DERIVED})
    return {key: _canon(value) for key, value in out.items()}


def lost(clean: dict[str, Any], damaged: dict[str, Any] | None) -> list[str]:
    """The fields of the clean parse that the damaged one does not give alike."""
    if damaged is None:
        return list(clean)
    return [key for key, value in clean.items() if damaged.get(key, object()) != value]


def damaged_text(name: str, text: str, seed: int = 0) -> str:
    """``text`` with the damage ``name``, seeded by ``seed`` and the text (the same letter
    gets the same damage on every run)."""
    return DAMAGES[name](text, random.Random(f"{seed}:{name}:{len(text)}"))
