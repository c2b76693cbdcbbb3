import copy
import csv
import io
import json
from datetime import date

import pytest

from openimr.core.case import Category
from openimr.core.errors import InvalidInput
from openimr.reviewers.domain.panel import AffiliationKind, PartyRole
from openimr.reviewers.match_input import (
    case_parties_from_document,
    match_case_from_document,
    match_items_from_document,
)
from openimr.reviewers.panel_csv import CSV_COLUMNS, reviewer_from_csv_row
from openimr.reviewers.panel_format import panel_from_document, panel_from_json
from openimr.reviewers.tests.builders import DATA, DEMO_PANEL

PANEL_DOC = json.loads((DEMO_PANEL).read_text(encoding="utf-8"))
CASE_DOC = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))


def test_the_sample_panel_reads():
    panel = panel_from_json((DEMO_PANEL).read_text(encoding="utf-8"))
    assert len(panel) == 9
    r = panel["R-101"]
    assert r.licenses[1].state == "NV" and r.licenses[0].expires == date(2028, 6, 30)
    assert r.affiliations[0].kind is AffiliationKind.PAID_BY
    assert panel["R-108"].leave == ((date(2026, 11, 20), date(2026, 12, 15)),)


def _problems(change):
    doc = copy.deepcopy(PANEL_DOC)
    change(doc)
    with pytest.raises(InvalidInput) as caught:
        panel_from_document(doc)
    return [(p.path, p.message) for p in caught.value.problems]


def _set(path, value):
    def change(doc):
        *parents, last = path
        node = doc
        for key in parents:
            node = node[key]
        node[last] = value

    return change


R3 = ("reviewers", 3)


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            _set((*R3, "licenses", 0, "state"), "ZZ"),
            "$.reviewers[3].licenses[0].state",
            "'ZZ' is not a US state code",
        ),
        (
            _set((*R3, "licenses", 0, "state"), "ca"),
            "$.reviewers[3].licenses[0].state",
            "'ca' is not a US state code",
        ),
        (
            _set((*R3, "licenses", 0, "expires"), "2001-01-01"),
            "$.reviewers[3].licenses[0].expires",
            "2001-01-01 is before the issue date 2008-07-01",
        ),
        (
            _set((*R3, "licenses", 0, "restricted"), "no"),
            "$.reviewers[3].licenses[0].restricted",
            'must be true or false, not "no"',
        ),
        (
            _set((*R3, "licenses", 0, "number"), ""),
            "$.reviewers[3].licenses[0].number",
            "is required",
        ),
        (_set((*R3, "weekly_hours"), -4), "$.reviewers[3].weekly_hours", "must be from 0 to 168"),
        (_set((*R3, "weekly_hours"), 200), "$.reviewers[3].weekly_hours", "must be from 0 to 168"),
        (
            _set((*R3, "years_in_practice"), -1),
            "$.reviewers[3].years_in_practice",
            "must not be negative",
        ),
        (
            _set((*R3, "years_in_practice"), 9.5),
            "$.reviewers[3].years_in_practice",
            "must be a whole number, not 9.5",
        ),
        (
            _set((*R3, "open_cases"), True),
            "$.reviewers[3].open_cases",
            "must be a whole number, not true",
        ),
        (
            _set((*R3, "capacity_per_week"), -2),
            "$.reviewers[3].capacity_per_week",
            "must not be negative",
        ),
        (
            _set((*R3, "affiliations", 0, "kind"), "friend_of"),
            "$.reviewers[3].affiliations[0].kind",
            "'friend_of' is not one of employed_by, owns_part_of, paid_by, related_to, practices_with",
        ),
        (
            _set((*R3, "affiliations", 0, "until"), "31/12/2020"),
            "$.reviewers[3].affiliations[0].until",
            "'31/12/2020' is not a YYYY-MM-DD date",
        ),
        (
            _set((*R3, "certifications", 0, "specialty"), None),
            "$.reviewers[3].certifications[0].specialty",
            "is required",
        ),
        (
            _set((*R3, "last_verified"), 20250401),
            "$.reviewers[3].last_verified",
            "must be a YYYY-MM-DD date, not 20250401",
        ),
        (
            _set((*R3, "leave"), [{"from": "2026-12-10", "to": "2026-12-01"}]),
            "$.reviewers[3].leave[0].to",
            "2026-12-01 is before 2026-12-10",
        ),
        (
            _set((*R3, "leave"), [{"from": "2026-12-10"}]),
            "$.reviewers[3].leave[0].to",
            "is required",
        ),
        (
            _set((*R3, "languages"), ["en", ""]),
            "$.reviewers[3].languages[1]",
            "must be a non-empty string",
        ),
        (
            _set((*R3, "prior_case_numbers"), "CM1"),
            "$.reviewers[3].prior_case_numbers",
            'must be an array, not "CM1"',
        ),
        (_set((*R3, "nickname"), "Doc"), "$.reviewers[3].nickname", "unknown key"),
        (
            _set((*R3, "reviewer_id"), "R-101"),
            "$.reviewers[3].reviewer_id",
            "'R-101' is used twice",
        ),
        (_set((*R3, "name"), " "), "$.reviewers[3].name", "is required"),
        (_set(("reviewers", 3), "R-104"), "$.reviewers[3]", "must be an object"),
        (_set(("format",), "openimr.panel/2"), "$.format", "must be 'openimr.panel/1'"),
        (_set(("reviewers",), {}), "$.reviewers", "must be an array, not {}"),
    ],
)
def test_a_bad_panel_names_the_json_path_of_each_problem(change, path, message):
    assert (path, message) in _problems(change)


def test_every_problem_of_a_panel_is_reported_at_once():
    def change(doc):
        doc["reviewers"][0]["licenses"][0]["state"] = "ZZ"
        doc["reviewers"][5]["weekly_hours"] = -1

    assert [p for p, _ in _problems(change)] == [
        "$.reviewers[0].licenses[0].state",
        "$.reviewers[5].weekly_hours",
    ]


def test_a_panel_that_is_not_json_is_refused():
    with pytest.raises(InvalidInput, match="not valid JSON"):
        panel_from_json("{")


def test_a_minimal_reviewer_takes_the_defaults():
    panel = panel_from_document(
        {"format": "openimr.panel/1", "reviewers": [{"reviewer_id": "R", "name": "N"}]}
    )
    assert panel["R"].languages == ("en",) and panel["R"].capacity_per_week == 10


# The CSV importer.

GOOD_ROW = {
    "reviewer_id": "R-201",
    "name": "Dr. Ana Ruiz",
    "specialties": "Orthopedic Surgery; Hand Surgery",
    "boards": "ABOS",
    "certification_expires": "2030-12-31;2029-06-30",
    "license_states": "CA;NV",
    "license_numbers": "A1;N2",
    "license_expires": "2028-01-31;2027-05-31",
    "license_restricted": "no;yes",
    "years_in_practice": "14",
    "weekly_hours": "32.5",
    "open_sanctions": "",
    "last_verified": "2025-02-01",
    "languages": "en;es",
    "capacity_per_week": "8",
    "affiliations": "paid_by:State Comp Ins Fund; practices_with:Valley Ortho: Group",
}


def test_a_good_csv_row_reads():
    r = reviewer_from_csv_row(GOOD_ROW, 2)
    assert [(c.board, c.specialty, c.expires) for c in r.certifications] == [
        ("ABOS", "Orthopedic Surgery", date(2030, 12, 31)),
        ("ABOS", "Hand Surgery", date(2029, 6, 30)),
    ]
    assert [(x.state, x.number, x.restricted) for x in r.licenses] == [
        ("CA", "A1", False),
        ("NV", "N2", True),
    ]
    assert r.weekly_hours == 32.5 and r.open_sanctions == 0 and r.languages == ("en", "es")
    assert [(a.kind, a.name) for a in r.affiliations] == [
        (AffiliationKind.PAID_BY, "State Comp Ins Fund"),
        (AffiliationKind.PRACTICES_WITH, "Valley Ortho: Group"),
    ]


def test_the_documented_columns_are_these():
    assert ",".join(CSV_COLUMNS) == (
        "reviewer_id,name,specialties,boards,certification_expires,license_states,"
        "license_numbers,license_expires,license_restricted,years_in_practice,weekly_hours,"
        "open_sanctions,last_verified,languages,capacity_per_week,affiliations"
    )


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("reviewer_id", "", "is required"),
        ("name", " ", "is required"),
        ("license_states", "CA;ZZ", "'ZZ' is not a US state code"),
        ("license_numbers", "A1", "has 1 values for 2 license states"),
        ("license_expires", "2028-01-31;soon", "'soon' is not a YYYY-MM-DD date"),
        ("license_restricted", "maybe", "'maybe' is not yes or no"),
        ("boards", "ABOS;ABOS;ABOS", "has 3 values for 2 entries"),
        ("boards", "", "name the board of each specialty"),
        ("certification_expires", "2030-13-01", "'2030-13-01' is not a YYYY-MM-DD date"),
        ("years_in_practice", "-3", "'-3' is not a whole number of years"),
        ("years_in_practice", "ten", "'ten' is not a whole number of years"),
        ("weekly_hours", "-1", "'-1' is not a number of hours from 0 to 168"),
        ("open_sanctions", "1.5", "'1.5' is not a whole number"),
        ("last_verified", "2025/02/01", "'2025/02/01' is not a YYYY-MM-DD date"),
        ("capacity_per_week", "x", "'x' is not a whole number"),
        ("affiliations", "friend_of:Acme", "'friend_of:Acme' is not kind:name with kind one of"),
        ("affiliations", "paid_by:", "'paid_by:' is not kind:name"),
    ],
)
def test_a_bad_csv_row_names_the_line_and_the_column(column, value, message):
    with pytest.raises(InvalidInput) as caught:
        reviewer_from_csv_row(GOOD_ROW | {column: value}, 4)
    found = [(p.path, p.message) for p in caught.value.problems]
    assert any(path == f"line 4: {column}" and message in text for path, text in found), found
    assert str(caught.value).startswith("line 4: ") or "problems" in str(caught.value)


def test_a_missing_column_is_named():
    row = {k: v for k, v in GOOD_ROW.items() if k != "weekly_hours"}
    with pytest.raises(InvalidInput) as caught:
        reviewer_from_csv_row(row, 2)
    assert [str(p) for p in caught.value.problems] == ["line 2: weekly_hours: column is missing"]


def test_csv_rows_read_through_the_standard_reader():
    text = ",".join(CSV_COLUMNS) + "\n" + ",".join(f'"{GOOD_ROW[c]}"' for c in CSV_COLUMNS) + "\n"
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert reviewer_from_csv_row(row, 2).reviewer_id == "R-201"


# The parts of a case document that matching reads.


def test_the_parties_of_a_case_document_by_role_with_the_optional_ones():
    found = case_parties_from_document(CASE_DOC)
    assert found.case_number == "CM16-0400101"
    treating = [name for role, name in found.names if role is PartyRole.TREATING_PROVIDER]
    # The authors of its clinical records, once each; not the UR determination's nor the
    # application's.
    assert treating == ["Ramón Ortega-Vásquez, MD", "Coastal Physical Therapy"]
    assert dict(n for n in found.names if n[0] is not PartyRole.TREATING_PROVIDER) == {
        PartyRole.EMPLOYEE: "Zoë Łukasiewicz",
        PartyRole.EMPLOYER: "Harbor Freight Logistics LLC",
        PartyRole.CLAIMS_ADMINISTRATOR: "Golden State Claims Services, Inc.",
        PartyRole.REQUESTING_PHYSICIAN: "Dr. Ramón Ortega-Vásquez",
        PartyRole.MEDICAL_GROUP: "Coastal Orthopedic Medical Group",
        PartyRole.FACILITY: "Bayview Imaging Center",
        PartyRole.MANUFACTURER: "Therapeutica Sleeping Pillow Inc.",
        PartyRole.UR_ORGANIZATION: "Pacific Utilization Review Services, LLC",
        PartyRole.UR_REVIEWER: "Dr. Helen Park",
    }
    assert found.appealed_from == ("CM16-0312345",)


def test_a_case_without_the_optional_parties_has_only_its_usual_ones():
    doc = {
        k: v
        for k, v in CASE_DOC.items()
        if k
        not in {
            "facility",
            "medical_group",
            "manufacturer",
            "ur_organization",
            "ur_reviewer",
            "remand_of",
        }
    }
    doc["employer"] = {"name": None}
    found = case_parties_from_document(doc)
    assert [role for role, _ in found.names] == [
        PartyRole.EMPLOYEE,
        PartyRole.CLAIMS_ADMINISTRATOR,
        PartyRole.REQUESTING_PHYSICIAN,
        PartyRole.TREATING_PROVIDER,
        PartyRole.TREATING_PROVIDER,
    ]
    assert found.appealed_from == ()


@pytest.mark.parametrize(
    ("key", "value", "path", "message"),
    [
        ("facility", "Bayview", "$.facility", "must be an object"),
        ("ur_reviewer", {"name": 7}, "$.ur_reviewer.name", "must be a string, not 7"),
        ("remand_of", "CM1", "$.remand_of", 'must be an array, not "CM1"'),
        ("remand_of", [""], "$.remand_of[0]", "must be a non-empty string"),
        ("case_number", None, "$.case_number", "is required"),
    ],
)
def test_bad_party_fields_are_named_by_json_path(key, value, path, message):
    with pytest.raises(InvalidInput) as caught:
        case_parties_from_document(CASE_DOC | {key: value})
    assert any(p.path == path and message in p.message for p in caught.value.problems)


def test_items_carry_their_own_codes_or_else_the_cases_diagnoses():
    items = match_items_from_document(CASE_DOC)
    assert [(i.category, i.icd10) for i in items] == [
        (Category.REHABILITATION, ("M54.16",)),
        (Category.DIAGNOSTICS, ("M54.16",)),
        (Category.DMEPOS, ("M54.2",)),
    ]
    bare = copy.deepcopy(CASE_DOC)
    for item in bare["items"]:
        del item["icd10"]
    assert {i.icd10 for i in match_items_from_document(bare)} == {("M54.16", "M54.2")}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("icd10", ["M54.16", "back pain"], "'back pain' is not an ICD-10-CM code"),
        ("icd10", "M54.16", 'must be an array, not "M54.16"'),
        ("category", "massage", "'massage' is not a treatment category"),
        ("treatment", "", "is required"),
    ],
)
def test_bad_item_fields_are_named_by_json_path(field, value, message):
    doc = copy.deepcopy(CASE_DOC)
    doc["items"][1][field] = value
    with pytest.raises(InvalidInput) as caught:
        match_items_from_document(doc)
    assert any(
        p.path.startswith(f"$.items[1].{field}") and message in p.message
        for p in caught.value.problems
    )


def test_an_expedited_case_is_matched_as_expedited():
    assert match_case_from_document(CASE_DOC | {"priority": "expedited"}).expedited
    assert not match_case_from_document(CASE_DOC).expedited
