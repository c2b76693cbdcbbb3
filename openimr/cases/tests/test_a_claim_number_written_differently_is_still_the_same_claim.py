"""A claim number is written with or without dashes, spaces and capitals: "QADUP-001",
"qadup 001" and "QADUP001" are one claim. A second application about the same UR decision
on it is a duplicate of the one already received (8 CCR 9792.10.3(a)(2)), whether the first
is on file or earlier in the same batch, and a treatment decided on it is not reviewed again."""

import copy
import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps

from openimr.cases import models, services
from openimr.cases.domain.claims import normalise_claim
from openimr.cases.intake_schema import parse_application

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
migration = importlib.import_module(
    "openimr.cases.migrations.0009_claim_number_compared_however_written"
)


def _filing(doc, claim, minutes=0):
    doc = copy.deepcopy(doc)
    doc["claim_number"] = claim
    return services.Filing(parse_application(doc), RECEIVED + timedelta(minutes=minutes))


def _receive(*filings):
    return services.applications_receive(
        filings=list(filings), via="api", actor="clerk", client="test"
    )


@pytest.mark.parametrize("again", ["qadup 001", "QADUP001", "Qadup.001", "ＱＡＤＵＰ－００１"])
def test_a_later_application_on_the_claim_written_otherwise_is_a_duplicate(application_doc, again):
    (first,) = _receive(_filing(application_doc, "QADUP-001"))
    (second,) = _receive(_filing(application_doc, again, minutes=60))
    assert first.outcome == "eligible"
    assert [r["code"] for r in second.reasons] == ["duplicate"]
    assert first.case.case_number in second.reasons[0]["text"]


def test_in_one_batch_the_second_spelling_of_the_claim_is_a_duplicate(application_doc):
    first, second, third = _receive(
        _filing(application_doc, "QADUP-001"),
        _filing(application_doc, "qadup 001", minutes=1),
        _filing(application_doc, "QADUP001", minutes=2),
    )
    assert first.outcome == "eligible"
    assert [r["code"] for r in second.reasons] == ["duplicate"]
    assert [r["code"] for r in third.reasons] == ["duplicate"]


def test_the_stored_application_keeps_the_claim_as_written_and_its_comparable_form(
    application_doc,
):
    (stored,) = _receive(_filing(application_doc, "Qadup-001"))
    row = models.Application.objects.get(pk=stored.pk)
    assert (row.claim_number, row.claim_key) == ("Qadup-001", "qadup001")


def test_the_comparable_form_drops_case_spaces_punctuation_and_accents():
    assert normalise_claim(" ADJ-12 345/É ") == normalise_claim("adj12345e") == "adj12345e"


def test_the_migration_fills_the_comparable_form_of_applications_already_on_file(
    application_doc,
):
    (first,) = _receive(_filing(application_doc, "QADUP-001"))
    models.Application.objects.filter(pk=first.pk).update(claim_key="")  # as before 0009

    migration.fill_claim_keys(apps, None)

    assert models.Application.objects.get(pk=first.pk).claim_key == "qadup001"
    (second,) = _receive(_filing(application_doc, "qadup 001", minutes=60))
    assert [r["code"] for r in second.reasons] == ["duplicate"]
