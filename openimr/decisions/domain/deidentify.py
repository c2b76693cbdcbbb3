"""De-identification rules for the public corpus, as pure functions over text.

What may not be published: the reviewer's identity (LC 4610.6(f); Zuniga v. WCAB, 2018) and
the employee's individually identifiable medical information (Civil Code 56.10). The list of
identifiers removed follows HIPAA's Safe Harbor method (45 CFR 164.514(b)(2)(i)): names,
street addresses and ZIP codes, telephone and fax numbers, e-mail addresses, Social Security,
medical record and claim (account) numbers, and dates directly related to the person such as
the date of birth. Dates of injury, of the request and of the decision stay, as the State's
published letters print them ("Date of Injury: 10/10/2016"): they are what makes a decision
useful to the next reader, and the letters have always been published with them.

The exact known-name rule (every way a letter writes a name the case states) lives here; the
patterns (identifiers that look the same in every letter, the published age) in
``openimr.decisions.domain.identifiers``, names marked by a label or a role phrase in
``openimr.decisions.domain.labelled_names``, names with a
title ("Dr.", "Mrs.", "Drs.") in ``openimr.decisions.domain.titled_names``, names marked by
a role and a verb in ``openimr.decisions.domain.unlabelled_names``, after "seen by", "Per"
and the like in ``openimr.decisions.domain.names_after_verbs``, by a credential or a
professional title in ``openimr.decisions.domain.credentialed_names``, by a relative's or a
co-worker's role or a letter's "cc:" in ``openimr.decisions.domain.people_around``. Fuzzy
matching of misspelled names needs rapidfuzz and lives outside domain/, in
``openimr.decisions.deidentify``.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

REDACTED = "[redacted]"


def _letters(kind: Callable[[str], bool]) -> str:
    """A character class's ranges of the letters of ``kind`` (``str.isupper``) of the Latin,
    Greek and Cyrillic blocks: a name's first letter may be any of them ("Łukasz", "Émile",
    "Ştefan"), where A to Z alone let such names through every rule."""
    chars = [c for c in map(chr, range(0x41, 0x530)) if kind(c)]
    chars += [c for c in map(chr, range(0x1E00, 0x1F00)) if kind(c)]
    ranges, start = [], chars[0]
    for before, char in zip(chars, [*chars[1:], "\0"], strict=True):
        if ord(char) != ord(before) + 1:
            ranges.append(start if start == before else f"{start}-{before}")
            start = char
    return "".join(ranges)


UPPER = _letters(str.isupper)
LOWER = _letters(str.islower)

# Role words that replace a name, by the party the case names (LC 4610.6(f) for the reviewer
# and the UR reviewer: a letter describes reviewers only by their qualifications).
ROLE_WORDS = {
    "employee": "the injured worker",
    "attorney": "the attorney",
    "employer": "the employer",
    "claims_administrator": "the claims administrator",
    "requesting_physician": "the treating physician",
    "physician": "the physician",
    "ur_reviewer": "the utilization reviewer",
    "ur_organization": "the utilization review organization",
    "medical_group": "the medical group",
    "facility": "the facility",
    "other": REDACTED,
}

# A company's legal suffix: "Acme Logistics, Inc." is also written "Acme Logistics".
_COMPANY_SUFFIX = re.compile(
    r",?\s+(?:inc|llc|l\.l\.c|corp|corporation|co|company|ltd|lp|llp|pc|p\.c|"
    r"group|insurance|services)\.?$",
    re.IGNORECASE,
)
# Parts of a person's name that are not the name: titles and degrees.
_NOT_NAME = {"dr", "mr", "mrs", "ms", "miss", "md", "do", "dc", "phd", "pa", "np", "jr", "sr"}
_NOT_NAME |= {"ii", "iii", "iv", "esq", "rn", "lac", "dpm", "psyd", "facs", "mph"}


@dataclass(frozen=True)
class KnownName:
    """A name the case states, and the party it belongs to (a key of ROLE_WORDS). ``person``
    says whether it is a person's name (split into given names and surname) or an
    organization's (matched whole, with and without its legal suffix)."""

    name: str
    role: str
    person: bool = True


# Words that make an author an organization ("Coastal Physical Therapy"), whose words must
# not each become a name: "Physical" is no one's name in "Physical therapy".
_ORGANIZATION_WORDS = re.compile(
    r"\b(?:inc|llc|corp|co|company|ltd|group|services|clinic|center|centre|hospital|"
    r"medical|health|healthcare|therapy|rehabilitation|imaging|radiology|laboratory|labs?|"
    r"pharmacy|associates|partners|institute|insurance|claims|administrators?|department|"
    r"district|university|network|management|solutions|orthopedics|chiropractic)\b",
    re.IGNORECASE,
)
# Letters that fold to no ASCII letter by Unicode decomposition.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"})


def looks_like_organization(name: str) -> bool:
    return bool(_ORGANIZATION_WORDS.search(name))


def fold(word: str) -> str:
    """The word without its accents, as a letter typed on an American keyboard writes it:
    "Łukasiewicz" → "Lukasiewicz", "Vásquez" → "Vasquez"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(name: str) -> list[str]:
    """The words of a person's name without titles, degrees or initials."""
    words = re.findall(r"[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*", name)
    return [w for w in words if w.lower() not in _NOT_NAME and len(w) > 1]


def organization_variants(name: str) -> list[str]:
    """An organization as letters write it: whole, without its legal suffix, and by its
    first and last words when it has three or more ("Sunrise Farms" of "Sunrise Valley
    Farms, Inc."), as people shorten a workplace's name."""
    bare = _COMPANY_SUFFIX.sub("", name.strip())
    words = bare.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]  # "The Home Depot" is no "The Depot"
    short = f"{words[0]} {words[-1]}" if len(words) >= 3 else bare
    return [v for v in dict.fromkeys([name.strip(), bare, short]) if len(v) > 2]


@dataclass(frozen=True)
class NameIndex:
    """The names of one case, built once for all its texts: person name words (lowercase)
    and their initials by role, organization phrases (lowercase, longest first) by role.
    Matching words against a dictionary rather than compiling a pattern per name keeps a
    case's de-identification at a fraction of a millisecond."""

    words: dict[str, str]
    initials: dict[str, str]
    letters: frozenset[str]
    phrases: tuple[tuple[str, str], ...]
    # Each organization's first word as written, of a name of two words or more ("Sunrise"),
    # its role and its other words in lower case, for its shortenings no variant holds
    # ("Sunrise Acres": ``known_shapes``).
    heads: tuple[tuple[str, str, frozenset[str]], ...] = ()


def name_index(names: Sequence[KnownName]) -> NameIndex:
    words: dict[str, str] = {}
    initials: dict[str, str] = {}
    phrases: dict[str, str] = {}
    heads: dict[str, tuple[str, frozenset[str]]] = {}
    for known in names:
        role = ROLE_WORDS.get(known.role, REDACTED)
        if not known.person:
            head, *rest = known.name.split() or [""]
            if rest and head not in ("The", "A", "An"):  # "The Home Depot"
                others = frozenset(word.strip(",.").lower() for word in rest)
                heads.setdefault(head.rstrip(",."), (role, others))
            for variant in organization_variants(known.name):
                phrases.setdefault(" ".join(variant.lower().split()), role)
                phrases.setdefault(" ".join(fold(variant).lower().split()), role)
            continue
        tokens = name_tokens(known.name)
        for token in tokens:
            for form in _token_forms(name_key(token)):
                words.setdefault(form, role)
        if len(tokens) > 1:
            initials.setdefault("".join(fold(t)[0].lower() for t in tokens), role)
    ordered = tuple(sorted(phrases.items(), key=lambda p: -len(p[0])))
    letters = frozenset(word[0] for word in words if word)
    shortened = tuple((head, role, rest) for head, (role, rest) in heads.items())
    return NameIndex(words, initials, letters, ordered, shortened)


def name_key(word: str) -> str:
    """A name word as the index holds it: lower case, a typographic apostrophe written as a
    straight one ("O’Donnell" is "o'donnell")."""
    return word.lower().replace("\u2019", "'")


def _token_forms(key: str) -> list[str]:
    """The ways a letter writes one name word: as stated, without its accents, each part
    of a hyphenated one ("hernandez" of "hernandez-whitfield"), and a name with an
    apostrophe without it ("odonnell") or without what stands before it ("donnell" of
    "o'donnell", four letters at least: "O Donnell" is read as a typed "O'Donnell")."""
    forms = [key, fold(key)]
    forms += [part for form in forms if "-" in form for part in form.split("-")]
    for form in [f for f in forms if "'" in f]:
        forms.append(form.replace("'", ""))
        forms += [part for part in form.split("'")[1:] if len(part) >= 4]
    return forms


# Words a period follows without ending the sentence ("e.g. Smith", "vs. Smith").
_ABBREVIATIONS = frozenset(("e.g", "i.e", "vs", "no", "cf", "approx", "dr", "mr", "mrs", "ms"))
_ABBREVIATIONS |= frozenset(("prof", "sr", "sra", "srta"))
_SPACE = " \t\r\n"


def role_at(role: str, text: str, at: int) -> str:
    """``role``, the words replacing a name that starts at ``at`` of ``text``, capitalised
    when the name started a sentence: "Smith (DOB ...) is a 45 year old" reads "The injured
    worker (DOB ...)", as the letter capitalised the name it replaces."""
    if role[:1].islower() and sentence_starts_at(text, at):
        return role[0].upper() + role[1:]
    return role


def sentence_starts_at(text: str, at: int) -> bool:
    """Whether ``at`` starts a text (or one of the texts joined by NUL) or follows ". ",
    "! " or "? " (space or line breaks) after a word that is no initial ("J. Smith") or
    common abbreviation ("e.g. Smith"). A quote or bracket before the name is not looked
    through: the name then stays as lower-case role words, as before."""
    start = at
    while start > 0 and text[start - 1] in _SPACE:
        start -= 1
    if start == 0 or text[start - 1] == "\x00":
        return True
    if start == at or text[start - 1] not in ".!?":
        return False
    word = start - 1
    while word > 0 and (text[word - 1].isalpha() or text[word - 1] == "."):
        word -= 1
    before = text[word : start - 1].lower()
    return len(before) != 1 and before not in _ABBREVIATIONS


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
_GAP = re.compile(r"\s*,?\s*")
_INITIAL_GAP = re.compile(r"\.\s*")
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sr|Sra|Srta)\.?\s+)$", re.IGNORECASE
)
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,4}")


def replace_known_names(text: str, index: NameIndex) -> str:
    """Replace every known name with its party's role word: organizations whole (with or
    without their legal suffix), people by any capitalized word of their name ("Gonzalez",
    "GONZALEZ, MARIA", "Ms. Gonzalez's", "M. Gonzalez"), runs of such words joined into one,
    and their initials ("M.E.G."). A lowercase word is never a name: "will" is not Will."""
    # The text lowercased once, and again only after a phrase was found in it: lowercasing
    # it for each of a case's organizations' phrases cost a microsecond each.
    lower = text.lower()
    for phrase, role in index.phrases:
        if phrase in lower:
            text = _replace_phrase(text, phrase, role)
            lower = text.lower()
    if index.initials:
        text = _INITIALS.sub(lambda m: _initials(m, index), text)
    if not index.words:
        return text
    spans = _name_spans(text, index)
    for first, end, role in reversed(spans):
        title = _TITLE_BEFORE.search(text, max(0, first - 12), first)
        start = title.start() if title else first
        text = text[:start] + role_after(role, text, start) + _possessive(text, end)
    return text


def role_after(role: str, text: str, at: int) -> str:
    """``role_at``, without its article after an article ("the Washington Orthopedics
    report" reads "the treating physician Orthopedics report", not "the the ...") or a
    salutation's "Dear" ("Dear Dr. Okonkwo," reads "Dear treating physician,")."""
    before = text[max(0, at - 5) : at].lower()
    if role.startswith("the ") and (before.endswith("the ") or before == "dear "):
        return role[4:]
    return role_at(role, text, at)


def _possessive(text: str, end: int) -> str:
    """The text after a name, its bare possessive apostrophe ("Lopez' husband") written as
    the role words need it ("the injured worker's husband")."""
    if text[end : end + 1] in ("'", "\u2019") and not text[end + 1 : end + 2].isalnum():
        return text[end] + "s" + text[end + 1 :]
    return text[end:]


def _replace_phrase(text: str, phrase: str, role: str) -> str:
    lower, out, at = text.lower(), [], 0
    found = lower.find(phrase)
    while found >= 0:
        end = found + len(phrase)
        if _boundary(lower, found, end):
            out += [text[at:found], role_after(role, text, found)]
            at = end
        found = lower.find(phrase, end if at == end else found + 1)
    return "".join(out) + text[at:]


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


# Degrees written as initials: "M.D." after a name is the degree, not Maria Delgado.
_DEGREE_INITIALS = frozenset(("md", "do", "dc", "np", "rn", "pa"))


def _initials(match: re.Match[str], index: NameIndex) -> str:
    letters = "".join(c.lower() for c in match.group(0) if c.isalpha())
    role = None if letters in _DEGREE_INITIALS else index.initials.get(letters)
    if role is None:
        return match.group(0)
    cased = role_at(role, match.string, match.start())
    return cased + (" " if match.group(0)[-1] == " " else "")


def _name_spans(text: str, index: NameIndex) -> list[tuple[int, int, str]]:
    """Spans of name words, a run of them (with commas, spaces and initials between) as one."""
    spans: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word, (start, end) = match.group(0), match.span()
        if word[-2:] in ("'s", "\u2019s"):  # the possessive stays: "the worker's"
            word, end = word[:-2], end - 2
        role = _word_role(word, text, end, index)
        if role is None:
            continue
        if spans and _joins(text, spans[-1][1], start, spans[-1]):
            spans[-1] = (spans[-1][0], end, spans[-1][2])
        else:
            spans.append((start, end, role))
    return [_with_initial_after(text, span, index) for span in spans]


# An initial after a surname, as a list of names writes it ("Lopez, M.", "Okonkwo R"): not a
# degree's ("Lopez, M.D."), nor one followed by a word's letters; after a comma with its
# period only, as "Lopez, M, 45" states the sex.
_INITIAL_AFTER = re.compile(r"(?:,\s?([A-Z])\.|\s([A-Z])(?:\.|(?![\w.'\u2019])))(?![A-Za-z])")


def _with_initial_after(
    text: str, span: tuple[int, int, str], index: NameIndex
) -> tuple[int, int, str]:
    """The span with the initial written after it, when the initial is the first letter of
    one of the same person's name words (their role's)."""
    start, end, role = span
    found = _INITIAL_AFTER.match(text, end)
    if found is None:
        return span
    letter = (found.group(1) or found.group(2)).lower()
    if any(word[0] == letter and word_role == role for word, word_role in index.words.items()):
        return start, found.end(), role
    return span


def _word_role(word: str, text: str, end: int, index: NameIndex) -> str | None:
    if not word[0].isupper():
        return None
    if len(word) == 1:
        return _initial_role(word, text, end, index)
    lower = name_key(word)
    role = index.words.get(lower) or index.words.get(fold(lower))
    if role is None and "-" in word:
        # A known name joined to another by a hyphen ("Lopez-Garcia"): one person's name,
        # every part written as a name.
        parts = word.split("-")
        if all(part[:1].isupper() for part in parts):
            role = next((index.words[p] for p in map(name_key, parts) if p in index.words), None)
    return role


def _initial_role(letter: str, text: str, end: int, index: NameIndex) -> str | None:
    """The role of an initial that joins the name word after it: "M. Gonzalez"; "M
    Gonzalez" when the letter starts one of that person's name words; and "O Donnell" for
    a known "O'Donnell"."""
    if text.startswith(".", end):
        following = _WORD.match(text, _INITIAL_GAP.match(text, end).end())  # type: ignore[union-attr]
        key = following and name_key(following.group(0))
        return index.words.get(key) if key and letter.lower() in index.letters else None
    following = _WORD.match(text, end + 1) if text.startswith(" ", end) else None
    if following is None:
        return None
    if (joined := name_key(letter + following.group(0))) in index.words:
        return index.words[joined]
    role = index.words.get(name_key(following.group(0)))
    first = letter.lower()
    return role if any(w[0] == first and r == role for w, r in index.words.items()) else None


# A nickname in quotes between a known name's words: 'Guadalupe "Lupe" Hernandez' is one
# person's name, the nickname with it.
_NICKNAME_GAP = re.compile(rf"\s+[\"\u201c'\u2018][{UPPER}][{LOWER}]+[\"\u201d'\u2019]\s+")


def _joins(text: str, previous_end: int, start: int, previous: tuple[int, int, str]) -> bool:
    gap = text[previous_end:start]
    if len(gap) > 4 and _NICKNAME_GAP.fullmatch(gap):
        return True
    after_initial = previous_end < 2 or not text[previous_end - 2].isalpha()
    if after_initial and _INITIAL_GAP.fullmatch(gap):
        return True
    return bool(_GAP.fullmatch(gap)) and "\n\n" not in gap
