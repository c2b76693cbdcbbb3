"""A case imported whole (`openimr case import`) may carry its claim number, the staff-only
top-level "claim_number" of its document: stored with the case, it lets the case's parties
find it on /status/ as they find a filed case, however they write it; the staff export writes
it back. A claim number the application's rule refuses (too long, a control character, no
letter or digit) refuses the whole import at `$.claim_number`, and nothing is stored."""

import json

import pytest
import time_machine
from django.core.cache import cache

from openimr.audit.models import AuditEvent
from openimr.cases import models
from openimr.cases.domain.lifecycle import State
from openimr.cases.domain.party_status import stage_of
from openimr.cases.services.notices import notice_facts
from openimr.cli import main

pytestmark = pytest.mark.django_db
CLAIM, INJURY = "WCAB-77-4410-QZ", "2015-08-03"


@pytest.fixture(autouse=True)
def _fresh_tries():
    cache.clear()
    with time_machine.travel("2024-03-20 17:00:05Z", tick=False):
        yield


def _import(tmp_path, *docs):
    paths = []
    for n, doc in enumerate(docs):
        path = tmp_path / f"case{n}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(path))
    return main(["case", "import", *paths])


def _ask(client, number, claim=CLAIM, injury=INJURY):
    body = {"case_number": number, "claim_number": claim, "date_of_injury": injury}
    return " ".join(client.post("/status/", body, REMOTE_ADDR="10.0.0.7").content.decode().split())


def test_its_parties_find_it_by_its_claim_number_however_written(client, tmp_path, three_item_doc):
    assert _import(tmp_path, {**three_item_doc, "claim_number": CLAIM}) == 0
    number = three_item_doc["case_number"]
    said = _ask(client, number.lower(), claim="wcab 77 4410 qz")
    assert stage_of(State.QA).words in said and "No case matches" not in said
    assert AuditEvent.objects.filter(action="case.status_viewed", object_id=number).exists()


@pytest.mark.parametrize(("claim", "injury"), [("WCAB-77-4410-QY", INJURY), (CLAIM, "2015-08-04")])
def test_a_wrong_claim_number_or_date_finds_no_imported_case(
    client, tmp_path, three_item_doc, claim, injury
):
    assert _import(tmp_path, {**three_item_doc, "claim_number": CLAIM}) == 0
    said = _ask(client, three_item_doc["case_number"], claim=claim, injury=injury)
    assert "No case matches that case number, claim number and date of injury" in said
    assert stage_of(State.QA).words not in said


def test_the_import_is_audited_with_whether_a_claim_number_came_never_the_number(
    tmp_path, three_item_doc
):
    assert _import(tmp_path, {**three_item_doc, "claim_number": CLAIM}) == 0
    event = AuditEvent.objects.get(action="case.imported")
    assert event.detail["claim_number"] is True and CLAIM not in json.dumps(event.detail)


def test_the_staff_export_writes_it_back_so_the_case_imports_again_whole(
    tmp_path, three_item_doc, capsys
):
    assert _import(tmp_path, {**three_item_doc, "claim_number": f"  {CLAIM} "}) == 0
    capsys.readouterr()
    assert main(["case", "export", three_item_doc["case_number"]]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["claim_number"] == CLAIM
    models.Case.objects.all().delete()
    assert _import(tmp_path, exported) == 0
    assert models.Case.objects.get().claim_number == CLAIM


def test_a_notice_on_the_case_names_the_claim_number_it_came_with(tmp_path, three_item_doc):
    assert _import(tmp_path, {**three_item_doc, "claim_number": CLAIM}) == 0
    row = models.Case.objects.get()
    assert notice_facts(row, at=row.created_at).claim_number == CLAIM


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        ("W" * 61, "at most 60 characters"),
        ("WCAB\x07441", "must not contain control characters"),
        ("WCAB\n441", "must not contain control characters"),
        ("WCAB\t441", "must not contain control characters"),
        ("WCAB\u202e441", "text-direction controls"),
        ("- / -", "must hold a letter or digit"),
        ("", "must not be empty"),
        (4410, "4410 is not of type 'string', 'null'"),
    ],
)
def test_a_bad_claim_number_refuses_every_file_at_its_field(
    tmp_path, three_item_doc, seed_doc, capsys, claim, said
):
    assert _import(tmp_path, seed_doc, {**three_item_doc, "claim_number": claim}) == 2
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if "$.claim_number" in line]
    assert said in line.split("case1.json: $.claim_number: ")[1]
    assert "1 of 2 files refused; nothing was imported" in err
    assert not models.Case.objects.exists()
