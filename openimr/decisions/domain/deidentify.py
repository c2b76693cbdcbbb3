"""De-identification rules for the public corpus, as pure functions over text.

What may not be published: the reviewer's identity (LC 4610.6(f); Zuniga v. WCAB, 2018) and
the employee's individually identifiable medical information (Civil Code 56.10). The list of
identifiers removed follows HIPAA's Safe Harbor method (45 CFR 164.514(b)(2)(i)): names,
street addresses and ZIP codes, telephone and fax numbers, e-mail addresses, Social Security,
medical record and claim (account) numbers, and dates directly related to the person such as
the date of birth. Dates of injury, of the request and of the decision stay, as the State's
published letters print them ("Date of Injury: 10/10/2016"): they are what makes a decision
useful to the next reader, and the letters have always been published with them.

Two kinds of rule live here: the patterns (identifiers that look the same in every letter)
and the exact known-name rule (every way a letter writes a name the case states). Fuzzy
matching of misspelled names needs rapidfuzz and lives outside domain/, in
``openimr.decisions.deidentify``.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

REDACTED = "[redacted]"

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
    """An organization as letters write it: whole, and without its legal suffix."""
    bare = _COMPANY_SUFFIX.sub("", name.strip())
    return [v for v in dict.fromkeys([name.strip(), bare]) if len(v) > 2]


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


def name_index(names: Sequence[KnownName]) -> NameIndex:
    words: dict[str, str] = {}
    initials: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for known in names:
        role = ROLE_WORDS.get(known.role, REDACTED)
        if not known.person:
            for variant in organization_variants(known.name):
                phrases.setdefault(" ".join(variant.lower().split()), role)
                phrases.setdefault(" ".join(fold(variant).lower().split()), role)
            continue
        tokens = name_tokens(known.name)
        for token in tokens:
            words.setdefault(token.lower(), role)
            words.setdefault(fold(token).lower(), role)
            for part in token.split("-") if "-" in token else ():
                words.setdefault(part.lower(), role)
                words.setdefault(fold(part).lower(), role)
        if len(tokens) > 1:
            initials.setdefault("".join(fold(t)[0].lower() for t in tokens), role)
    ordered = tuple(sorted(phrases.items(), key=lambda p: -len(p[0])))
    letters = frozenset(word[0] for word in words if word)
    return NameIndex(words, initials, letters, ordered)


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
_GAP = re.compile(r"\s*,?\s*")
_INITIAL_GAP = re.compile(r"\.\s*")
_TITLE_BEFORE = re.compile(r"(?:\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+)$", re.IGNORECASE)
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,4}")


def replace_known_names(text: str, index: NameIndex) -> str:
    """Replace every known name with its party's role word: organizations whole (with or
    without their legal suffix), people by any capitalized word of their name ("Gonzalez",
    "GONZALEZ, MARIA", "Ms. Gonzalez's", "M. Gonzalez"), runs of such words joined into one,
    and their initials ("M.E.G."). A lowercase word is never a name: "will" is not Will."""
    for phrase, role in index.phrases:
        text = _replace_phrase(text, phrase, role)
    if index.initials:
        text = _INITIALS.sub(lambda m: _initials(m, index), text)
    if not index.words:
        return text
    spans = _name_spans(text, index)
    for first, end, role in reversed(spans):
        title = _TITLE_BEFORE.search(text, max(0, first - 12), first)
        start = title.start() if title else first
        text = text[:start] + role + text[end:]
    return text


def _replace_phrase(text: str, phrase: str, role: str) -> str:
    lower, out, at = text.lower(), [], 0
    found = lower.find(phrase)
    while found >= 0:
        end = found + len(phrase)
        if _boundary(lower, found, end):
            out += [text[at:found], role]
            at = end
        found = lower.find(phrase, end if at == end else found + 1)
    return "".join(out) + text[at:]


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _initials(match: re.Match[str], index: NameIndex) -> str:
    letters = "".join(c.lower() for c in match.group(0) if c.isalpha())
    role = index.initials.get(letters)
    return match.group(0) if role is None else role + (" " if match.group(0)[-1] == " " else "")


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
    return spans


def _word_role(word: str, text: str, end: int, index: NameIndex) -> str | None:
    if not word[0].isupper():
        return None
    if len(word) == 1:
        # An initial: "M. Gonzalez"; it joins only a name word that follows.
        if word.lower() in index.letters and text.startswith(".", end):
            following = _WORD.match(text, _INITIAL_GAP.match(text, end).end())  # type: ignore[union-attr]
            if following and following.group(0).lower() in index.words:
                return index.words[following.group(0).lower()]
        return None
    lower = word.lower()
    return index.words.get(lower) or index.words.get(fold(lower))


def _joins(text: str, previous_end: int, start: int, previous: tuple[int, int, str]) -> bool:
    gap = text[previous_end:start]
    after_initial = previous_end < 2 or not text[previous_end - 2].isalpha()
    if after_initial and _INITIAL_GAP.fullmatch(gap):
        return True
    return bool(_GAP.fullmatch(gap)) and "\n\n" not in gap


# Identifiers by shape (45 CFR 164.514(b)(2)(i)), most specific first.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SSN = re.compile(r"(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])")
_PHONE = re.compile(r"(?<![\w-])(?:\+?1[-. ]?)?(?:\(\d{3}\)\s*|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-])")
# What follows a label of an account number ("Claim Number: 05WC123456", "MRN 00123"): the
# value, which holds a digit. Labels are found with str.find (see `_after_labels`).
_ID_LABELS: tuple[str, ...] = ("claim", "policy", "member", "account", "medical record")
_ID_LABELS += ("mrn", "ssn", "social security", "employee id", "wcab", "adj")
_ID_VALUE = re.compile(
    r"(?:\s*(?:number|no\.?|num\.?|#|id))?\s*[:#]?\s*((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})",
    re.IGNORECASE,
)
_DOB = re.compile(
    r"\b((?:date of birth|birth ?date|d\.?o\.?b\.?|born(?: on)?)\s*[:,]?\s*)"
    r"(\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2},? \d{4})",
    re.IGNORECASE,
)
# Case-sensitive: an address is written "123 Main Street"; "3 visits with Dr" is not one.
_STREET = re.compile(
    r"\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){1,4}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|"
    r"Parkway|Pkwy|Circle|Cir|Highway|Hwy|Terrace|Ter|Trail|Trl|STREET|AVENUE|ROAD)\b\.?"
    r"(?:,?\s+(?:Suite|Ste|STE|Apt|Unit|#)\.?\s*[\w-]+)?"
)
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.IGNORECASE)
_CITY_STATE_ZIP = re.compile(
    r"\b(?:[A-Z][a-z]+\s){0,3}[A-Z][a-z]+,\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"
)
_ZIP = re.compile(r"\b(?:CA|California)\s+\d{5}(?:-\d{4})?\b")
# A name written after a role label in running text: "Patient: John Smith", or set off by a
# comma: "The adjuster, Jose Tran of ..." (two capitalized words at least, so that "the
# physician, MRI ..." keeps its MRI).
_ROLE_LABELS = (
    "patient",
    "employee",
    "applicant",
    "claimant",
    "insured",
    "adjuster",
    "attorney",
    "examiner",
    "physician",
    "provider",
    "reviewer",
    "employer",
    "injured worker",
    "claims administrator",
    "nurse case manager",
)
_NAME_WORD = r"[A-Z](?:[a-z]|'[A-Z])[\w'-]*"
_LABELLED_VALUE = re.compile(r"(?i:\s+name)?\s*:\s*([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3})")
_APPOSED_VALUE = re.compile(rf",\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})")
# Adjudication case numbers of the Appeals Board identify the worker's claim.
_WCAB_NUMBER = re.compile(r"\bADJ\d{6,8}\b")
# Any person written with a title: a name the case did not state still goes.
_TITLED = re.compile(
    r"\b(?:(Dr|Doctor)|Mr|Mrs|Ms|Miss|Mx)\.?\s+(?:[A-Z]\.\s*)*[A-Z](?:[a-z]|'[A-Z])[\w'-]*"
    r"(?:\s+[A-Z](?:[a-z]|'[A-Z])[\w'-]*)?(?:'s)?"
)


# Cheap clues, checked before each pattern runs: a pattern costs a scan of the text, and most
# letters hold no identifier at all (what the State publishes is de-identified already).
_BIRTH = ("birth", "dob", "d.o.b", "born")
# Shape clues read from the text with every digit turned into 9 (str.translate, in C): a
# regular expression that starts with a digit class scans slowly, a substring search fast.
_NINES = str.maketrans("0123456789", "9999999999")
_GROUPED = ("999-99", "999 99", "999.99", "999) 99", "999)99")


def _street_clue(nines: str) -> bool:
    """A number followed by a capitalized word, as a street address begins."""
    at = nines.find("9 ")
    while at >= 0:
        if nines[at + 2 : at + 3].isupper():
            return True
        at = nines.find("9 ", at + 2)
    return False


def _zip_clue(nines: str) -> bool:
    """Two capitals (or "California"), a space and five digits: "CA 93701"."""
    at = nines.find(" 99999")
    while at >= 0:
        if (at >= 2 and nines[at - 2 : at].isupper()) or nines.endswith("California", 0, at):
            return True
        at = nines.find(" 99999", at + 1)
    return False


_TITLES = ("Dr", "Mr", "Ms", "Miss", "Mx", "Doctor")


def _after_labels(
    text: str, labels: Sequence[str], value: re.Pattern[str], lower: str | None = None
) -> str:
    """Redact the value (group 1 of ``value``) that follows any of the labels, each label
    found by str.find in the lowercased text (``lower``, when the caller has it) at the
    start of a word: a scan per label in C costs a fraction of one regular expression
    alternating them all."""
    ends = _label_ends(text.lower() if lower is None else lower, labels)
    return _redacted(text, _spans_after(text, ends, value))


def _label_ends(lower: str, labels: Sequence[str]) -> list[int]:
    """Where the value after each label may start: after a label at the start of a word."""
    ends = []
    for label in labels:
        at = lower.find(label)
        while at >= 0:
            if at == 0 or not lower[at - 1].isalnum():
                ends.append(at + len(label))
            at = lower.find(label, at + 1)
    return ends


def _spans_after(text: str, ends: list[int], value: re.Pattern[str]) -> list[tuple[int, int]]:
    return [found.span(1) for end in ends if (found := value.match(text, end))]


def _redacted(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out, at = [], 0
    for start, end in sorted(spans):
        if start >= at:
            out += [text[at:start], REDACTED]
            at = end
    return "".join(out) + text[at:]


def replace_identifiers(text: str) -> str:
    """Remove identifiers recognizable by their shape or their label: e-mail addresses,
    SSNs, phone and fax numbers, claim and other account numbers, dates of birth, street
    addresses, P.O. boxes and city-state-ZIP lines (45 CFR 164.514(b)(2)(i)(B), (D)-(H),
    and (C) for the date of birth). Run before the names, which an e-mail address holds."""
    original, lower, nines = text, text.lower(), text.translate(_NINES)
    if "@" in text:
        text = _EMAIL.sub(REDACTED, text)
    if any(clue in lower for clue in _BIRTH):
        text = _DOB.sub(lambda m: m.group(1) + REDACTED, text)
    if any(group in nines for group in _GROUPED):
        text = _PHONE.sub(REDACTED, _SSN.sub(REDACTED, text))
    text = _after_labels(text, _ID_LABELS, _ID_VALUE, lower if text is original else None)
    if "ADJ" in text:
        text = _WCAB_NUMBER.sub(REDACTED, text)
    if "box" in lower:
        text = _PO_BOX.sub(REDACTED, text)
    if _street_clue(nines):
        text = _STREET.sub(REDACTED, text)
    if _zip_clue(nines):
        text = _ZIP.sub(REDACTED, _CITY_STATE_ZIP.sub(REDACTED, text))
    return text


def replace_labelled_names(text: str) -> str:
    """Names the case may not state but the text marks as names: after a role label
    ("Patient: ...", "The adjuster, Jose Tran of ..."). Run before the known names, so a
    known given name does not leave an unknown surname beside its role word."""
    ends = _label_ends(text.lower(), _ROLE_LABELS)
    if not ends:
        return text
    if ":" in text and (spans := _spans_after(text, ends, _LABELLED_VALUE)):
        text = _redacted(text, spans)
        ends = _label_ends(text.lower(), _ROLE_LABELS)  # the labels moved
    return _redacted(text, _spans_after(text, ends, _APPOSED_VALUE))


def replace_titled_names(text: str) -> str:
    """Any name written with a title ("Dr. ...", "Ms. ..."). Run after the known names, so
    a known physician reads "the treating physician" rather than "the physician"."""
    if any(title in text for title in _TITLES):
        text = _TITLED.sub(_titled_role, text)
    return text


def _titled_role(match: re.Match[str]) -> str:
    role = "the physician" if match.group(1) else REDACTED
    return role + ("'s" if match.group(0).endswith("'s") else "")


def safe_age(age: int | None) -> int | None:
    """Ages over 89 are published as 90: 45 CFR 164.514(b)(2)(i)(C) aggregates them into one
    category of 90 or older."""
    return None if age is None else min(age, 90)
