"""Names a reader of a letter recognises by where they stand, without knowing them: a
person's name in parentheses right after a role word ("the physician (Luis Delgado)",
"progress report (DeShawn Delgado)"), and the company a claims role works for ("The
adjuster, ... of Meridian Workers Comp Solutions", "employed by Orchard Lane Grocers").

Why the companies go too: the State's published letters name neither the employer nor the
claims administrator (they write "the Claims Administrator"; none of the 182 letters of
2016-2017 prints either's name), and with the employee's age, sex and date of injury the
employer narrows down who the worker is (Civil Code 56.10; 45 CFR 164.514(b)(2)(ii): no
actual knowledge that what is left identifies the individual). Pure functions over text,
run after the other name rules (``openimr.decisions.domain.identifiers``)."""

import re

from openimr.decisions.domain.deidentify import LOWER, UPPER
from openimr.decisions.domain.identifiers import redact_spans
from openimr.decisions.domain.word_starts import word_starts

# A word written as a name: a capital, then a lower-case letter ("DeShawn", "O'Brien",
# "McAllister", "Łukasz"); an acronym ("MTUS", "ODG", "DWC") is not one.
NAME_WORD = rf"[{UPPER}](?:[{LOWER}]|'[{UPPER}])[\w'\u2019-]*"
INITIAL = rf"[{UPPER}]\.\s*"
_DEGREE = r"(?:,?\s+(?:M\.?D|D\.?O|D\.?C|Ph\.?D|PA-C|N\.?P|R\.?N|Psy\.?D|DPM|Esq)\.?)?"
# One to four name words (initials may stand before each), a degree after them; one word
# alone is a name only after a professional's role (`_ordinary`).
_PERSON = re.compile(
    rf"\(\s*((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}}{_DEGREE})\s*\)"
)
# Words after which a name in parentheses is that person's name: people by their role (one
# word is a name after a professional's: "the claims adjuster (Hernandez)"), the records a
# person wrote, and a name already redacted ("[redacted] (Maria Tran)").
_PROFESSIONAL_WORDS = """
    physician doctor surgeon provider clinician therapist chiropractor psychologist
    psychiatrist practitioner specialist consultant evaluator examiner reviewer nurse
    adjuster adjustor attorney counsel manager representative paralegal ptp qme ame
"""
_PROFESSIONALS = frozenset(_PROFESSIONAL_WORDS.split())
_OTHER_ROLE_WORDS = """
    worker employee applicant claimant patient report note notes evaluation reevaluation
    re-evaluation consultation letter records examination exam assessment correspondence
    [redacted]
"""
_ROLE_BEFORE = _PROFESSIONALS | frozenset(_OTHER_ROLE_WORDS.split())
# Words that make a parenthesis ordinary text, not a name: a specialty ("the physician
# (Orthopedic Surgery)"), a guideline's edition ("(Online Version)"), a document's kind.
_ORDINARY_WORDS = """
    orthopedic orthopedics orthopaedic surgery surgeon surgical pain management medicine
    physical rehabilitation internal family practice general primary treating secondary
    requesting consulting chiropractic psychology psychiatry psychiatric neurology
    neurological neurosurgery neurosurgeon podiatry acupuncture therapy occupational
    sports anesthesiology anesthesia radiology emergency occupational spine hand plastic
    vascular cardiology rheumatology dermatology ophthalmology otolaryngology urology
    gastroenterology pulmonology oncology osteopathic dental dentistry nursing health
    behavioral mental qualified agreed medical evaluator evaluation examiner panel
    independent utilization review determination online version edition update guidelines
    guideline imaging magnetic resonance form report request authorization progress note
    initial final supplemental comprehensive office visit follow exam consultation
    nurse practitioner assistant doctor physician chapter section appendix table page
    part criteria protocol program test scale index score questionnaire orthopedist
    neurologist physiatrist psychologist chiropractor podiatrist anesthesiologist
    acupuncturist internist rheumatologist radiologist therapist pharmacist dentist
    cardiologist dermatologist urologist oncologist ophthalmologist hospitalist retired
    deceased interpreter spanish english unknown unnamed none same
"""
ORDINARY = frozenset(_ORDINARY_WORDS.split())
# The company a claims role works for, named after "of", "with", "from" or "at": capitalized
# words, with "&", "and", "of" or "the" between them, and a legal suffix.
_COMPANY_WORD = r"[A-Z][A-Za-z0-9&'\u2019-]*(?:\.[A-Za-z0-9]+)*"
_COMPANY = (
    rf"{_COMPANY_WORD}(?:(?:\s+(?:&|and|of|the))?\s+{_COMPANY_WORD}){{0,6}}"
    r"(?:,?\s+(?:Inc|LLC|L\.L\.C|Corp|Co|Ltd|LP|LLP)\b\.?)?"
)
# A role's head word: "claims examiner", "nurse case manager" match from "examiner",
# "manager" (what stands before them does not change what follows).
_CLAIMS_ROLES = (
    r"adjust[eo]rs?|examiners?|managers?|representatives?|attorneys?|counsel|paralegals?"
)
# The person of the role may stand between it and the company: "The adjuster, Jose Tran of
# ...", "the adjuster [redacted] with ...".
_WHO = rf"(?:,?\s+(?:\[redacted\]|{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}))?,?"
# A month and a day or year is a date, not a company: "the Attorney Letter of May 2".
_NOT_A_DATE = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?,?\s+\d)"
)
# Matched where a role's first word starts (found by `word_starts`: `_anchors`); the role in any
# case ("The Adjuster"), the company capitalized.
_ROLE_COMPANY = re.compile(
    rf"(?i:{_CLAIMS_ROLES}){_WHO}\s+(?i:of|with|from|at)\s+(?!(?i:the)\b){_NOT_A_DATE}"
    rf"({_COMPANY})"
)
# Or the company is named as the one a person works for or at ("works as a cashier for
# ...", "worked at ..."), or whose claim is handled.
_EMPLOYED = (
    r"employed\s+(?:by|at|with)|(?:works|worked|working)(?:\s+as\s+an?(?:\s+[a-z-]+){1,2})?"
    r"\s+(?:for|at)"
)
# Or in small letters, as a note types it ("works at acme warehouse", "employed by sunrise
# farms inc"): one to four words, of which those up to a business's word are the name when
# none of them describes a workplace without naming it ("works at a warehouse", "works at
# the local market", "works at grocery store", "working at least 24 hours"). One pattern
# with the company's: tried at every "work" of a letter, a second cost a microsecond.
_WORKS_FOR = re.compile(
    rf"(?i:{_EMPLOYED}|"
    r"insured\s+by|"
    r"(?:handles|handled|handling|adjusts|adjusted|administers|administered|manages|managed)"
    rf"\s+(?:the\s+|this\s+|his\s+|her\s+|their\s+)?claims?\s+(?:for|of))\s+{_NOT_A_DATE}"
    rf"(?:({_COMPANY})|((?:[a-z][a-z0-9&'\u2019-]*\s+){{0,3}}[a-z]+)\b\.?(?![\w-]))"
)
_BUSINESS_HEAD_WORDS = """
    warehouse warehouses store stores market markets mart farm farms ranch ranches foods
    grocers grocery trucking logistics transport freight company co corp inc llc ltd
    restaurant restaurants cafe diner bakery dairy nursery winery vineyards packing
    packers plant factory mill depot shop salon hotel motel casino industries enterprises
    manufacturing construction builders contractors services acres orchards growers
"""
BUSINESS_HEADS = frozenset(_BUSINESS_HEAD_WORDS.split())
_WORKPLACE_WORD_LIST = """
    a an the his her their its my our your this that these those some any one another other
    same different local nearby small large big new old family home night least full part
    modified light regular usual heavy fast food retail grocery department convenience
    hardware auto car coffee construction packing shipping storage distribution processing
    school hospital clinic office county city state federal government public private
    medical dental vet veterinary
"""
_WORKPLACE_WORDS = frozenset(_WORKPLACE_WORD_LIST.split())
# Chains of two words a note types in small letters that the lists above read as a workplace
# described ("works at home depot": "home" describes) or that end with no business's word
# ("works at taco bell"): named, so they go.
_CHAIN_LIST = """
    home|depot office|depot family|dollar dollar|tree dollar|general whole|foods
    grocery|outlet save|mart food|maxx taco|bell burger|king best|buy rite|aid pizza|hut
    panda|express del|taco little|caesars
"""
_CHAINS = frozenset(tuple(chain.split("|")) for chain in _CHAIN_LIST.split())
# Descriptions of a workplace after "the" that name none ("works at the main warehouse").
_THE_WORKPLACE_WORDS = frozenset(("main", "corner", "same", "central", "neighborhood", "busy"))
_WORD_RUN = re.compile(r"\S+")

# The first words of the roles and verbs above, as they start in lower case.
_ANCHORS: tuple[str, ...] = (
    "adjust",
    "examiner",
    "manage",
    "represent",
    "attorney",
    "counsel",
    "paralegal",
)
_ANCHORS += ("employed", "work", "insured", "handl", "administer")


def replace_parenthesized_names(text: str) -> str:
    """A person's name in parentheses right after a role word, a record's kind or a name
    already redacted: "The physician (Luis Delgado)", "progress report (DeShawn Delgado,
    MD)". Two to four words written as names, none of them an ordinary word of a letter
    ("(Orthopedic Surgery)", "(Online Version)"); an acronym ("(MTUS)") is no name, nor is
    one word ("(Norco)") except after a professional's role ("the claims adjuster
    (Hernandez)", "the PTP (Nakamura)"; a specialist's title such as "(Orthopedist)" is an
    ordinary word); an initial and a word ("(K. Lindqvist)") is one (LC 4610.6(f); 45 CFR
    164.514(b)(2)(i)(A))."""
    spans = []
    at = text.find("(")
    while at >= 0:
        if text[at + 1 : at + 2].isupper() or text[at + 1 : at + 2] == " ":
            found = _PERSON.match(text, at)
            if found and _named_after_role(text, at, found.group(1)):
                spans.append(found.span(1))
        at = text.find("(", at + 1)
    return redact_spans(text, spans)


def replace_author_after_title(title: str) -> str:
    """A document's title that ends with a person's name in parentheses, as a list of the
    records reviewed writes "Title (Author)": "Request for Authorization (DWC Form RFA)
    (DeShawn Tran)". The name goes whatever word stands before it; only a title's last
    parenthesis is read so."""
    found = _PERSON.search(title)
    while found and title[found.end() :].strip():
        found = _PERSON.search(title, found.end())
    if found is None or _ordinary(found.group(1)):
        return title
    return redact_spans(title, [found.span(1)])


def _named_after_role(text: str, at: int, words: str) -> bool:
    """Whether ``words``, in parentheses at ``at``, name the person of the role before."""
    role = _role_before(text, at)
    return role in _ROLE_BEFORE and not _ordinary(words, one_is_a_name=role in _PROFESSIONALS)


def _role_before(text: str, at: int) -> str:
    """The word before ``at`` (spaces between), lower case, without a possessive."""
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\x00":
        start -= 1
    word = text[start:end].lower().rstrip(",")
    return word if word in _ROLE_BEFORE else word.removesuffix("'s").removesuffix("\u2019s")


def _ordinary(words: str, one_is_a_name: bool = False) -> bool:
    """Any word an ordinary text of a letter holds, or one word alone ("(Norco)") unless
    ``one_is_a_name`` (after a professional's role)."""
    split = words.split()
    return (len(split) < 2 and not one_is_a_name) or any(
        w.lower().strip(".,") in ORDINARY for w in split
    )


def replace_claims_companies(text: str) -> str:
    """The company named after a claims role ("The adjuster, [redacted] of Meridian Workers
    Comp Solutions", "the attorney with Castellanos & Tran LLP") or as the one a person
    works for ("employed by Orchard Lane Grocers", "handles the claim for ...", "works at
    acme warehouse": 45 CFR 164.514(b)(2)(i) removes the individual's employers' names)."""
    spans = []
    for at in _anchors(text):
        found = _ROLE_COMPANY.match(text, at) or _WORKS_FOR.match(text, at)
        span = found and (found.span(1) if found.group(1) else _lower_employer(text, found))
        if span:
            spans.append(span)
    return redact_spans(text, spans)


def _lower_employer(text: str, found: re.Match[str]) -> tuple[int, int] | None:
    """The employer written in small letters after "works at" (or "employed by"), the
    words ``found`` read (its group 2), "the" before them left: a chain's two words ("home
    depot"), or the words up to a business's word, none of them a word of a workplace
    described ("the acme warehouse" goes, "the local market" stays)."""
    words = [(m.group(0), m.start(), m.end()) for m in _WORD_RUN.finditer(text, *found.span(2))]
    if words and words[0][0] == "the":  # "works at the acme warehouse": "the" names one
        words = words[1:]
    if len(words) > 1 and (words[0][0], words[1][0]) in _CHAINS:
        return words[0][1], words[1][2]
    for size in range(len(words), 1, -1):
        if words[size - 1][0] in BUSINESS_HEADS:
            if any(
                w in _WORKPLACE_WORDS or w in _THE_WORKPLACE_WORDS for w, _, _ in words[: size - 1]
            ):
                return None
            return words[0][1], words[size - 1][2]
    return None


def _anchors(text: str) -> list[int]:
    """Where each anchor word starts a word (``word_starts``: found with the rules' other
    words in one pass, where a regular expression tried at every position costs more)."""
    starts = word_starts(text)
    return sorted({at for anchor in _ANCHORS for at in starts.of(anchor)})
