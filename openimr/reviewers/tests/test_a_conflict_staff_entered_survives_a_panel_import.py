"""A tie or leave staff entered in the admin (a conflict the reviewer disclosed to staff) and
the prior case numbers the panel CSV has no column for survive a routine re-import of the
panel CSV, and the import says what it kept (LC 139.5(d); LC 4610.6(h), (i)). The import
used to delete every tie and leave and empty the prior case numbers."""

import io
from datetime import date

import pytest

from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.reviewers import models
from openimr.reviewers.tests.test_panel_pages import GOOD, HEADER

pytestmark = pytest.mark.django_db
FILE_TIE = GOOD + "paid_by:State Comp Ins Fund"  # the row, with a tie of its own


def _import(client, row):
    upload = io.BytesIO(f"{HEADER}\n{row}\n".encode())
    upload.name = "panel.csv"
    return client.post("/reviewers/import/", {"panel": upload}).content.decode()


def _staff_enters_a_disclosed_conflict(client):
    _import(client, FILE_TIE)
    reviewer = models.Reviewer.objects.get(reviewer_id="R-1")
    reviewer.affiliations.create(name="Valley Ortho Group", kind="practices_with")
    reviewer.leave.create(start=date(2026, 12, 20), end=date(2027, 1, 3))
    reviewer.prior_case_numbers = ["CM16-0312345"]
    reviewer.save()
    return reviewer


def test_a_re_import_keeps_the_tie_leave_and_prior_cases_staff_entered(client, staff_client):
    reviewer = _staff_enters_a_disclosed_conflict(client)
    body = _import(client, FILE_TIE)
    ties = sorted(reviewer.affiliations.values_list("name", "source"))
    assert ties == [("State Comp Ins Fund", "file"), ("Valley Ortho Group", "staff")]
    assert list(reviewer.leave.values_list("source", flat=True)) == ["staff"]
    reviewer.refresh_from_db()
    assert reviewer.prior_case_numbers == ["CM16-0312345"]
    said = "kept 1 tie and 1 leave period staff entered, and 1 prior case number the file does not carry"
    assert f"R-1: {said}" in body
    stored = AuditEvent.objects.filter(action="reviewer.stored").last()
    assert stored is not None and stored.detail == {"kept": said}


def test_a_tie_the_file_drops_goes_but_one_staff_entered_stays(client, staff_client):
    reviewer = _staff_enters_a_disclosed_conflict(client)
    _import(client, GOOD)
    assert list(reviewer.affiliations.values_list("name", flat=True)) == ["Valley Ortho Group"]


def test_a_tie_staff_entered_that_the_file_repeats_is_stored_once(client, staff_client):
    reviewer = _staff_enters_a_disclosed_conflict(client)
    _import(client, GOOD + "practices_with:Valley Ortho Group")
    assert list(reviewer.affiliations.values_list("name", "source")) == [
        ("Valley Ortho Group", "staff")
    ]


def test_a_first_import_keeps_nothing_and_says_nothing_kept(client, staff_client):
    body = _import(client, FILE_TIE)
    assert 'id="kept"' not in body
    assert models.Affiliation.objects.get().source == "file"


def test_the_import_command_prints_what_it_kept(client, staff_client, tmp_path, capsys):
    _staff_enters_a_disclosed_conflict(client)
    path = tmp_path / "panel.csv"
    path.write_text(f"{HEADER}\n{FILE_TIE}\n", encoding="utf-8")
    assert main(["reviewers", "import", str(path)]) == 0
    assert "R-1: kept 1 tie and 1 leave period staff entered" in capsys.readouterr().out
