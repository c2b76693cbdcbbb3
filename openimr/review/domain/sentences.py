"""Splitting a rationale or a record into sentences, so that each sentence can carry its sources
and be checked on its own. Clinical prose is full of periods that end nothing: titles, initials,
credentials, decimals, dates and list numbers."""

import re

# Words whose trailing period is an abbreviation, not a full stop. Lower case, without the dot.
# "etc" is left out on purpose: in a rationale it usually does end the sentence.
ABBREVIATIONS = frozenset(
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "v", "no", "nos", "fig",
        "figs", "p", "pp", "vol", "ed", "eds", "approx", "ca", "cf", "inc", "co", "corp", "ltd",
        "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    }
)  # fmt: skip

# A full stop candidate: one or more of . ! ? and any closing quotes or brackets, then space.
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_DOTTED = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of ``text``, whitespace collapsed, in order. A period ends a sentence only
    when whitespace and a capital letter, a digit or an opening quote or bracket follow, and
    the word before it is not an abbreviation ("Dr.", "vs.", "No. 5", "Jan. 2"), a dotted
    abbreviation ("M.D.", "e.g.", "i.e.", "U.S.") or an initial ("Jane Q. Roe"). Decimals
    ("2.5 mg"), dates ("1/2/2015") and spinal levels ("L4-5") carry no sentence-ending period.

    Known limit: a sentence that really ends in "M.D." or an initial is joined to the next."""
    flat = " ".join(text.split())
    sentences, start = [], 0
    for match in _END.finditer(flat):
        # "1. Physical therapy": a list number opens its item, it does not end a sentence.
        if flat[start : match.start()].isdigit():
            continue
        if _ends_sentence(flat, match):
            sentences.append(flat[start : match.end()].strip())
            start = match.end()
    rest = flat[start:].strip()
    return (*sentences, rest) if rest else tuple(sentences)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() : match.end() + 1]
    if not (following.isupper() or following.isdigit() or following in "\"'“‘([["):
        return False
    if "." not in match.group():
        return True  # "!" and "?" have no abbreviations to confuse them with
    word = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
    return not _is_abbreviation(word.lstrip("([\"'“‘"))


def _is_abbreviation(word: str) -> bool:
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Jane Q. Roe"
    if _DOTTED.fullmatch(word):
        return True  # M.D, e.g, i.e, U.S, Ph.D; not a decimal or a section number
    return word.lower() in ABBREVIATIONS
