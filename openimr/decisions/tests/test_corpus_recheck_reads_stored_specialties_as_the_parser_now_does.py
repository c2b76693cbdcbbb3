"""`openimr corpus recheck` reads the reviewer specialties of the letters stored before the
parser read a printed specialty as the known one it names: "Sports Medicinea" (as
CM16-0238035 prints it) had stayed a specialty of its own in the search's facets and filter,
the analytics and the letter's page until the letter was ingested again. A name the parser
keeps as printed, and an issued letter's, are left as they are; ``--dry-run`` only says;
a second run renames nothing. The letter's stored document names the known name too, as an
ingest of it would now store it: its rows laid out again from the document (as a migration's
backfill reads them) had brought the old spelling back."""

import json

import pytest

from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.decisions.models import DecisionSpecialty, Source
from openimr.decisions.services.recheck import corpus_recheck
from openimr.decisions.services.store import decision_rows
from openimr.decisions.specialty_names import letters_by_spelling
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

SLIP, SPORTS = "Sports Medicinea", "Sports Medicine"
CAPITALS, PMR = "PHYSICAL MEDICINE AND REHABILITATION", "Physical Medicine & Rehabilitation"


def _names(decision) -> list[str]:
    return sorted(
        DecisionSpecialty.objects.filter(decision=decision).values_list("specialty", flat=True)
    )


def _facets(client) -> dict[str, int]:
    body = client.get("/api/v1/decisions", {"year": "2016"}).json()
    return {v["value"]: v["count"] for v in body["facets"]["specialty"]}


@pytest.fixture
def letters():
    return {
        "slip": make_decision(specialties=(SLIP, "Orthopedic Surgery")),
        "both": make_decision(specialties=(SLIP, SPORTS)),  # the known name once
        "capitals": make_decision(specialties=(CAPITALS,)),
        "unknown": make_decision(specialties=("Astrology",)),
        "issued": make_decision(specialties=(SLIP,)),
    }


def test_a_stored_specialty_is_read_as_the_known_name_it_names(client, letters):
    issued = letters["issued"]
    issued.source = "issued"
    issued.save(update_fields=["source"])

    summary = corpus_recheck(actor="test", workers=1)

    assert [(r.printed, r.name, r.letters) for r in summary.specialties] == [
        (CAPITALS, PMR, 1),
        (SLIP, SPORTS, 2),
    ]
    assert _names(letters["slip"]) == ["Orthopedic Surgery", SPORTS]
    assert _names(letters["both"]) == [SPORTS]
    assert _names(letters["capitals"]) == [PMR]
    assert _names(letters["unknown"]) == ["Astrology"]  # the parser keeps it as printed
    assert _names(issued) == [SLIP]  # not read from a printed letter
    # What a visitor sees: one specialty in the facets, its filter, the letter's page.
    facets = _facets(client)
    assert (facets[SPORTS], facets[PMR], facets[SLIP]) == (2, 1, 1)  # SLIP: the issued one
    assert CAPITALS not in facets
    found = client.get("/api/v1/decisions", {"specialty": SPORTS}).json()
    assert {d["case_number"] for d in found["results"]} == {
        letters["slip"].case_number,
        letters["both"].case_number,
    }
    assert SPORTS in client.get(f"/decisions/{letters['slip'].case_number}/").content.decode()
    events = AuditEvent.objects.filter(action="corpus.specialty_renamed").order_by("object_id")
    assert [(e.object_id, e.detail) for e in events] == [
        (CAPITALS, {"name": PMR, "letters": 1}),
        (SLIP, {"name": SPORTS, "letters": 2}),
    ]
    # The kept counts followed (migration 0012's triggers), and a second run has nothing.
    assert dict(letters_by_spelling()).get(SLIP) == 1  # the issued letter's
    assert corpus_recheck(actor="test", workers=1).specialties == []
    assert AuditEvent.objects.filter(action="corpus.specialty_renamed").count() == 2


def test_a_dry_run_says_what_it_would_read_and_writes_nothing(letters, capsys):
    assert main(["corpus", "recheck", "--dry-run", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert f'would read the specialty "{SLIP}" as "{SPORTS}": 3 letters' in out
    assert _names(letters["slip"]) == ["Orthopedic Surgery", SLIP]
    assert not AuditEvent.objects.filter(action="corpus.specialty_renamed").exists()

    assert main(["corpus", "recheck", "--json", "--workers", "1"]) == 0
    renamed = json.loads(capsys.readouterr().out)["specialties"]
    assert {"printed": SLIP, "name": SPORTS, "letters": 3} in renamed
    assert _names(letters["issued"]) == [SPORTS]  # published, as the factory makes it


def _read_again(decision) -> list[str]:
    decision.refresh_from_db()
    rows = decision_rows(
        document=decision.document,
        source=Source.PUBLISHED,
        layout="test",
        content_sha256="x",
        deidentified=True,
    )
    return rows.specialties


def test_the_stored_document_names_the_known_name_as_its_rows_do(letters):
    issued = letters["issued"]
    issued.source = "issued"
    issued.save(update_fields=["source"])

    corpus_recheck(actor="test", workers=1)

    assert _read_again(letters["slip"]) == [SPORTS, "Orthopedic Surgery"]  # in its place
    assert _read_again(letters["both"]) == [SPORTS]  # once
    assert _read_again(letters["capitals"]) == [PMR]
    assert _read_again(letters["unknown"]) == ["Astrology"]
    assert _read_again(issued) == [SLIP]  # this organization's reviewer's, left as it is
    assert sorted(_read_again(letters["slip"])) == _names(letters["slip"])  # as its rows


def test_a_dry_run_leaves_the_stored_documents_as_they_were(letters):
    corpus_recheck(actor="test", workers=1, dry_run=True)

    assert _read_again(letters["slip"]) == [SLIP, "Orthopedic Surgery"]
