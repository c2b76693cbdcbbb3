"""De-identification rules by shape and by label, as pure functions over text: identifiers
that look the same in every letter (e-mail addresses, SSNs, phone numbers, account numbers,
dates of birth, addresses: 45 CFR 164.514(b)(2)(i)), names a text marks as names (after a
role label or a role phrase), and the published age. The known-name rules are in
``openimr.decisions.domain.deidentify``, names with a title in
``openimr.decisions.domain.titled_names``."""

import functools
import re
from collections.abc import Container, Sequence

from openimr.decisions.domain.deidentify import REDACTED, name_key
from openimr.decisions.domain.spelled_addresses import (
    has_spelled_address,
    replace_plain_at_addresses,
    replace_spelled_addresses,
)
from openimr.decisions.domain.web_addresses import has_web_address, replace_web_addresses
from openimr.decisions.domain.word_starts import WordStarts, word_starts

# Identifiers by shape (45 CFR 164.514(b)(2)(i)), most specific first.
# An apostrophe may stand inside the local part, as a name writes it ("jane_o'neil@...").
_EMAIL = re.compile(r"[\w.+-]+(?:'[\w.+-]+)*@[\w-]+(?:\.[\w-]+)+")
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
# A local number of seven digits is one too after such a label ("Pager: 555-0106", "her
# phone is 555-0107"), and so is one typed without its spaces ("phone (559)5550105").
_PHONE_LABELS = ("phone", "telephone", "tel", "fax", "cell", "mobile", "pager")
_PHONE_VALUE = re.compile(
    r"(?:\s*(?:number|no\.?|#))?(?:\s+(?:is|was))?\s*[:#]?\s*"
    r"(\+?1?\d{10}|\(\d{3}\)\s*\d{7}|\d{3}[-.]\d{4})(?![\w-])"
)
# What follows a label of an account number ("Claim Number: 05WC123456", "MRN 00123"): the
# value, which holds a digit. Labels are found by `word_starts` (see `_after_labels`).
_ID_LABELS: tuple[str, ...] = ("claim", "policy", "member", "account", "medical record")
_ID_LABELS += ("mrn", "ssn", "social security", "employee id", "wcab", "adj", "zip")
_ID_LABELS += ("ss#", "patient id", "chart")
# A health plan's member number as its cards print it ("Subscriber ID 12345"): beneficiary
# numbers are (b)(2)(i)(I); "Subscriber ID 12345" was read as a city, Idaho's code and a
# ZIP, and lost its label.
_ID_LABELS += ("subscriber",)
# The same number under the policyholder's label ("Insured ID: 12345"), "ID" required: "the
# insured 2016 claim" holds no identifier.
_ID_LABELS += ("insured id",)
# A clinician's license, NPI and DEA numbers name the reviewer or the physician (LC
# 4610.6(f); certificate and license numbers are (b)(2)(i)(K)).
_ID_LABELS += ("license", "npi", "dea")
# The value may be written after "is" or "was", hold a slash or a dot ("2016/004417"), and
# come in a list ("claim numbers 123456789 and 987654321").
# An SSN masked to its last four digits is one ("***-**-1234", "xxx-xx-1234": the four
# still identify with the rest of the letter), after its label ("SS#", "Social Security").
_COMPACT_ID = r"(?=[A-Z0-9/.*-]*\d)[A-Z0-9*](?:[A-Z0-9*-]|[/.](?=[A-Z0-9])){3,}"
# Or in groups parted by single spaces, as a claim number is read out or typed from a form
# ("12 345 678", "ADJ 123 4567", "05 WC 123456", "05-WC 123 456"): up to three groups of
# digits or capitals (a hyphen inside), then one of three digits at least, which a count
# after a label is not ("claim #2 MRI", "the claim 12 months later" keep theirs); capitals
# only, as the label's letters may start a longer word ("adj" of "adjuster of April 2016").
_SPACED_ID = r"(?-i:(?:[A-Z0-9](?:-?[A-Z0-9]){0,7} ){1,3}\d{3,}(?![\w/-]|\.\d))"
_ONE_ID = rf"(?:{_SPACED_ID}|{_COMPACT_ID})"
_ID_VALUE = re.compile(
    # "Member I.D. 12345", "Member identification number 12345": a form's ways with "ID".
    r"(?:\s*(?:numbers?|nos?\.?|num\.?|#|id|i\.d\.?|identification(?:\s+(?:number|no\.?))?|code))?"
    r"(?:\s+(?:is|was|are|ending(?: in| with)?))?\s*[:#]?\s*"
    rf"({_ONE_ID}(?:(?:\s*,)?\s*(?:,|and|&|or)\s*{_ONE_ID})*)",
    re.IGNORECASE,
)
# A month by its name (the pattern ignores case: "[A-Z][a-z]+" alone read "the 3rd" of
# "the 3rd of March 1970" as a month and left "of March 1970").
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
# A day in words, as a letter may write it: "the third of March, 1970".
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth"
)
_DOB = re.compile(
    r"\b((?:date of birth|birth ?date|birthday|d\.?o\.?b\.?|born(?: on)?)"
    r"(?:\s+(?:is|was|of))?\s*[:,]?\s*)"
    r"(\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{2,4}|\d{4}-\d{2}-\d{2}"
    # Month first, the year may be left out: "March 3rd, 1970", "Mar. 3", "March 3".
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?(?!\d)"
    # Day first, as words write it: "3 March 1970", "the 3rd of March, 1970", "the third
    # of March, 1970".
    rf"|(?:the )?(?:\d{{1,2}}(?:st|nd|rd|th)?|{_DAY_WORDS})(?: of)? {_MONTH},? \d{{4}})",
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
    # The city and state written after it ("..., Bldg 2, Fresno, CA."): a city is a
    # geographic subdivision smaller than a State ((b)(2)(i)(B)); its ZIP code too.
    r"(?:,\s*(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+,?\s+(?:[A-Z]{2}|California)\b(?:\s+\d{5}(?:-\d{4})?)?)?"
)
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.IGNORECASE)
_CITY_STATE_ZIP = re.compile(
    r"\b(?:[A-Z][a-z]+\s){0,3}[A-Z][a-z]+,?\s+(?:[A-Z]{2}|California)\s+\d{5}(?:-\d{4})?\b"
)
_ZIP = re.compile(r"\b(?:CA|California)\s+\d{5}(?:-\d{4})?\b")
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
    return redact_spans(text, spans_after(text, _label_ends(word_starts(text), labels), value))


def _label_ends(starts: WordStarts, labels: Sequence[str]) -> list[int]:
    """Where the value after each label may start: after a label at the start of a word."""
    return [end for _, end in labels_at(starts, labels)]


def labels_at(starts: WordStarts, labels: Sequence[str]) -> list[tuple[int, int]]:
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
    # "ID" is also written "I.D." or whole ("Patient I.D. 12345", "Employee I.D.: 99887",
    # "Patient identification number 12345").
    words = (
        r"i(?:\.?d\b\.?|dentification\b)" if word == "id" else re.escape(word)
        for word in label.split()
    )
    return re.compile(r"\s+".join(words))


def spans_after(text: str, ends: list[int], value: re.Pattern[str]) -> list[tuple[int, int]]:
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
    addresses, P.O. boxes and city-state-ZIP lines, web addresses but a cited source's (45
    CFR 164.514(b)(2)(i)(B), (D)-(H), (N), and (C) for the date of birth); an age over 89
    is written as 90 (`cap_stated_ages`).
    Run before the names, which an e-mail address holds."""
    starts, nines = word_starts(text), text.translate(_NINES)
    lower = starts.lower
    if "@" in text:
        text = _EMAIL.sub(REDACTED, text)
    if has_spelled_address(starts):
        text = replace_spelled_addresses(text)
    text = replace_plain_at_addresses(text)
    # Read in the text as it came: the rules above only take addresses out.
    if has_web_address(lower):
        text = replace_web_addresses(text)
    # The ages are read in the text as it now is: an e-mail address redacted before an age
    # moves it, and the places of the text before would miss it (or read past the end).
    text = cap_stated_ages(text)
    if any(clue in lower for clue in _BIRTH):
        text = _DOB.sub(lambda m: m.group(1) + REDACTED, text)
    if any(group in nines for group in _GROUPED):
        text = _PHONE.sub(REDACTED, _SSN.sub(REDACTED, text))
    if "ADJ" in text:  # before the labels: "adj" of them would leave "ADJ" of the number
        text = _WCAB_NUMBER.sub(REDACTED, text)
    text = _after_labels(text, _ID_LABELS, _ID_VALUE)
    if "+" in text:
        text = _PHONE_INTL.sub(_intl, text)
    # Gated by the labels' places in the text as it came (a look-up each, where a scan of
    # the text for a shape of digits costs a microsecond a letter).
    if any(starts.of(label) for label in _PHONE_LABELS):
        text = _after_labels(text, _PHONE_LABELS, _PHONE_VALUE)
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


def all_known(text: str, span: tuple[int, int], known: Container[str]) -> bool:
    """Whether every word of ``text[span]`` (initials and a possessive aside) is ``known``
    (lower case): such a name is left to the known-name rule, which writes its role word."""
    words = re.findall(r"[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*", text[span[0] : span[1]])
    keys = (name_key(word).removesuffix("'s") for word in words if len(word) > 1)
    return all(key in known for key in keys)


def cap_stated_ages(text: str) -> str:
    """Each age over 89 the text states ("a 93 year old", "Age: 91") written as 90, as the
    age field is (45 CFR 164.514(b)(2)(i)(C): ages over 89 are one category, 90 or
    older), and "ninety" in words ("a ninety-two year old"). Only the number changes."""
    starts = word_starts(text)
    lower = starts.lower
    spans = spans_after(text, _label_ends(starts, ("age",)), _AGE_VALUE) if "age" in lower else []
    text = redact_spans(text, spans + _old_ages(text, lower), by=str(OLDEST_AGE))
    if starts.of("ninety") or starts.of("hundred"):
        text = _OLD_AGE_IN_WORDS.sub(_age_in_words, text)
    return text


# An age over 89 in words ("a ninety-two year old", "one hundred years old"): written
# "ninety", as the number is written 90.
_OLD_AGE_IN_WORDS = re.compile(
    r"\b(ninety[- ](?:one|two|three|four|five|six|seven|eight|nine)|(?:one )?hundred"
    r"(?:[- ](?:and[- ])?[a-z]+(?:-[a-z]+)?)?)(?=[- ](?:years?[- ]old|y/?o)\b)",
    re.IGNORECASE,
)


def _age_in_words(found: re.Match[str]) -> str:
    return "Ninety" if found.group(0)[0].isupper() else "ninety"


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
