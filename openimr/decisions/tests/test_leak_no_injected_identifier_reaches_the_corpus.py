"""The leak test (issue 6): names and identifiers injected into 1,000 generated cases, published
through the real path (de-identification, then storing), are found nowhere in the corpus."""

import re

import pytest
from django.db import connection

from bench.corpus_cases import generate_cases
from bench.corpus_identity import injected_identifiers
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


def _needles(doc: dict) -> list[str]:
    """The injected strings, and each person's surname alone: a surname left behind is a
    leak too."""
    found = injected_identifiers(doc)
    people = [doc[p]["name"] for p in ("employee", "attorney", "requesting_physician")]
    return found + [name.split()[-1] for name in people]


def _found(text: str, needles: set[str]) -> list[str]:
    """The needles that occur in the text as whole words, case-insensitively. A needle whose
    words are not all words of the text cannot occur; only the rest are searched for."""
    words = set(re.findall(r"\w+", text.lower()))
    candidates = [n for n in needles if set(re.findall(r"\w+", n.lower())) <= words]
    return [
        n for n in candidates if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.IGNORECASE)
    ]


def test_the_leak_search_finds_a_planted_name_but_not_a_longer_word():
    needles = {"jose tran", "(559) 555-1234", "Tranh"}
    found = _found("records of Jose Tran, (559) 555-1234; Tramadol.", needles)
    assert sorted(found) == ["(559) 555-1234", "jose tran"]


@pytest.mark.django_db
def test_no_injected_name_or_identifier_is_stored_in_the_corpus():
    docs = list(generate_cases(CASES, seed=6, identifiers=True))
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
    assert "the injured worker" in stored.clinical_summary
