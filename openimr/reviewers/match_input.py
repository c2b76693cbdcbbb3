"""What matching reads from an openimr.case/1 document: the parties and the items."""

from typing import Any

from openimr.core.case import Category
from openimr.core.errors import InvalidInput, Problem
from openimr.reviewers.domain.matching import MatchCase, MatchItem
from openimr.reviewers.domain.panel import (
    CaseParties,
    PartyRole,
)
from openimr.reviewers.domain.specialties import icd10_category
from openimr.reviewers.panel_format import Fields

# The parts of an openimr.case/1 document matching reads, besides its usual parties.


def _party_name(doc: dict[str, Any], key: str, problems: list[Problem]) -> str:
    party = doc.get(key)
    return "" if party is None else Fields(party, f"$.{key}", problems).text("name")


# Records a treating provider writes; a UR determination is the UR reviewer's (a party of
# its own), and an application, a letter or an unknown paper says nothing of treatment.
CLINICAL_KINDS = frozenset(
    {"progress_note", "imaging", "operative_report", "rfa", "evaluation", "therapy_note"}
)


def treating_providers(doc: dict[str, Any]) -> tuple[str, ...]:
    """The authors of the case's clinical records, once each: physicians and others who
    treated the employee, with whom a reviewer may have no material tie (LC 139.5(d))."""
    documents = doc.get("documents") if isinstance(doc, dict) else None
    authors = (
        d.get("author")
        for d in documents or []
        if isinstance(d, dict) and d.get("kind") in CLINICAL_KINDS
    )
    return tuple(dict.fromkeys(a.strip() for a in authors if isinstance(a, str) and a.strip()))


def case_parties_from_document(doc: dict[str, Any]) -> CaseParties:
    """The named parties of an ``openimr.case/1`` document by role, the authors of its
    clinical records as treating providers, and ``remand_of`` (the earlier case numbers of
    this dispute sent back on appeal) as ``appealed_from``."""
    problems: list[Problem] = []
    f = Fields(doc, "$", problems)
    number = f.text("case_number", True)
    # The document's keys are the roles' names; the last five are optional in the format.
    roles = (role for role in PartyRole if role is not PartyRole.TREATING_PROVIDER)
    found = ((role, _party_name(f.obj, role.value, problems)) for role in roles)
    names = tuple((role, name) for role, name in found if name) + tuple(
        (PartyRole.TREATING_PROVIDER, author) for author in treating_providers(f.obj)
    )
    remand = f.strings("remand_of")
    if problems:
        raise InvalidInput(problems)
    return CaseParties(number, names, remand)


def diagnosis_codes(doc: dict[str, Any]) -> tuple[str, ...]:
    """ICD-10-CM codes leading the case's ``diagnoses`` (``"M54.16 Radiculopathy, ..."``)."""
    texts = [d for d in doc.get("diagnoses") or [] if isinstance(d, str)]
    firsts = (t.split(maxsplit=1)[0] for t in texts if t.strip())
    return tuple(code for code in firsts if icd10_category(code))


def _match_item(
    where: str, raw: Any, fallback: tuple[str, ...], problems: list[Problem]
) -> MatchItem:
    f = Fields(raw, where, problems)
    treatment, category = f.text("treatment", True), f.text("category", True)
    codes = f.strings("icd10") if f.obj.get("icd10") is not None else fallback
    problems += [
        Problem(f"{where}.icd10[{i}]", f"{code!r} is not an ICD-10-CM code")
        for i, code in enumerate(codes)
        if icd10_category(code) is None
    ]
    if category not in {c.value for c in Category}:
        if category:
            f.fail("category", f"{category!r} is not a treatment category")
        return MatchItem(treatment, Category.OTHER, codes)
    return MatchItem(treatment, Category(category), codes)


def match_items_from_document(doc: dict[str, Any]) -> tuple[MatchItem, ...]:
    """The disputed items of an ``openimr.case/1`` document. An item's optional ``icd10``
    (an array of codes) gives its diagnoses; without it, the codes leading the case's
    ``diagnoses`` apply to every item."""
    problems: list[Problem] = []
    f = Fields(doc, "$", problems)
    fallback = diagnosis_codes(f.obj)
    items = [_match_item(where, raw, fallback, problems) for where, raw in f.array("items")]
    if problems:
        raise InvalidInput(problems)
    return tuple(items)


def match_case_from_document(doc: dict[str, Any]) -> MatchCase:
    """Parties, items and track of an ``openimr.case/1`` document, as ``match`` takes them."""
    expedited = isinstance(doc, dict) and doc.get("priority") == "expedited"
    return MatchCase(case_parties_from_document(doc), match_items_from_document(doc), expedited)
