"""Names a text marks without a label or a title the other rules read: after a role and a
verb ("her case manager is Dana Whitfield", "the adjuster, who is Maria Lopez, ..."), and
after a capitalized role word starting a sentence ("Applicant Jose Tran reported"). Names
after "seen by", "Per", "the office of" and the like are ``names_after_verbs``', names
before a credential or after a professional title `credentialed_names`', the names of the
people around the worker and of a letter's recipients `people_around`'s; all read a name
with the word functions of `name_reading`.

Why they go: a published decision names no one who treated the worker, handled the claim or
reviewed it (LC 4610.6(f) for the reviewer; Civil Code 56.10 for the worker's medical
information), and the names of the people around the worker are identifiers under HIPAA's
Safe Harbor (45 CFR 164.514(b)(2)(i)(A)), which also asks that nothing left is known to
identify the worker ((b)(2)(ii)).

What keeps ordinary text as it is: a name word is written as one (a capital, then a lower-case
letter: "MTUS" is none), a word of a letter's ordinary vocabulary (a specialty, a guideline,
a record's kind, a clinical or descriptive word: ``name_reading.NOT_A_NAME``) ends the
name, and each rule starts only at its marker (a role word, a title), found by str.find.
Pure functions over text; ``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Callable, Container, Iterator

from openimr.decisions.domain.deidentify import sentence_starts_at
from openimr.decisions.domain.far_roles import far_role_name
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import (
    is_ordinary,
    leading_name,
    name_words,
)
from openimr.decisions.domain.role_names import INITIAL, NAME_WORD
from openimr.decisions.domain.word_starts import word_starts

TITLE = r"(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof)\b"
# Roles a name may follow with a verb between; the worker's roles (patient, applicant, ...)
# only with two name words at least, as "The patient is Hispanic" describes the worker.
VERB_ROLES = """
    physician doctor surgeon provider therapist chiropractor practitioner nurse adjuster
    adjustor examiner attorney counsel lawyer manager representative paralegal reviewer ptp
    qme ame evaluator specialist consultant psychologist psychiatrist employer administrator
    insurer carrier
"""
_VERB_ROLE_SET = frozenset(VERB_ROLES.split())
WORKER_ROLES = "patient|applicant|claimant|employee|worker"
# A party's role written in capitals after another role names no one: "the attorney
# APPLICANT'S ATTORNEY objected" (``capitals_after_roles``, ``credentialed_names``).
PARTY_ROLES = frozenset(VERB_ROLES.split()) | frozenset(WORKER_ROLES.split("|"))
# The role, and what may stand between it and the verb ("the adjuster, who is", "the case
# manager has been", "a case manager named"), read back from the verb.
_ROLE_BEFORE_VERB = re.compile(
    rf"(?i:\b(?:({'|'.join(VERB_ROLES.split())})|({WORKER_ROLES})))"
    # A phrase set off by commas may stand between: "the adjuster, according to the file,
    # is Maria Lopez".
    r"(?:\s*,\s+[a-z][^,.;:\n]{0,38},)?(?:\s*,?\s+who)?(?:\s+(?:has|had|is|was))?\s+$"
)
_VERBS = ("is", "was", "been", "named", "called")
_AFTER_VERB = re.compile(
    rf"(?!{TITLE})((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})"
)


def replace_role_verb_names(text: str, known: Container[str] = ()) -> str:
    """A name written after a role and a verb: "her case manager is Dana Whitfield", "the
    adjuster, who is Maria Lopez, ...", "the PTP was Hana Sato", "a case manager named ..."
    → ``[redacted]`` (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). The name ends at an
    ordinary word ("is Board Certified" names no one); a title after the verb is left to the
    titled-name rule, a name whose every word is ``known`` (the case's name words, lower
    case) to the known-name rule, which writes its role word: run before both."""
    spans = []
    for verb, start in _verbs_before_capitals(text):
        role = _ROLE_BEFORE_VERB.search(text, max(0, verb - 60), verb)
        if role is None:  # "The adjuster assigned in March ... is Maria Lopez."
            spans += far_role_name(text, verb, start, _VERB_ROLE_SET, known)
            continue
        found = _AFTER_VERB.match(text, start)
        span = found and leading_name(text, *found.span(1))
        least = 1 if role.group(1) else 2
        if span and len(name_words(text, *span)) >= least and not all_known(text, span, known):
            spans.append(span)
    return redact_spans(text, spans)


def _verbs_before_capitals(text: str) -> Iterator[tuple[int, int]]:
    """(where the verb starts, where the capital after it is) of each verb of ``_VERBS``
    after white space and before white space and a capital: a few scans by str.find, as a
    verb followed by a capital is rare in a letter (a pattern would try every position)."""
    for space in " \n" if "\n" in text else " ":
        for verb in _VERBS:
            needle = space + verb
            at = text.find(needle)
            while at >= 0:
                end = at + len(needle)
                start = end
                while text[start : start + 1].isspace():
                    start += 1
                if start > end and text[start : start + 1].isupper():
                    yield at + 1, start
                at = text.find(needle, end)


# Roles that start a sentence written with a capital, as a form or a note heads a line with
# them: "Applicant Jose Tran reported", "Adjuster Maria Lopez denied it"; the roles the
# automaton of ``word_starts`` finds already (as labels and role phrases), as each word it
# adds costs every letter a match a word starting so. "Doctor" is a title, read by the
# titled-name rule.
_NOT_IN_AUTOMATON = frozenset(("doctor", "worker", "manager", "representative", "lawyer", "ame"))
_NOT_IN_AUTOMATON |= frozenset(("administrator", "insurer", "carrier"))
# And the people around the worker a form heads a line with: "Supervisor Jane Smith stated".
_COMPANION_ROLES = ("supervisor", "coworker", "witness", "interpreter")
SENTENCE_ROLES = tuple(
    sorted(
        {*WORKER_ROLES.split("|"), *VERB_ROLES.split(), "insured", *_COMPANION_ROLES}
        - _NOT_IN_AUTOMATON
    )
)
_ROLE_WORDS = frozenset(SENTENCE_ROLES)
_AFTER_ROLE = re.compile(rf" ((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})")


def replace_names_after_sentence_roles(text: str, known: Container[str] = ()) -> str:
    """A name after a role word that starts a sentence with its capital: "Applicant Jose
    Tran reported ..." → "Applicant [redacted] reported ..." (LC 4610.6(f); 45 CFR
    164.514(b)(2)(i)(A)). Two name words at least, and the capitalized words after the role
    all of the name: "Physician Fee Schedule", "Employee Assistance Program" and "Patient
    Health Questionnaire" run on with an ordinary word, and are titles. A further role word
    is skipped ("Applicant Attorney Jose Tran"); a name whose every word is ``known`` is left
    to the known-name rule: run before it."""
    spans = []
    of = word_starts(text).of
    # One comprehension over the roles' places keeps the cost of a letter with no such role
    # (nearly all) at a look-up a role.
    capitals = [(at, role) for role in SENTENCE_ROLES for at in of(role) if text[at].isupper()]
    for at, role in capitals:
        found = _AFTER_ROLE.match(text, at + len(role))
        if not found or not sentence_starts_at(text, at):
            continue
        words = name_words(text, *found.span(1))
        while words and words[0][2].lower() in _ROLE_WORDS:
            words.pop(0)
        if len(words) < 2 or any(is_ordinary(word) for _, _, word in words):
            continue
        span = leading_name(text, words[0][0], found.end(1))
        if span and not all_known(text, span, known):
            spans.append(span)
    return redact_spans(text, spans + _worker_initials(text, of))


# The worker's initials after the worker's role, as a note writes them to spare the name:
# "Patient J.S. reported", "the claimant J. R. S." (45 CFR 164.514(b)(2)(i)(A): initials are
# a name's part). Abbreviations written so stay: "patient U.S. citizen", "patient P.T. notes".
_INITIALS = re.compile(r" ((?:[A-Z]\. ?){1,2}[A-Z]\.)(?!\w)")
_NOT_INITIALS = frozenset(("U.S.", "P.T.", "O.T.", "M.D.", "D.O.", "D.C.", "R.N.", "N.P."))
_NOT_INITIALS |= frozenset(("P.A.", "A.M.", "P.M.", "E.R.", "I.V.", "Q.M.E.", "U.K."))
# A label a form writes after the patient: "Patient I.D. 12345", "Patient D.O.B.: ...".
_NOT_INITIALS |= frozenset(("I.D.", "D.O.B.", "A.K.A.", "S.S.N.", "N.P.I."))


def _worker_initials(text: str, of: Callable[[str], list[int]]) -> list[tuple[int, int]]:
    spans = []
    for role in ("patient", "applicant", "claimant", "employee"):
        for at in of(role):
            found = _INITIALS.match(text, at + len(role))
            # A case's own initials ("G.H." for Guadalupe Hernandez) go too: initials hold
            # no word the known-name rule could read as the party's.
            if found and found.group(1).replace(" ", "") not in _NOT_INITIALS:
                spans.append(found.span(1))
    return spans
