"""De-identifying an ``openimr.case/1`` document for the public corpus.

The pure rules are in ``openimr.decisions.domain.deidentify`` (patterns, and every way a
letter writes a known name); this module adds what they cannot do without a library: names
misspelled in the free text, found with rapidfuzz against the names the case states, and
the walk over the document that decides what each field becomes.

Sources: LC 4610.6(f) (the reviewer's identity is confidential; the case document has no
field for it, and the UR reviewer's name goes too); Civil Code 56.10 (the employee's medical
information may not be disclosed with their identity); HIPAA Safe Harbor, 45 CFR
164.514(b)(2)(i) (the identifiers removed: names, addresses, telephone numbers, e-mail
addresses, SSNs, claim and account numbers, dates of birth, ages over 89).
"""

import marshal
import re
from collections.abc import Iterable
from typing import Any

import ahocorasick
from rapidfuzz.distance import OSA

from openimr.decisions.domain import (
    clinic_names,
    identifiers,
    known_shapes,
    labelled_names,
    names_after_verbs,
    people_around,
    role_names,
    sentence_subjects,
    spelled_addresses,
    titled_names,
    unlabelled_names,
)
from openimr.decisions.domain.capitals_after_roles import replace_capitals_after_roles
from openimr.decisions.domain.clinic_names import replace_names_in_clinics
from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import (
    KnownName,
    NameIndex,
    fold,
    looks_like_organization,
    name_index,
    name_tokens,
    replace_known_names,
)
from openimr.decisions.domain.identifiers import replace_identifiers, safe_age
from openimr.decisions.domain.known_shapes import replace_nicknames, replace_organization_heads
from openimr.decisions.domain.labelled_names import (
    replace_labelled_names,
    replace_role_phrase_names,
)
from openimr.decisions.domain.names_after_verbs import replace_names_after_by
from openimr.decisions.domain.people_around import replace_people_around_names
from openimr.decisions.domain.record_owners import replace_record_owners
from openimr.decisions.domain.role_names import (
    replace_author_after_title,
    replace_claims_companies,
    replace_parenthesized_names,
)
from openimr.decisions.domain.sentence_subjects import replace_sentence_subjects
from openimr.decisions.domain.titled_names import replace_titled_names
from openimr.decisions.domain.unlabelled_names import (
    replace_names_after_sentence_roles,
    replace_role_verb_names,
)
from openimr.decisions.domain.word_starts import WordStarts

# The parties an openimr.case/1 document names, with the role word's key. The organization
# (the IMRO itself) and the manufacturer are not people and stay.
PERSON_PARTIES = ("employee", "attorney", "requesting_physician", "ur_reviewer")
ORGANIZATION_PARTIES = (
    "employer",
    "claims_administrator",
    "medical_group",
    "facility",
    "ur_organization",
)
_CAPITALIZED = re.compile(r"\b[A-Z][A-Za-z'\-]{4,}\b")
# Fuzzy matching starts at five letters: shorter names are too close to ordinary words.
FUZZY_MIN_LENGTH = 5


# The words the rules look for at the start of a word (a label of several words by its first):
# one pass of an Aho-Corasick automaton over a text finds them all, where a str.find scan
# a word cost a microsecond each (docs/benchmarks.md); a few phrases are looked for whole
# (``names_after_verbs.PHRASES``: "per "). A word left out is still found, by
# str.find (``WordStarts.of``): this list decides the cost, never what is found.
_LABELS = (
    *labelled_names.ROLE_LABELS,
    *labelled_names.ROLE_PHRASES,
    *identifiers._ID_LABELS,
    *identifiers._PHONE_LABELS,
    "age",
    "ninety",
    "hundred",
    *role_names._ANCHORS,
    *people_around.RECIPIENT_LABELS,
    *titled_names.TITLE_WORDS,
    *clinic_names.VERB_WORDS,
    *names_after_verbs.TALK_VERBS,
    *unlabelled_names.SENTENCE_ROLES,
    *spelled_addresses.CLUES,
    *known_shapes.NICKNAME_CUES,
    *sentence_subjects.SUBJECT_ACTS,
)
_WORDS = tuple(sorted({label.split()[0] for label in _LABELS} | set(names_after_verbs.PHRASES)))
_AUTOMATON = ahocorasick.Automaton()
for _word in _WORDS:
    _AUTOMATON.add_word(_word, _word)
_AUTOMATON.make_automaton()


def _word_places(lower: str) -> dict[str, list[int]]:
    """Where each word of the automaton that ``lower`` holds starts a word of it, in
    ascending order (a word it does not hold is left out: a list for each of the 120 words
    cost 4 µs a letter)."""
    found: dict[str, list[int]] = {}
    for end, word in _AUTOMATON.iter(lower):
        at = end - len(word) + 1
        if at == 0 or not lower[at - 1].isalnum():
            places = found.get(word)
            if places is None:
                found[word] = [at]
            else:
                places.append(at)
    return found


WordStarts.scanner = _word_places
WordStarts.scanned = frozenset(_WORDS)


def known_names(doc: dict[str, Any]) -> list[KnownName]:
    """Every name the case states: its parties (people and organizations) and the authors
    of the documents reviewed (physicians, as a rule)."""
    names = [
        KnownName(name, party, person=True)
        for party in PERSON_PARTIES
        if (name := (doc.get(party) or {}).get("name"))
    ]
    names += [
        KnownName(name, party, person=False)
        for party in ORGANIZATION_PARTIES
        if (name := (doc.get(party) or {}).get("name"))
    ]
    names += [
        KnownName(author, "physician", person=not looks_like_organization(author))
        for document in doc.get("documents") or ()
        if (author := document.get("author"))
    ]
    return names


def misspelled_names(texts: Iterable[str], names: list[KnownName]) -> list[KnownName]:
    """Words of the texts within one or two edits of a person's name word or a part of a
    hyphenated one (same first letter, five letters or more; two edits from eight letters;
    two letters swapped count as one edit), each as a known name of that person's party:
    "Smtih" for "Smith", "Gonzales" for "Gonzalez", "Hernadnez" for "Hernandez-Whitfield"."""
    targets = [
        (part, known.role)
        for known in names
        if known.person
        for token in name_tokens(known.name)
        for part in dict.fromkeys([fold(token).lower(), *fold(token).lower().split("-")])
        if len(part) >= FUZZY_MIN_LENGTH
    ]
    if not targets:
        return []
    # A possessive is no part of the word: "Okonkow's" is "Okonkow".
    # A typographic apostrophe is read as a straight one: "O’Donnel" is "O'Donnel".
    words = {
        w.removesuffix("'s")
        for text in texts
        for w in _CAPITALIZED.findall(text.replace("\u2019", "'") if "\u2019" in text else text)
    }
    found: dict[str, str] = {}
    for word in words:
        lower = fold(word).lower()
        for target, role in targets:
            limit = 2 if len(target) >= 8 else 1
            close = lower[0] == target[0] and lower != target
            if close and OSA.distance(lower, target, score_cutoff=limit) <= limit:
                found.setdefault(word, role)
    return [KnownName(word, role) for word, role in found.items()]


def scrub(text: str | None, names: NameIndex) -> str | None:
    """A free text without its identifiers, the names it marks (by a label, a role phrase,
    a role and a verb, a role starting a sentence, "seen by", "Per", "the office of" and the
    like, a clinic's name, a relative's or a co-worker's role, a letter's "cc:" or signature,
    a title, a credential) and the case's names, which read as their role words."""
    if not text:
        return text
    text = replace_labelled_names(replace_identifiers(text))
    # Names a text marks, but those whose every word the case states: these the known-name
    # rule replaces with the party's role word.
    for rule in _MARKED_NAMES:
        text = rule(text, names.words)
    text = replace_organization_heads(replace_known_names(text, names), names)
    # Last: a name in parentheses follows the role words the rules above write.
    return replace_claims_companies(replace_parenthesized_names(text))


_MARKED_NAMES = (
    replace_nicknames,
    replace_role_phrase_names,
    replace_role_verb_names,
    replace_names_after_sentence_roles,
    replace_names_after_by,
    replace_names_in_clinics,
    replace_people_around_names,
    replace_titled_names,
    replace_credentialed_names,
    replace_capitals_after_roles,
    replace_record_owners,
    replace_sentence_subjects,
)


def deidentify_document(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as the public corpus may show it: every party's name gone (null), the
    documents' authors gone, names and identifiers removed from every free text, ages over
    89 published as 90. The input is not changed."""
    # A copy of JSON-like data: marshal is a tenth of deepcopy's cost here.
    out = marshal.loads(marshal.dumps(doc))
    _deidentified(out, known_names(doc))
    return out


def deidentified_in_place(doc: dict[str, Any]) -> bool:
    """``deidentify_document``'s work done on ``doc`` itself, for a document no one else
    holds (a reader's own parse), and whether it changed anything: what
    ``deidentify_document(doc) != doc`` answers, without the copy and the comparison (0.035
    and 0.008 ms of a letter's 0.25, docs/benchmarks.md)."""
    return _deidentified(doc, known_names(doc))


_MISSING = object()


def _deidentified(out: dict[str, Any], names: list[KnownName]) -> bool:
    """``deidentify_document``'s work done on ``out`` itself, given the names the document
    stated before (``known_names``, taken before ``out`` loses them); whether ``out`` is no
    longer equal to what it was (a key added counts, as it does for ``!=``)."""
    changed = False
    for party in (*PERSON_PARTIES, *ORGANIZATION_PARTIES):
        if isinstance(out.get(party), dict):
            changed |= out[party].get("name", _MISSING) is not None
            out[party]["name"] = None
    employee = out.get("employee")
    if isinstance(employee, dict):
        age = employee.get("age", _MISSING)
        employee["age"] = safe_age(None if age is _MISSING else age)
        changed |= age is _MISSING or employee["age"] != age
    for document in out.get("documents") or ():
        changed |= document.get("author", _MISSING) is not None
        document["author"] = None
    slots = _text_slots(out)
    texts = [str(holder[key]).replace(_SEPARATOR, " ") for holder, key in slots]
    index = name_index(names + misspelled_names(texts, names))
    # One pass over all the texts joined: the patterns' fixed cost is paid once, not per
    # field. No pattern matches across the separator (a control character).
    scrubbed = scrub(_SEPARATOR.join(texts), index) or ""
    for (holder, key), text in zip(slots, scrubbed.split(_SEPARATOR), strict=True):
        new = replace_author_after_title(text) if key == "title" else text
        changed |= new != holder[key]
        holder[key] = new
    return changed


_SEPARATOR = "\x00"


def _text_slots(doc: dict[str, Any]) -> list[tuple[Any, Any]]:
    """(container, key) of every non-empty free text of the document."""
    slots: list[tuple[Any, Any]] = [(doc, "clinical_summary")]
    diagnoses = doc.get("diagnoses") or []
    slots += [(diagnoses, n) for n in range(len(diagnoses))]
    slots += [(d, "title") for d in doc.get("documents") or ()]
    for item in doc.get("items") or ():
        slots += [(item, k) for k in ("treatment", "rationale", "why_not_mtus")]
        for key in ("claims_administrator_basis", "reviewer_basis"):
            slots += [(c, "citation") for c in item.get(key) or ()]
    return [(holder, key) for holder, key in slots if _present(holder, key)]


def _present(holder: Any, key: Any) -> bool:
    if isinstance(holder, dict):
        return bool(holder.get(key))
    return bool(holder[key])
