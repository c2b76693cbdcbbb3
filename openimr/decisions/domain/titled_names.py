"""Names written with a title ("Dr. Patel", "Mrs. O'Neil", "Drs. Lee and Patel"), as pure
functions over text: a name the case did not state still goes, however it is written.

Why: a published decision names no one who treated the worker or reviewed the case (LC
4610.6(f) for the reviewer; Civil Code 56.10 for the worker's medical information), and a
person's name is the first identifier of HIPAA's Safe Harbor (45 CFR 164.514(b)(2)(i)(A)).

How a name after a title is read, word by word, so that the ways a name is written that a
single pattern missed are read too: a word with a capital ("Patel", "O'Neil",
"Nguyen-Tran", "Özdemir", "Đặng"), or of a script without capitals ("王伟", "김민준",
"محمد"); the whole name in capitals ("Dr. JOHN SMITH"); initials between its words ("John
Q. Public"); a surname's particles ("de la Cruz", "van der Berg", "al-Rashid"); after
"Drs.", several names joined by "and" or commas. A lower-case word that is no particle, a
word in capitals after a mixed-case one ("Dr. Smith MRI"), a credential, a digit or a
punctuation mark ends the name."""

import re
from collections.abc import Callable, Container

from openimr.decisions.domain.deidentify import REDACTED, role_at
from openimr.decisions.domain.identifiers import all_known
from openimr.decisions.domain.name_reading import capitals_name, is_ordinary
from openimr.decisions.domain.word_starts import word_starts

# Each title's first letter is scanned in C; the boundary before it is checked after.
# A title in capitals ("DR. ŁUKASZ NOWAK") with its period: "MS" alone is multiple sclerosis.
# "Prof.", "Professor"; the Spanish "Sr.", "Sra.", "Srta." with their period ("Sr" alone may
# be a name's "Senior").
_TITLE = re.compile(
    r"(?:D(?:rs|r|octors|octor|RS?\.)|M(?:rs|r|s|iss|x|RS?\.|S\.)|Prof(?:essor)?"
    r"|S(?:rta|ra|r)(?=\.))\.?\s+"
)
# The titles' first letters in lower case, where a word starts (``word_starts``: found with
# the other rules' words in one pass, where a scan of the text for each title cost more).
TITLE_WORDS = ("dr", "doctor", "mr", "ms", "mx", "miss", "prof", "sr")
# A token after a title: an initial, or a word (letters of any script, with inner
# apostrophes and hyphens), with the space before it.
_TOKEN = re.compile(r"\s*(?:([A-Z]\.)|([^\W\d_]+(?:['\u2019\-][^\W\d_]+)*))")
_LIST_GAP = re.compile(r"(?:\s*,)?\s+(?:and|&)\s+|\s*,\s+")
_POSSESSIVE = ("'s", "\u2019s")
# A surname's particles, written in lower case before the name word they belong to.
_PARTICLE_WORDS = """
    de del della dela di da das dos du la le van der den ter von zu al el bin ibn ben abu
"""
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
# Words in capitals a name after a title never is: credentials and a letter's acronyms.
_ACRONYM_WORDS = """
    MD DO DC PA NP RN PHD PSYD DPM ESQ QME AME PTP MRI EMG NCV CT PT OT UR IMR ER ESI
"""
_ACRONYMS = frozenset(_ACRONYM_WORDS.split())
# A drug maker named after its founder is no person ("Dr. Reddy's Laboratories"): a
# manufacturer is no party the corpus withholds (the case's manufacturer is published).
_MAKER = re.compile(r"\s+(?:Laboratories|Labs|Pharmaceuticals|Pharma)\b")
_MOST_WORDS = 3
_SAINT = ("St", "Ste")


def replace_titled_names(text: str, known: Container[str] = ()) -> str:
    """Any name written with a title ("Dr. ..." → "the physician", "Drs. ... and ..." → "the
    physicians", "Ms. ..." → ``[redacted]``), up to three name words each, but a name whose
    every word is ``known`` (the case's name words, lower case), left to the known-name
    rule, so a known physician reads "the treating physician". Run before it: a name the case
    states in part ("Dr. Maria Okafor", Maria known) goes whole, where the known-name rule
    would leave "Okafor" (45 CFR 164.514(b)(2)(i)(A); LC 4610.6(f))."""
    starts = word_starts(text)
    places = sorted({place for word in TITLE_WORDS for place in starts.of(word)})
    out, at = [], 0
    for start in places:
        title = _TITLE.match(text, start)
        if title is None or start < at:
            continue
        several = title.group(0).upper().startswith(("DRS", "DOCTORS"))
        # A title in capitals ("DR.") reads its names in capitals as "CLAIMS ADJUSTER" does.
        reader = _capitals_end if title.group(0)[1].isupper() else _name_end
        end = _names_end(text, title.end(), several, reader)
        if title.group(0)[0] in "PS" and _ordinary_after(text, title.end()):
            continue  # "the Sr. Care program", "Prof. Emeritus": no name after the title
        if end is None or (known and all_known(text, (title.end(), end), known)):
            continue
        possessive = _possessive_length(text, end)
        role = _role(title.group(0), text, start)
        # "Drs. Lee and Patel's notes": the physicians' notes.
        out += [text[at:start], role, ("'" if role.endswith("s") else "'s") if possessive else ""]
        at = end + possessive
    return "".join(out) + text[at:]


def _possessive_length(text: str, end: int) -> int:
    """How long the possessive after a name is: "'s" or "'S" (2), a bare apostrophe ("Dr.
    Jones' report", "DR. JONES' REPORT": 1), none (0); the role words write their own."""
    if text.startswith(_POSSESSIVE, end) or text.startswith(("'S", "\u2019S"), end):
        return 2
    bare = text[end : end + 1] in ("'", "\u2019") and not text[end + 1 : end + 2].isalnum()
    return 1 if bare else 0


def _ordinary_after(text: str, at: int) -> bool:
    word = _TOKEN.match(text, at)
    return bool(word and word.group(2) and is_ordinary(word.group(2)))


def _role(title: str, text: str, at: int) -> str:
    if title[0] != "D":
        return REDACTED
    plural = title.upper().startswith(("DRS", "DOCTORS"))
    return role_at("the physicians" if plural else "the physician", text, at)


def _names_end(
    text: str, at: int, several: bool, reader: Callable[[str, int], int | None]
) -> int | None:
    """Where the name (or, after "Drs.", the names joined by "and" or commas) that starts at
    ``at`` ends, as ``reader`` reads one; None when no name does."""
    end = reader(text, at)
    while end is not None and several and (gap := _LIST_GAP.match(text, end)):
        following = reader(text, gap.end())
        if following is None:
            break
        end = following
    return end


def _capitals_end(text: str, at: int) -> int | None:
    """Where the name in capitals that starts at ``at`` (after a title in capitals) ends."""
    found = capitals_name(text, at - 1 if at and text[at - 1].isspace() else at)
    return found and found[1]


def _name_end(text: str, at: int) -> int | None:
    """Where the name that starts at ``at`` ends (a possessive left out), or None."""
    end, words, capitals, pending = None, 0, None, at
    while words < _MOST_WORDS and (token := _TOKEN.match(text, pending)):
        initial, word = token.groups()
        pending = token.end()
        if word in _SAINT and text.startswith(".", pending):
            pending += 1  # "Dr. St. John": the abbreviation's period is no sentence's end
            continue
        if initial or word.lower() in _PARTICLES:
            continue  # a part of the name only if a name word follows
        if capitals is None and _initials_before_name(word, text, pending):
            continue  # "Dr. JR Smith", "Dr. J R Smith": initials without their periods
        if word.endswith(_POSSESSIVE) and _name_word(word[:-2], capitals):
            return None if _MAKER.match(text, token.end()) else token.end() - 2
        if not _name_word(word, capitals):
            break
        capitals = word.isupper() if capitals is None else capitals
        end, words = token.end(), words + 1
    return end


def _initials_before_name(word: str, text: str, at: int) -> bool:
    """Whether ``word`` is one to three capitals that a name word in mixed case follows
    (from ``at``), as initials typed without their periods are."""
    while word.isupper() and len(word) <= 3 and word.isalpha():
        following = _TOKEN.match(text, at)
        word = following.group(2) if following and following.group(2) else ""
        if following is None or _name_word(word, False):
            return bool(word)
        at = following.end()
    return False


def _name_word(word: str, capitals: bool | None) -> bool:
    """Whether ``word`` is written as a name word: a capital and more (all in capitals only
    when the name's words before it are: "JOHN SMITH", not the "MRI" of "Dr. Smith MRI"), a
    particle's name ("al-Rashid"), or letters of a script without capitals."""
    head = word.split("-", 1)[1] if word[:3].lower() in ("al-", "el-") else word
    first = head[:1]
    if len(head) < 2 or first.islower():
        return False
    if not first.isupper():
        return not any(c.isupper() or c.islower() for c in head)  # "王伟", "김민준", "محمد"
    if head.isupper():
        return capitals is not False and head.upper().replace(".", "") not in _ACRONYMS
    return not capitals
