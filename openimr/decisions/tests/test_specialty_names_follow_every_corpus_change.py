"""The one name shown per specialty follows the corpus at once, whoever writes it (a new
letter, a specialty added, respelled, a letter withdrawn), and no visitor pays for counting
it: the letters printing each spelling are counted as they are written (migration 0012's
triggers), where the first request after each change had counted every letter's
specialties (69-138 ms at a million letters). The kept counts always equal a count."""

import importlib

import pytest
from django.db import connection

from openimr.decisions.models import Decision, DecisionSpecialty
from openimr.decisions.specialty_names import letters_by_spelling, specialty_name
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

AMP = "Physical Medicine & Rehabilitation"
AND = "Physical Medicine and Rehabilitation"
COUNTED = importlib.import_module("openimr.decisions.migrations.0012_specialty_letters_counted")


def _recount() -> list[tuple[str, int]]:
    with connection.cursor() as cursor:
        cursor.execute(COUNTED.RECOUNT)
        return sorted((name, int(n)) for name, n in cursor.fetchall())


def _facet_names(client) -> dict[str, int]:
    body = client.get("/api/v1/decisions", {"year": "2016"}).json()
    return {v["value"]: v["count"] for v in body["facets"]["specialty"]}


def test_the_name_shown_follows_the_letters_written_and_removed(client):
    make_decision(specialties=(AMP,))
    make_decision(specialties=(AMP, "Orthopedic Surgery"))
    make_decision(specialties=(AND,))
    assert specialty_name(AND) == AMP
    assert _facet_names(client) == {AMP: 3, "Orthopedic Surgery": 1}
    later = [make_decision(specialties=(AND,)) for _ in range(2)]
    assert specialty_name(AMP) == AND
    assert _facet_names(client) == {AND: 5, "Orthopedic Surgery": 1}
    Decision.objects.filter(pk__in=[d.pk for d in later]).delete()
    assert specialty_name(AND) == AMP
    assert _facet_names(client) == {AMP: 3, "Orthopedic Surgery": 1}


def test_the_kept_counts_equal_a_count_after_every_kind_of_write():
    first = make_decision(specialties=(AMP, "Orthopedic Surgery"))
    second = make_decision(specialties=(AMP,))
    assert letters_by_spelling() and sorted(letters_by_spelling()) == _recount()
    DecisionSpecialty.objects.create(decision=second, specialty="Internal Medicine")
    DecisionSpecialty.objects.filter(decision=first, specialty=AMP).update(specialty=AND)
    assert sorted(letters_by_spelling()) == _recount()
    DecisionSpecialty.objects.bulk_create(
        [DecisionSpecialty(decision=first, specialty="Neurology")]
    )
    second.delete()
    assert (
        sorted(letters_by_spelling())
        == _recount()
        == [
            ("Neurology", 1),
            ("Orthopedic Surgery", 1),
            (AND, 1),
        ]
    )
    Decision.objects.all().delete()
    assert letters_by_spelling() == [] == _recount()
