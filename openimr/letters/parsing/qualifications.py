"""The expert reviewer's qualifications: specialties and states of licensure.

Two forms: the credentials list of later letters ("State(s) of Licensure: Texas,New York" /
"Certification(s)/Specialty: Preventive Medicine, Occupational Medicine") and the prose of
earlier ones and ours ("is Board Certified in Physical Medicine & Rehabilitation and is
licensed to practice in Nevada"). Never a name: letters carry none (LC 4610.6(f)).
"""

import re
from functools import cache, lru_cache

# Specialty names that contain "and" themselves; prose joins specialties with "and" too.
_COMPOUND_TAILS = (
    "rehabilitation",
    "gynecology",
    "immunology",
    "palliative medicine",
    "general preventive medicine",
    "neck surgery",
    "sleep medicine",
    "nutrition",
)
_LIST_STATES = re.compile(
    r"State\(?s?\)?\s+of\s+Licensure\s*:\s*(.+?)(?=\s*(?:Certification|Specialt|Board|$))",
    re.IGNORECASE,
)
_LIST_SPECIALTIES = re.compile(
    r"(?:Certification\(?s?\)?\s*/\s*Specialt(?:y|ies)|Board\s+Certification\(?s?\)?"
    r"|Specialt(?:y|ies))\s*:\s*(.+?)"
    r"(?=\s*(?:State\(?s?\)?\s+of\s+Licensure|Board|CLINICAL|$))",
    re.IGNORECASE,
)
# Both credential labels first, then both values ("State(s) of Licensure:" /
# "Certification(s)/Specialty:" / "Texas,New York" / "Preventive Medicine"): a two-column table
# that an extractor read a column at a time.
_LIST_BLOCK = re.compile(
    r"State\(?s?\)?\s+of\s+Licensure\s*:\s*(?:Certification\(?s?\)?\s*/\s*Specialt(?:y|ies)"
    r"|Board\s+Certification\(?s?\)?)\s*:\s*(.+?)(?=\s*(?:CLINICAL|$))",
    re.IGNORECASE,
)
_STATE_GAP = re.compile(r"\s*(?:[,;/&]|\band\b)\s*")
_PROSE_SPECIALTIES = re.compile(
    r"\b(?:is|are)\s+(?:Board[-\s]Certified|certified)\s+(?:by\s+the\s+American\s+Board\s+of\s+)?"
    r"in\s+(.+?)\s+and\s+(?:(?:is|are)\s+licensed|(?:holds|has)\s+an?\s+(?:[\w,-]+\s+){0,3}?licen[cs]e"
    r"|is\s+authorized)",
    re.IGNORECASE,
)
_PROSE_STATES = re.compile(
    r"licen[sc](?:ed|e)\s+to\s+practice\s+(?:medicine\s+)?in\s+(?:the\s+state(?:s)?\s+of\s+)?"
    r"(.+?)(?:\.\s|\.$|;|$)",
    re.IGNORECASE,
)
_SUBSPECIALTY = re.compile(r",?\s+(?:and\s+)?(?:has\s+a|with\s+a)\s+subspecialty\s+in\s+")
_YEARS = re.compile(r"\b(\d{1,2})\s+years\s+(?:of|in)\s+(?:active\s+)?(?:clinical\s+)?practice")
_HOURS = re.compile(r"\bpractices\s+(\d{1,3}(?:\.\d+)?)\s+hours\s+(?:a|per)\s+week")
_BOARD = re.compile(r"board[-\s]certified", re.IGNORECASE)
_SERIES = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


_STATE_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&)\s*")


@cache
def _states() -> tuple[dict[str, str], re.Pattern[str]]:
    # Imported on first use: `us` takes ~50 ms to import, which a CLI start should not pay.
    import us  # noqa: PLC0415

    every = us.states.STATES_AND_TERRITORIES
    names = {s.name.lower(): s.abbr for s in every}
    names.update({s.abbr.lower(): s.abbr for s in every})
    names["washington, d.c."] = "DC"
    spelled = sorted((s.name for s in every), key=len, reverse=True)
    codes = "|".join(s.abbr for s in every)
    pattern = re.compile(
        rf"\b(?:{'|'.join(map(re.escape, spelled))})\b|\b(?:{codes})\b", re.IGNORECASE
    )
    return names, pattern


def state_codes(text: str) -> list[str]:
    """USPS codes of the state names (or codes) in ``text``, in order, once each."""
    return list(_state_codes(text)) if len(text) <= 600 else _read_state_codes(text)


# Memoized (``state_codes``, ``split_specialties``): letters repeat a few dozen lists of
# states and of specialties (the 182 corpus letters: 61 and 29 distinct), and the answer is
# the string's alone. At most 512 strings each, of at most 600 characters (a credential
# line, as ``_search`` cuts it): well under 1 MB. Each call gets a list of its own.
@lru_cache(maxsize=512)
def _state_codes(text: str) -> tuple[str, ...]:
    return tuple(_read_state_codes(text))


def _read_state_codes(text: str) -> list[str]:
    names, pattern = _states()
    words = [w for w in _STATE_SPLIT.split(text.strip(" .")) if w]
    codes = [names.get(w.lower()) for w in words]
    if all(codes) and all(len(w) > 2 or w.isupper() for w in words):
        return list(dict.fromkeys(c for c in codes if c))
    # Not a plain list of names: find the names in it.
    out: list[str] = []
    for found in pattern.finditer(text):
        word = found.group(0)
        # Two-letter codes count only in capitals: "in" and "or" are words first.
        if len(word) == 2 and not word.isupper():
            continue
        code = names[word.lower()]
        if code not in out:
            out.append(code)
    return out


def split_specialties(text: str, prose: bool) -> list[str]:
    """ "A, B and C" (prose) or "A, B" (list) → names, keeping "Physical Medicine and
    Rehabilitation" whole."""
    if len(text) <= 600:
        return list(_split_specialties(text, prose))
    return _read_specialties(text, prose)


@lru_cache(maxsize=512)
def _split_specialties(text: str, prose: bool) -> tuple[str, ...]:
    return tuple(_read_specialties(text, prose))


def _read_specialties(text: str, prose: bool) -> list[str]:
    text = _SUBSPECIALTY.sub(", ", " ".join(text.split())).strip(" .,;")
    parts = _SERIES.split(text) if prose else text.split(",")
    out: list[str] = []
    for part in (p.strip(" .") for p in parts):
        if not part:
            continue
        if out and part.lower() in _COMPOUND_TAILS:
            out[-1] = f"{out[-1]} and {part}"
        else:
            out.append(part[:200])
    return out


def _search(pattern: re.Pattern[str], text: str, *keys: str) -> re.Match[str] | None:
    """``pattern`` searched from the first of ``keys`` found (a plain find is far faster
    than letting a case-blind pattern try every position)."""
    first = -1
    for key in keys:
        at = text.find(key)
        if at >= 0 and (first < 0 or at < first):
            first = at
    if first < 0:
        return None
    start = max(0, first - 40)
    # A credential line is short: a window keeps a lazy pattern from crossing the letter.
    return pattern.search(text, start, start + 600)


def qualifications(text: str) -> dict[str, object]:
    """``specialties``, ``licensed_in``, ``board_certified`` and which form was read
    (``form``: "list", "prose" or None) from the section that describes the reviewer."""
    read = _remembered(text) if len(text) <= _REMEMBERED_LENGTH else _read(text)
    # Each call gets lists of its own: a caller may change what it was given.
    return {key: list(value) if type(value) is tuple else value for key, value in read}


# Memoized: the section is boilerplate around the reviewer's credentials, and reviewers
# review many cases: the 182 corpus letters hold 80 distinct sections, 2,250 generated ones
# 1,331. A section is under 1,000 characters; at most 512 of up to 4,000 kept (2 MB at most).
_REMEMBERED_LENGTH = 4000


@lru_cache(maxsize=512)
def _remembered(text: str) -> tuple[tuple[str, object], ...]:
    return _read(text)


def _split_block(values: str) -> tuple[str, str]:
    """The values of the credential labels read as a block ("Texas,New York,California
    Preventive Medicine, Occupational Medicine"): the states that open it, and the rest."""
    _, pattern = _states()
    at = end = 0
    while found := pattern.match(values, at):
        if len(found.group(0)) == 2 and not found.group(0).isupper():
            break  # "in", "or": words, not codes
        end = found.end()
        gap = _STATE_GAP.match(values, end)
        if not gap:
            break
        at = gap.end()
    return values[:end], values[end:].strip(" ,;")


def _list_form(folded: str) -> tuple[str | None, str | None]:
    """The states and specialties of the credentials list, as printed (None: not found)."""
    at = max(folded.find("Licensure"), folded.find("LICENSURE"))
    # Only a label right after "Licensure:" makes a block: a slice looked at, not a search.
    labelled = at >= 0 and folded[at + 9 : at + 40].lower().lstrip(" :").startswith(
        ("certification", "board")
    )
    block = _search(_LIST_BLOCK, folded, "Licensure", "LICENSURE") if labelled else None
    if block:
        states, specialties = _split_block(block.group(1))
        return states or None, specialties or None
    listed = _search(_LIST_STATES, folded, "Licensure", "LICENSURE")
    certified = _search(_LIST_SPECIALTIES, folded, "Specialt", "Certification(s):")
    return listed.group(1) if listed else None, certified.group(1) if certified else None


def _read(text: str) -> tuple[tuple[str, object], ...]:
    """``qualifications`` as (key, value) pairs, its lists as tuples."""
    folded = " ".join(text.split())
    listed_states, listed_specialties = _list_form(folded)
    form = "list" if listed_states or listed_specialties else None
    states_text, specialties_text = listed_states, listed_specialties
    if form is None:
        prose_specialties = _search(_PROSE_SPECIALTIES, folded, "ertified", "ERTIFIED")
        prose_states = _search(_PROSE_STATES, folded, "to practice", "TO PRACTICE")
        form = "prose" if prose_states or prose_specialties else None
        specialties_text = prose_specialties.group(1) if prose_specialties else None
        states_text = prose_states.group(1) if prose_states else None
    board = (
        bool(form == "list" and specialties_text) or _search(_BOARD, folded, "ertified") is not None
    )
    hours = _search(_HOURS, folded, "practices")
    return (
        (
            "specialties",
            tuple(split_specialties(specialties_text, form == "prose") if specialties_text else ()),
        ),
        ("licensed_in", tuple(state_codes(states_text) if states_text else ())),
        ("board_certified", True if board else None),
        ("form", form),
        ("years_in_practice", _years(folded)),
        ("weekly_hours", _number(hours.group(1)) if hours else None),
    )


def _years(folded: str) -> int | None:
    """ "has 12 years of clinical practice" → 12; "more than five years" says no number."""
    found = _search(_YEARS, folded, " years of ", " years in ")
    return int(found.group(1)) if found else None


def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value
