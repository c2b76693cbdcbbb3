"""Matching compares a reviewer's board certifications with the specialty table's names (and
their aliases) only. A panel CSV row certifying "Orthopedic Surgey" imported without a word,
the panel page called the reviewer assignable, and matching never chose them for anything.
The importer now refuses the row at its column, naming the closest specialty, and the panel
page says why a reviewer entered that way in the admin is never chosen."""

import pytest
import time_machine

from openimr.reviewers import models, services
from openimr.reviewers.tests.test_panel_pages import HEADER

pytestmark = pytest.mark.django_db
ROW = "R-1,Dr. Ada Park,{specialty},ABOS,2030-01-01,CA,A123,2030-01-01,no,12,30,0,2026-01-01,en,10,"


def _import(specialty: str) -> services.ImportReport:
    return services.reviewers_import_csv(
        text=f"{HEADER}\n{ROW.format(specialty=specialty)}\n", actor="clerk"
    )


def test_a_misspelt_specialty_is_refused_at_its_column_with_the_closest_name():
    report = _import("Orthopedic Surgey")
    [(line, problems)] = report.rejected
    assert line == 2 and [p.path for p in problems] == ["line 2: specialties"]
    assert "'Orthopedic Surgey' is not a specialty of the specialty table" in problems[0].message
    assert "did you mean 'orthopedic surgery'" in problems[0].message
    assert not models.Reviewer.objects.exists()


@pytest.mark.parametrize(
    "spelling", ["Orthopaedic Surgery", "PM&R", "physical medicine & rehabilitation"]
)
def test_a_spelling_the_table_knows_as_an_alias_imports(spelling):
    assert _import(spelling).imported == ["R-1"]


def test_the_panel_page_says_a_reviewer_certified_under_an_unknown_name_is_never_chosen(
    client, staff_client
):
    _import("Orthopedic Surgery")
    models.Certification.objects.update(specialty="Orthopedic Surgey")  # as typed in the admin
    with time_machine.travel("2026-11-26 17:00Z", tick=False):
        body = client.get("/reviewers/").content.decode()
    row = body.split("R-1")[1].split("</tr>")[0]
    assert "No:" in row and "is not a specialty of the specialty table" in row
