"""The leak test (issue 6): names and identifiers injected into 1,000 generated cases, published
through the real path (de-identification, then storing), are found nowhere in the corpus.
With them, the postal addresses the application takes for the claims administrator, the
requesting physician, the attorney and the employer, written into the text as a clerk might
copy them."""

import random
import re

import pytest
from django.db import connection

from bench.corpus_cases import generate_cases
from bench.corpus_identity import injected_identifiers, planted_surnames
from openimr.core.case_format import case_from_dict
from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty, SourceFile
from openimr.decisions.services import decisions_publish_cases

CASES = 1000
TABLES = (Decision, DecisionItem, DecisionSpecialty, SourceFile)


def _corpus_text() -> str:
    """Every text and JSON column of every corpus table, as stored."""
    parts = []
    with connection.cursor() as cursor:
        for model in TABLES:
            columns = [
                f.column
                for f in model._meta.concrete_fields
                if f.get_internal_type() in {"CharField", "TextField", "JSONField"}
            ]
            cursor.execute(f"SELECT {', '.join(columns)} FROM {model._meta.db_table}")
            parts += ["\n".join(str(v) for v in row) for row in cursor.fetchall()]
    return "\n".join(parts)


# The parties' addresses take the forms the intake sees: a street with a suite, a street
# type the employee's generated addresses never use (Mall, Plaza), a P.O. box, a building
# on a site (an employer's plant), one line or several.
PARTY_STREETS = ("Capitol Mall", "Hospitality Plaza", "Clay Street", "Harbor Boulevard")
PARTY_CITIES = (("Sacramento", "958"), ("Oakland", "946"), ("San Diego", "921"))


def _party_addresses(doc: dict) -> dict[str, str]:
    """The claims administrator's, the physician's, the attorney's and the employer's
    addresses, a function of the case number (so the needles can be listed again)."""
    rng = random.Random(f"openimr-party-addresses:{doc['case_number']}")

    def city() -> str:
        name, zip3 = rng.choice(PARTY_CITIES)
        return f"{name}, CA {zip3}{rng.randint(10, 99)}"

    def street() -> str:
        return f"{rng.randint(100, 9899)} {rng.choice(PARTY_STREETS)}"

    return {
        "claims_administrator": f"P.O. Box {rng.randint(100, 99999)}\n{city()}",
        "requesting_physician": f"{street()}, Suite {rng.randint(100, 999)}, {city()}",
        "attorney": f"{street()}\n{city()}",
        "employer": f"{street()}, Building {rng.randint(1, 12)}\n{city()}",
    }


def with_party_addresses(doc: dict) -> dict:
    """The case with its parties' addresses written into the summary, as copied from the
    application's address blocks."""
    where = _party_addresses(doc)
    doc["clinical_summary"] += (
        f" Copies go to the claims administrator at {where['claims_administrator']}, to the"
        f" requesting physician at {where['requesting_physician']}, to the attorney at"
        f" {where['attorney']} and to the employer at {where['employer']}."
    )
    return doc


def _address_needles(doc: dict) -> list[str]:
    """Each address whole, each of its lines, and its street or box alone."""
    found = []
    for address in _party_addresses(doc).values():
        lines = address.split("\n")
        found += [address, *lines, lines[0].split(",")[0]]
    return found


def _needles(doc: dict) -> list[str]:
    """The injected strings, and each person's surname alone: a surname left behind is a
    leak too."""
    found = injected_identifiers(doc) + _address_needles(doc)
    return found + list(planted_surnames(doc).values())


def _found(text: str, needles: set[str]) -> list[str]:
    """The needles that occur in the text as whole words, case-insensitively. A needle whose
    words are not all words of the text cannot occur; only the rest are searched for."""
    words = set(re.findall(r"\w+", text.lower()))
    candidates = [n for n in needles if set(re.findall(r"\w+", n.lower())) <= words]
    return [
        n for n in candidates if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.IGNORECASE)
    ]


def test_the_party_addresses_are_written_into_the_text_searched():
    doc = with_party_addresses(next(generate_cases(1, seed=6, identifiers=True)))
    needles = set(_address_needles(doc))
    assert len(needles) >= 11 and set(_found(doc["clinical_summary"], needles)) == needles


def test_the_leak_search_finds_a_planted_name_but_not_a_longer_word():
    needles = {"jose tran", "(559) 555-1234", "Tranh"}
    found = _found("records of Jose Tran, (559) 555-1234; Tramadol.", needles)
    assert sorted(found) == ["(559) 555-1234", "jose tran"]


@pytest.mark.django_db
def test_no_injected_name_or_identifier_is_stored_in_the_corpus():
    docs = [with_party_addresses(d) for d in generate_cases(CASES, seed=6, identifiers=True)]
    decisions_publish_cases(cases=[case_from_dict(d) for d in docs], actor="test", pdf=False)
    assert Decision.objects.count() == CASES
    text = _corpus_text()
    assert not _found(text, {n for doc in docs for n in _needles(doc)})


@pytest.mark.django_db
def test_the_corpus_keeps_the_clinical_facts_of_a_case_with_identifiers():
    doc = next(generate_cases(1, seed=6, identifiers=True))
    decisions_publish_cases(cases=[case_from_dict(doc)], actor="test", pdf=False)
    stored = Decision.objects.get()
    assert stored.employee_age == min(doc["employee"]["age"], 90)
    assert str(stored.injury_date) == doc["dates"]["injury"]
    assert [i.treatment for i in stored.items.all()] == [i["treatment"] for i in doc["items"]]
    assert "the injured worker" in stored.clinical_summary.lower()
