"""De-identification rules by shape and by label, as pure functions over text: identifiers
that look the same in every letter (e-mail addresses, SSNs, phone numbers, account numbers,
dates of birth, addresses: 45 CFR 164.514(b)(2)(i)), names a text marks as names (after a
role label or a role phrase), and the published age. The known-name rules are in
``openimr.decisions.domain.deidentify``, names with a title in
``openimr.decisions.domain.titled_names``."""

import functools
import re
from collections.abc import Container, Sequence

from openimr.decisions.domain.deidentify import LOWER, REDACTED, UPPER, name_key
from openimr.decisions.domain.word_starts import WordStarts, word_starts

# Identifiers by shape (45 CFR 164.514(b)(2)(i)), most specific first.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SSN = re.compile(r"(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])")
# With its extension, which reaches one person: "ext. 22", ", x305".
_PHONE = re.compile(
    r"(?<![\w-])(?:\+?1[-. ]?)?(?:\(\d{3}\)\s*|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-])"
    r"(?:,?\s*(?:ext\.?|extension|x)\s*\d{1,5}\b)?"
)
# A number outside the North American plan, its country code after a plus: "+44 20 7946
# 0958" (a plus after a digit is a grade: "2+ edema"). Eight digits at least (`_intl`).
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]\d{1,4}){2,5}(?![\w-])")
# A telephone number written as its ten or eleven digits, after its label ("phone number is
# 4155550134"): without the label such digits are no more a phone than a claim number.
_PHONE_LABELS = ("phone", "telephone", "tel", "fax", "cell", "mobile")
_PHONE_VALUE = re.compile(r"(?:\s*(?:number|no\.?|#))?(?:\s+(?:is|was))?\s*[:#]?\s*(\+?1?\d{10})\b")
# What follows a label of an account number ("Claim Number: 05WC123456", "MRN 00123"): the
# value, which holds a digit. Labels are found by `word_starts` (see `_after_labels`).
_ID_LABELS: tuple[str, ...] = ("claim", "policy", "member", "account", "medical record")
_ID_LABELS += ("mrn", "ssn", "social security", "employee id", "wcab", "adj", "zip")
# The value may be written after "is" or "was", hold a slash or a dot ("2016/004417"), and
# come in a list ("claim numbers 123456789 and 987654321").
_COMPACT_ID = r"(?=[A-Z0-9/.-]*\d)[A-Z0-9](?:[A-Z0-9-]|[/.](?=[A-Z0-9])){3,}"
# Or in groups parted by single spaces, as a claim number is read out or typed from a form
# ("12 345 678", "ADJ 123 4567", "05 WC 123456", "05-WC 123 456"): up to three groups of
# digits or capitals (a hyphen inside), then one of three digits at least, which a count
# after a label is not ("claim #2 MRI", "the claim 12 months later" keep theirs); capitals
# only, as the label's letters may start a longer word ("adj" of "adjuster of April 2016").
_SPACED_ID = r"(?-i:(?:[A-Z0-9](?:-?[A-Z0-9]){0,7} ){1,3}\d{3,}(?![\w/-]|\.\d))"
_ONE_ID = rf"(?:{_SPACED_ID}|{_COMPACT_ID})"
_ID_VALUE = re.compile(
    r"(?:\s*(?:numbers?|nos?\.?|num\.?|#|id|code))?(?:\s+(?:is|was|are|ending in))?\s*[:#]?\s*"
    rf"({_ONE_ID}(?:(?:\s*,)?\s*(?:,|and|&|or)\s*{_ONE_ID})*)",
    re.IGNORECASE,
)
_DOB = re.compile(
    r"\b((?:date of birth|birth ?date|birthday|d\.?o\.?b\.?|born(?: on)?)"
    r"(?:\s+(?:is|was|of))?\s*[:,]?\s*)"
    r"(\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{2,4}|\d{4}-\d{2}-\d{2}"
    # Month first, the year may be left out: "March 3rd, 1970", "Mar. 3", "March 3".
    r"|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?(?!\d)"
    # Day first, as words write it: "3 March 1970", "the 3rd of March, 1970".
    r"|(?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of)? [A-Z][a-z]+\.?,? \d{4})",
    re.IGNORECASE,
)
# An age over 89 stated in the text ("a 93 year old male", "95-year-old", "Age: 91", "aged
# 92"): the number only, which `safe_age` caps as it caps the employee's age field.
# Each is tried only where its clue is (a plain find): a pattern that starts with a digit
# class tries every position of the text.
_OLD_AGE = re.compile(r"\b(9\d|1[0-2]\d)(?=[- ]?(?:(?:years?|yrs?\.?)[- ]old|y/?o)\b)", re.I)
_AGE_WORDS = ("year", "yr", "y/o", "yo")
_AGE_VALUE = re.compile(r"[ds]?\s*(?:of\s*)?[:,]?\s*(9\d|1[0-2]\d)\b", re.I)
# Case-sensitive: an address is written "123 Main Street"; "3 visits with Dr" is not one.
# The street types include the ones offices stand on, as a party's address is written
# ("455 Capitol Mall", "1 Hospitality Plaza"), not only the ones homes do.
_STREET = re.compile(
    r"\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){1,4}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|"
    r"Parkway|Pkwy|Circle|Cir|Highway|Hwy|Terrace|Ter|Trail|Trl|Mall|Plaza|Plz|Square|Alley|"
    r"Expressway|Freeway|Real|STREET|AVENUE|ROAD)\b\.?"
    r"(?:,?\s+(?:Suite|Ste|STE|Apt|Apartment|Unit|Room|Rm|Floor|Fl|Bldg|Building|#)\.?\s*[\w-]+)?"
)
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.IGNORECASE)
_CITY_STATE_ZIP = re.compile(
    r"\b(?:[A-Z][a-z]+\s){0,3}[A-Z][a-z]+,\s+(?:[A-Z]{2}|California)\s+\d{5}(?:-\d{4})?\b"
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
# Who else a letter that was never de-identified names by role (an IMR organization's own
# archive): "is represented by Rajesh Castellanos", "the case manager Ana Ruiz". A name
# whose every word the case states is left to the known names, so it reads as its role
# word ("represented by the attorney"); one it states only in part ("Tamika" of a known
# physician, "Hernandez" of no one) goes whole.
_ROLE_PHRASES = (
    "represented by",
    "counsel",
    "case manager",
    "adjustor",
    "claims representative",
    "paralegal",
    # The clinicians a summary names beside the physician: "the physical therapist Tom
    # Reyes", "his doctor, Ana Ruiz, ...", "the QME, Hana Sato".
    "doctor",
    "surgeon",
    "therapist",
    "chiropractor",
    "psychologist",
    "psychiatrist",
    "nurse",
    "acupuncturist",
    "specialist",
    "consultant",
    "evaluator",
    "practitioner",
    "clinician",
    "qme",
    "ptp",
)
_NAME_WORD = rf"[{UPPER}](?:[{LOWER}]|'[{UPPER}])[\w'-]*"
# A middle initial may stand between them ("Anne M. Baxter"); a quote may open the name
# ('the adjuster, "Jose Tran,"'), and stays.
_TWO_TO_FOUR_NAME_WORDS = (
    rf"[\"\u201c']?({_NAME_WORD}(?:\s+(?:[{UPPER}]\.\s*)?{_NAME_WORD}){{1,3}})"
)
# Or written straight after it in running text, the role in lower case: "The adjuster Jose
# Tran called" (two capitalized words), but not "Physician Fee Schedule", a title.
# Words a letter capitalizes after a role that start no name: "reviewer Board Certified".
_NOT_NAMES = (
    "Board|Fee|Utilization|Review|Medical|Independent|Qualified|Agreed|Primary|Treating"
    # After a clinician's role: "the specialist, Board Certified", "the surgeon Spine Surgery",
    # "a specialist Pain Management consult", "the QME Panel Request".
    "|Pain|Physical|Occupational|Orthopedic|Orthopaedic|Internal|Family|General|Sports|Spine"
    "|Certified|Surgery|Panel|Medicine|Therapy|Management|Case|Health|Cognitive|Behavioral"
    "|Home|Clinic|Center|Group|Services|Visits|Evaluation|Report|Request|Department"
    # What a label's value is when it is no name: "Patient: Male", "Provider: Not Listed".
    "|Male|Female|Unknown|None|Not|Same|Pending"
    # How a summary describes the worker after a comma: "The patient, Hispanic Female, 45".
    "|Hispanic|Latino|Latina|Caucasian|White|Black|Asian|African|Filipino|Spanish"
)
_ADJACENT_VALUE = re.compile(rf"\s+(?!(?:{_NOT_NAMES})\b){_TWO_TO_FOUR_NAME_WORDS}")
# After a comma: "The adjuster, Jose Tran of ...", "the surgeon, Ana Ruiz, noted"; the
# role's abbreviation in parentheses may stand before it ("physician (PTP), Tom Reyes,").
_APPOSED_VALUE = re.compile(
    rf"(?:\s*\([A-Z][A-Za-z-]{{1,5}}\))?,\s+(?!(?:{_NOT_NAMES})\b){_TWO_TO_FOUR_NAME_WORDS}"
)
# After a colon: "Patient: John Smith" (but "Patient: Male").
# A surname may come first, with a comma: "Patient Name: SMITH, JANE", "Employee: Tran, Jose".
_LABELLED_VALUE = re.compile(
    rf"(?i:\s+name)?\s*:\s*(?!(?:{_NOT_NAMES})\b)"
    rf"((?:[A-Z][\w'-]+,\s*(?=[A-Z]))?[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){{0,3}})"
)
# Adjudication case numbers of the Appeals Board identify the worker's claim.
_WCAB_NUMBER = re.compile(r"\bADJ\d{6,8}\b")


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


def _after_labels(text: str, labels: Sequence[str], value: re.Pattern[str]) -> str:
    """Redact the value (group 1 of ``value``) that follows any of the labels, each label
    found at the start of a word of the lowercased text (``word_starts``: one pass finds
    them all, where one regular expression alternating them costs more than a scan each)."""
    return redact_spans(text, _spans_after(text, _label_ends(word_starts(text), labels), value))


def _label_ends(starts: WordStarts, labels: Sequence[str]) -> list[int]:
    """Where the value after each label may start: after a label at the start of a word."""
    return [end for _, end in _labels_at(starts, labels)]


def _labels_at(starts: WordStarts, labels: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each label found at the start of a word. The words of a label of
    several may be parted by any white space, as text from a PDF parts them ("is
    represented\n\nby ...")."""
    found = []
    for label in labels:
        if " " in label:
            found += _spaced_labels_at(starts, label)
        else:
            for at in starts.of(label):
                found.append((at, at + len(label)))
    return found


def _spaced_labels_at(starts: WordStarts, label: str) -> list[tuple[int, int]]:
    """Each label of several words, its first word found at the start of a word, the rest
    matched from there with any white space between."""
    pattern, lower = _spaced(label), starts.lower
    first = starts.of(label[: label.index(" ")])
    return [match.span() for at in first if (match := pattern.match(lower, at))]


@functools.cache
def _spaced(label: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in label.split()))


def _spans_after(text: str, ends: list[int], value: re.Pattern[str]) -> list[tuple[int, int]]:
    return [found.span(1) for end in ends if (found := value.match(text, end))]


def redact_spans(text: str, spans: list[tuple[int, int]], by: str = REDACTED) -> str:
    """``text`` with each span replaced by ``by``; a span overlapping one before it is
    left out (the earlier one is replaced)."""
    if not spans:
        return text
    out, at = [], 0
    for start, end in sorted(spans):
        if start >= at:
            out += [text[at:start], by]
            at = end
    return "".join(out) + text[at:]


def replace_identifiers(text: str) -> str:
    """Remove identifiers recognizable by their shape or their label: e-mail addresses,
    SSNs, phone and fax numbers, claim and other account numbers, dates of birth, street
    addresses, P.O. boxes and city-state-ZIP lines (45 CFR 164.514(b)(2)(i)(B), (D)-(H),
    and (C) for the date of birth); an age over 89 is written as 90 (`cap_stated_ages`).
    Run before the names, which an e-mail address holds."""
    starts, nines = word_starts(text), text.translate(_NINES)
    lower = starts.lower
    if "@" in text:
        text = _EMAIL.sub(REDACTED, text)
    # The ages are read in the text as it now is: an e-mail address redacted before an age
    # moves it, and the places of the text before would miss it (or read past the end).
    text = cap_stated_ages(text)
    if any(clue in lower for clue in _BIRTH):
        text = _DOB.sub(lambda m: m.group(1) + REDACTED, text)
    if any(group in nines for group in _GROUPED):
        text = _PHONE.sub(REDACTED, _SSN.sub(REDACTED, text))
    text = _after_labels(text, _ID_LABELS, _ID_VALUE)
    if "+" in text:
        text = _PHONE_INTL.sub(_intl, text)
    if "9999999999" in nines:
        text = _after_labels(text, _PHONE_LABELS, _PHONE_VALUE)
    if "ADJ" in text:
        text = _WCAB_NUMBER.sub(REDACTED, text)
    if "box" in lower:
        text = _PO_BOX.sub(REDACTED, text)
    if _street_clue(nines):
        text = _STREET.sub(REDACTED, text)
    if _zip_clue(nines):
        text = _ZIP.sub(REDACTED, _CITY_STATE_ZIP.sub(REDACTED, text))
    return text


def _intl(found: re.Match[str]) -> str:
    digits = sum(c.isdigit() for c in found.group(0))
    return REDACTED if digits >= 8 else found.group(0)


def replace_labelled_names(text: str) -> str:
    """Names the case may not state but the text marks as names: after a role label
    ("Patient: ...", "The adjuster, Jose Tran of ...", "the adjuster Jose Tran called").
    Run before the known names, so a known given name does not leave an unknown surname
    beside its role word."""
    ends, lowercase = _role_ends(text)
    if not ends:
        return text
    spans = _spans_after(text, ends, _LABELLED_VALUE) if ":" in text else []
    spans += _spans_after(text, ends, _APPOSED_VALUE)
    return redact_spans(text, spans + _spans_after(text, lowercase, _ADJACENT_VALUE))


def replace_role_phrase_names(text: str, known: Container[str] = ()) -> str:
    """Names after the role phrases of ``_ROLE_PHRASES``, as ``replace_labelled_names``
    reads them after its labels, but for a name whose every word is ``known`` (the case's
    name words, lower case), which the known-name rule then replaces. Run before it."""
    ends, lowercase = _role_ends(text, _ROLE_PHRASES)
    if not ends:
        return text
    spans = _spans_after(text, ends, _LABELLED_VALUE) if ":" in text else []
    spans += _spans_after(text, ends, _APPOSED_VALUE)
    spans += _spans_after(text, lowercase, _ADJACENT_VALUE)
    return redact_spans(text, [span for span in spans if not all_known(text, span, known)])


def all_known(text: str, span: tuple[int, int], known: Container[str]) -> bool:
    """Whether every word of ``text[span]`` (initials and a possessive aside) is ``known``
    (lower case): such a name is left to the known-name rule, which writes its role word."""
    words = re.findall(r"[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*", text[span[0] : span[1]])
    keys = (name_key(word).removesuffix("'s") for word in words if len(word) > 1)
    return all(key in known for key in keys)


def _role_ends(text: str, labels: Sequence[str] = _ROLE_LABELS) -> tuple[list[int], list[int]]:
    """Where a name may start after each role label, and the same for the labels written
    in lower case, as running text writes a role ("Physician Fee Schedule" is a title)."""
    found = _labels_at(word_starts(text), labels)
    return [end for _, end in found], [end for start, end in found if text[start].islower()]


def cap_stated_ages(text: str) -> str:
    """Each age over 89 the text states ("a 93 year old", "Age: 91") written as 90, as the
    age field is (45 CFR 164.514(b)(2)(i)(C): ages over 89 are one category, 90 or
    older). Only the number changes."""
    starts = word_starts(text)
    lower = starts.lower
    spans = _spans_after(text, _label_ends(starts, ("age",)), _AGE_VALUE) if "age" in lower else []
    return redact_spans(text, spans + _old_ages(text, lower), by=str(OLDEST_AGE))


def _old_ages(text: str, lower: str) -> list[tuple[int, int]]:
    """The numbers over 89 written before "year(s) old", "yr old", "y/o" or "yo"."""
    spans = []
    for word in _AGE_WORDS:
        at = lower.find(word)
        while at >= 0:
            start = at - 1 if at and lower[at - 1] in " -" else at
            digits = start
            while digits > 0 and text[digits - 1].isdigit():
                digits -= 1
            if 2 <= start - digits <= 3 and (found := _OLD_AGE.match(text, digits)):
                spans.append(found.span(1))
            at = lower.find(word, at + 1)
    return spans


# 45 CFR 164.514(b)(2)(i)(C): ages over 89 are one category, "90 or older".
OLDEST_AGE = 90


def safe_age(age: int | None) -> int | None:
    """Ages over 89 are published as 90: 45 CFR 164.514(b)(2)(i)(C) aggregates them into one
    category of 90 or older."""
    return None if age is None else min(age, OLDEST_AGE)


def age_text(age: int | None) -> str:
    """A published age as a reader takes it: the capped 90 is the category "90 years or
    older" (45 CFR 164.514(b)(2)(i)(C)), not an age of 90; "" for none."""
    if age is None:
        return ""
    return f"{OLDEST_AGE} years or older" if age >= OLDEST_AGE else f"{age} years"
