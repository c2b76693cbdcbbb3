"""Names a text marks by a role label or a role phrase: "Patient: John Smith", "The adjuster,
Jose Tran of ...", "the adjuster Jose Tran called", "is represented by Rajesh Castellanos",
"the case manager Ana Ruiz". Moved out of ``identifiers`` (the rules by shape), which had
grown past the project's 400 lines.

Why they go: a published decision names no one who treated the worker, handled the claim or
reviewed it (LC 4610.6(f)), and a person's name is the first identifier of HIPAA's Safe
Harbor (45 CFR 164.514(b)(2)(i)(A)). Pure functions over text;
``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Container, Sequence

from openimr.decisions.domain.deidentify import LOWER, UPPER
from openimr.decisions.domain.identifiers import all_known, labels_at, redact_spans, spans_after
from openimr.decisions.domain.word_starts import word_starts

# A name written after a role label in running text: "Patient: John Smith", or set off by a
# comma: "The adjuster, Jose Tran of ..." (two capitalized words at least, so that "the
# physician, MRI ..." keeps its MRI).
ROLE_LABELS = (
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
    # Who saw the injury or is called for the worker: "Witness: Jane Smith", "Emergency
    # contact: Maria Tran (sister)".
    "witness",
    "emergency contact",
    # The company that insures the employer: named no more than the claims administrator.
    "insurer",
    "carrier",
)
# Who else a letter that was never de-identified names by role (an IMR organization's own
# archive): "is represented by Rajesh Castellanos", "the case manager Ana Ruiz". A name
# whose every word the case states is left to the known names, so it reads as its role
# word ("represented by the attorney"); one it states only in part ("Tamika" of a known
# physician, "Hernandez" of no one) goes whole.
ROLE_PHRASES = (
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
    # Who spoke for the worker at a visit: "via interpreter Maria Garcia".
    "interpreter",
    "translator",
)
_NAME_WORD = rf"[{UPPER}](?:[{LOWER}]|'[{UPPER}])[\w'-]*"
# A middle initial may stand between them ("Anne M. Baxter"); a quote may open the name
# ('the adjuster, "Jose Tran,"'), and stays.
# Or initials before one word at least ("The adjuster J. Smith denied", "the case manager,
# J. R. Smith,"), but not "U.S." of a company ("the provider, U.S. Healthworks") nor a
# credential's or a service's initials ("the reviewer, P.T. Notes", "M.D.").
_NOT_INITIALS = r"(?!(?:U\.\s?S|P\.\s?T|O\.\s?T|M\.\s?D|D\.\s?O|R\.\s?N|N\.\s?P|P\.\s?A|D\.\s?C)\.)"
_TWO_TO_FOUR_NAME_WORDS = (
    rf"[\"\u201c']?({_NAME_WORD}(?:\s+(?:[{UPPER}]\.\s*)?{_NAME_WORD}){{1,3}}"
    rf"|{_NOT_INITIALS}(?:[{UPPER}]\.\s*){{1,2}}{_NAME_WORD}(?:\s+(?:[{UPPER}]\.\s*)?{_NAME_WORD}){{0,2}})"
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


def replace_labelled_names(text: str) -> str:
    """Names the case may not state but the text marks as names: after a role label
    ("Patient: ...", "The adjuster, Jose Tran of ...", "the adjuster Jose Tran called").
    Run before the known names, so a known given name does not leave an unknown surname
    beside its role word."""
    ends, lowercase = _role_ends(text)
    if not ends:
        return text
    spans = spans_after(text, ends, _LABELLED_VALUE) if ":" in text else []
    spans += spans_after(text, ends, _APPOSED_VALUE)
    spans += spans_after(text, lowercase, _ADJACENT_VALUE)
    return redact_spans(text, [_name_span(text, span) for span in spans])


def replace_role_phrase_names(text: str, known: Container[str] = ()) -> str:
    """Names after the role phrases of ``ROLE_PHRASES``, as ``replace_labelled_names``
    reads them after its labels, but for a name whose every word is ``known`` (the case's
    name words, lower case), which the known-name rule then replaces. Run before it."""
    ends, lowercase = _role_ends(text, ROLE_PHRASES)
    if not ends:
        return text
    spans = spans_after(text, ends, _LABELLED_VALUE) if ":" in text else []
    spans += spans_after(text, ends, _APPOSED_VALUE)
    spans += spans_after(text, lowercase, _ADJACENT_VALUE)
    spans = [_name_span(text, span) for span in spans]
    return redact_spans(text, [span for span in spans if not all_known(text, span, known)])


# A company's legal suffix after its name, read as its part: "The employer, Acme Trucking,
# Inc., denied" and "Acme Trucking Inc., denied" read "The employer, [redacted], denied", not
# "[redacted], Inc.," nor "[redacted].,". The suffix's period goes only inside a sentence
# (before a comma, a semicolon, a parenthesis or a word in lower case): else it ends it too.
_LEGAL_SUFFIX = re.compile(r"(,?\s+(?:Inc|LLC|Corp|Co|Ltd|LLP|LP)\b)?(?:\.(?=[,;)]|\s+[a-z]))?")
_SUFFIX_WORDS = ("Inc", "LLC", "Corp", "Co", "Ltd", "LLP", "LP")


def _name_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span of a name after a label: without a possessive, with a legal suffix."""
    start, end = _without_possessive(text, span)
    suffix = _LEGAL_SUFFIX.match(text, end) if end == span[1] else None
    if suffix and (suffix.group(1) or text.endswith(_SUFFIX_WORDS, start, end)):
        return start, suffix.end()
    return start, end


def _without_possessive(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the possessive its last word holds ("The adjuster Jose Smith's
    letter" keeps "'s letter"), as a name word's letters run on through an apostrophe."""
    start, end = span
    return (start, end - 2) if text.endswith(("'s", "\u2019s"), start, end) else span


def _role_ends(text: str, labels: Sequence[str] = ROLE_LABELS) -> tuple[list[int], list[int]]:
    """Where a name may start after each role label, and the same for the labels written
    in lower case, as running text writes a role ("Physician Fee Schedule" is a title)."""
    found = labels_at(word_starts(text), labels)
    return [end for _, end in found], [end for start, end in found if text[start].islower()]
