"""Turning record text into the summary's third-person prose without changing what it says:
only a leading subject and verb ("The patient reports ..."), an introduction the summary
already gives ("Ms. X is a 52-year-old female who ...") or a record's capitals are dropped,
never a finding."""

import re

_SUBJECT = (
    r"(?:(?:the\s+)?(?:patient|pt\.?|applicant|injured worker|employee|claimant|iw|examinee"
    r"|client)|(?:mr|ms|mrs|miss)\.?\s+[\w'’-]+|she|he)"
)
_ADVERB = r"(?:(?:continues|continued|continue) to |still |again |today |currently |now |also )*"
# Verbs that can open a complaint with the subject left out, as notes write them.
_BARE_VERB = (
    r"(?:complains? of|complained of|c/o|presents? with|presented with|returns? with"
    r"|returned with|reports?|reported|describes?|described|endorses?|endorsed|notes?|noted)"
)
_COMPLAINT_PREFIX = re.compile(
    rf"^(?:{_SUBJECT}\s+{_ADVERB}(?:{_BARE_VERB}|has|have|had|is having|was having|experiences?"
    rf"|experienced)|{_ADVERB}{_BARE_VERB})\s+(?!that\b)",
    re.IGNORECASE,
)
_STATEMENT_PREFIX = re.compile(
    rf"^{_SUBJECT}\s+{_ADVERB}(?:states?|stated|reports?|reported|notes?|noted|indicates?"
    r"|indicated|says|said|feels|felt)\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "Ms. X is a 52-year-old female who ...", "48-year-old male mechanic with ...".
_INTRODUCTION = re.compile(
    r"^(?:.{0,60}?\b(?:is|was) an? )?\d{1,3}[- ]?(?:years?[- ]old|yrs?[- ]old|yo|y/o)\b[^.]*?"
    r"\b(?:who|with)\s+",
    re.IGNORECASE,
)
_EXAM_PREFIX = re.compile(
    r"^(?:on\s+)?(?:physical\s+|objective\s+)?exam(?:ination)?"
    r"(?:\s+of\s+the\s+(?P<part>[\w ,-]+?))?"
    r"(?:\s+(?:today\s+)?(?:reveals?|revealed|shows?|showed|demonstrates?|demonstrated|notes?"
    r"|noted|is (?:notable|significant|remarkable) for|was (?:notable|significant|remarkable) for"
    r"|finds|found)|,)\s+(?:there\s+(?:is|are|was|were)\s+)?",
    re.IGNORECASE,
)
# A note without an examination heading opens its findings with one of these.
EXAM_OPENING = re.compile(
    r"^(?:on\s+(?:physical\s+)?exam(?:ination)?\b|(?:physical\s+)?exam(?:ination)?\s+(?:of\s+the"
    r"\s+[\w ,-]+?\s+)?(?:today\s+)?(?:reveals?|revealed|shows?|showed|demonstrates?|demonstrated"
    r"|is notable|was notable))",
    re.IGNORECASE,
)
_THERE_IS = re.compile(r"^there\s+(?:is|are|was|were)\s+", re.IGNORECASE)
_BODY_PART = re.compile(
    r"^(?:(?:right|left|bilateral|both|r|l|rt|lt)\.?\s+)?(?:(?:cervical|thoracic|lumbar"
    r"|lumbosacral)\s+spine|neck|back|low back|shoulders?|elbows?|wrists?|hands?|fingers?|thumbs?"
    r"|hips?|knees?|ankles?|feet|foot|upper extremit(?:y|ies)|lower extremit(?:y|ies))$",
    re.IGNORECASE,
)
_SIDES = {"r": "right", "l": "left", "rt": "right", "lt": "left"}
# Kept in capitals when a record typed in capitals is lowered for the summary.
ACRONYMS = frozenset(
    {
        "MRI", "CT", "EMG", "NCV", "SLR", "EHL", "ROM", "DTR", "ESI", "TENS", "NSAID", "NSAIDS",
        "PT", "OT", "TKA", "ACL", "PCL", "MCL", "LCL", "AC", "ATFL", "VAS", "BID", "TID", "QID",
        "PRN", "ICD", "MTUS", "ODG", "ACOEM", "RFA", "UR", "IMR", "QME", "AME", "PTSD", "CBT",
        "TFCC", "SI", "GI", "HEP", "DJD", "DDD", "EMG/NCV", "PR-2", "OTC",
    }
)  # fmt: skip


def complaint_phrase(text: str) -> tuple[str, str]:
    """("complaints", rest) when ``text`` is a complaint with its subject and verb dropped,
    ("statement", rest) for a reported statement, ("as written", text) otherwise. An
    introduction ("Mr. X is a 60-year-old male who returns with ...") is dropped first."""
    text = without_introduction(text.strip())
    match = _COMPLAINT_PREFIX.match(text)
    if match:
        return "complaints", text[match.end() :]
    match = _STATEMENT_PREFIX.match(text)
    if match:
        return "statement", text[match.end() :]
    return "as written", text


def without_introduction(text: str) -> str:
    match = _INTRODUCTION.match(text)
    return text[match.end() :] if match else text


def is_introduction(text: str) -> bool:
    """A history's opening sentence whose only news after the introduction is not a
    complaint ("... who developed numbness from repetitive keyboarding")."""
    match = _INTRODUCTION.match(text)
    return match is not None and not _COMPLAINT_PREFIX.match(text[match.end() :])


def exam_phrase(text: str) -> tuple[str | None, str]:
    """(body part or None, findings) with "Examination of the X reveals", "There is" or a
    "Lumbar spine: ..." label taken off."""
    text = text.strip()
    match = _EXAM_PREFIX.match(text)
    if match:
        return match["part"], text[match.end() :]
    label, colon, rest = text.partition(":")
    if colon and rest.strip() and _BODY_PART.match(label.strip()):
        return body_part(label), rest.strip()
    match = _THERE_IS.match(text)
    return (None, text[match.end() :]) if match else (None, text)


def body_part(label: str) -> str:
    words = label.strip().lower().replace(".", "").split()
    return " ".join(_SIDES.get(w, w) if i == 0 else w for i, w in enumerate(words))


def soften_capitals(text: str) -> str:
    """Text typed all in capitals, lowered but for acronyms and words with digits (L4-5,
    S1, 7/10); any other text as it is."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 6 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    return re.sub(r"[A-Za-z][A-Za-z0-9/'-]*", _soften_word, text)


def _soften_word(match: re.Match[str]) -> str:
    word = match.group()
    if word in ACRONYMS or any(c.isdigit() for c in word):
        return word
    return word.lower()


def lower_first(text: str) -> str:
    """The first letter lowered when it starts an ordinary capitalised word; an acronym
    ("MRI", "L4-5") or a name stays as written."""
    word = re.split(r"[\s,;:]", text, maxsplit=1)[0]
    letters = word.replace("-", "")
    if re.match(r"[A-Z]-", word):
        return text  # "X-ray", "T-score": a letter's name, not a capitalised word
    if len(letters) > 1 and letters.isalpha() and letters[0].isupper() and letters[1:].islower():
        return text[0].lower() + text[1:]
    return text


def lower_item(text: str) -> str:
    """A listed item lowered like `lower_first`, unless it is a name in title case
    ("Optimum Home Rehab Kit Lumbar Spine")."""
    titled = [w for w in text.split()[1:] if w[:1].isupper() and w[1:].islower()]
    return text if len(titled) >= 2 else lower_first(text)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """``text`` as one sentence: whitespace collapsed, capitalised, one full stop."""
    text = " ".join(text.split()).rstrip(" ,;:")
    if not text:
        return ""
    return upper_first(text) if text[-1] in ".!?" else upper_first(text) + "."


def strip_end(text: str) -> str:
    return " ".join(text.split()).rstrip(" .,;:")


def join_words(parts: list[str]) -> str:
    """A list the letters' way ("a", "a and b", "a, b and c"); items that hold commas
    themselves are set apart with semicolons."""
    if len(parts) <= 1:
        return "".join(parts)
    mark = "; " if any("," in part for part in parts) else ", "
    return mark.join(parts[:-1]) + (";" if mark == "; " else "") + " and " + parts[-1]


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a clause boundary if one is near, else a word."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for mark in (". ", "; ", ", "):
        at = cut.rfind(mark)
        if at > limit // 2:
            return cut[:at]
    return cut.rsplit(" ", 1)[0]
