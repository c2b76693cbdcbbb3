import copy
import tomllib

import pytest

from openimr.core.case import Category
from openimr.core.errors import InvalidInput
from openimr.reviewers.domain.specialties import (
    canonical_specialty,
    icd10_category,
    load_specialty_table,
    specialties_for,
    with_overrides,
)
from openimr.reviewers.specialty_data import (
    DEFAULT_PATH,
    default_specialty_table,
    read_specialty_table,
)

TABLE = default_specialty_table()
ORTHO, NEURO, PMR, PAIN = (
    "orthopedic surgery",
    "neurosurgery",
    "physical medicine and rehabilitation",
    "pain medicine",
)
SPINE = {ORTHO, NEURO, PMR, PAIN}


def test_the_shipped_table_maps_every_treatment_category():
    assert set(TABLE.categories) == set(Category)
    assert all(TABLE.categories[c] for c in Category)


@pytest.mark.parametrize(
    ("treatment", "category", "icd10", "expected"),
    [
        # A keyword decides alone.
        ("Lumbar fusion L4-5", Category.SURGERY, ("M51.16",), {ORTHO, NEURO}),
        ("L4-L5 laminectomy and discectomy", Category.SURGERY, (), {ORTHO, NEURO}),
        (
            "Chiropractic manipulation, 8 sessions",
            Category.CHIROPRACTIC,
            ("M54.5",),
            {"chiropractic", PMR},
        ),
        ("Psychotherapy, 6 sessions", Category.BEHAVIORAL_HEALTH, (), {"psychiatry", "psychology"}),
        (
            "Cognitive Behavioral Therapy x6",
            Category.BEHAVIORAL_HEALTH,
            ("F43.10",),
            {"psychiatry", "psychology"},
        ),
        ("Acupuncture, 6 visits", Category.ACUPUNCTURE, ("M54.5",), {"acupuncture", PMR, PAIN}),
        (
            "Lumbar epidural steroid injections",
            Category.INJECTIONS,
            ("M54.16",),
            {PAIN, "anesthesiology", PMR},
        ),
        # Otherwise the category's specialties with the ICD-10 range's.
        (
            "Physical therapy, 12 visits",
            Category.REHABILITATION,
            ("M54.16",),
            {PMR, ORTHO, "occupational medicine", "chiropractic", NEURO, PAIN},
        ),
        (
            "MRI of the right knee",
            Category.DIAGNOSTICS,
            ("M23.91",),
            {PMR, "occupational medicine", ORTHO, "neurology", "rheumatology"},
        ),
        # Ranges overlap: G89 is in G00-G99 (nervous system) and is G89 (chronic pain).
        (
            "Gabapentin 300 mg",
            Category.PHARMACEUTICALS,
            ("G89.29",),
            {
                PAIN,
                PMR,
                "occupational medicine",
                "internal medicine",
                "family medicine",
                "anesthesiology",
                "neurology",
            },
        ),
        (
            "Sertraline 50 mg",
            Category.PHARMACEUTICALS,
            ("F32.9",),
            {
                PAIN,
                PMR,
                "occupational medicine",
                "internal medicine",
                "family medicine",
                "psychiatry",
                "psychology",
            },
        ),
        ("Knee brace", Category.DMEPOS, ("S83.241A",), {PMR, ORTHO, "occupational medicine"}),
        (
            "Wrist splint",
            Category.DMEPOS,
            ("S62.101A",),
            {PMR, ORTHO, "occupational medicine", "hand surgery", "plastic surgery"},
        ),
        (
            "Hearing evaluation",
            Category.EVALUATION_MANAGEMENT,
            ("H93.13",),
            {
                "occupational medicine",
                "internal medicine",
                "family medicine",
                PMR,
                "otolaryngology",
            },
        ),
        # Codes that are not ICD-10-CM shaped are ignored; no codes, the category alone.
        (
            "Home health aide",
            Category.HOME_HEALTH,
            ("not a code", "999"),
            {PMR, "internal medicine", "family medicine", "occupational medicine"},
        ),
    ],
)
def test_an_item_maps_to_the_specialties_that_evaluate_or_treat_it(
    treatment, category, icd10, expected
):
    assert specialties_for(TABLE, treatment, category, icd10) == frozenset(expected)


@pytest.mark.parametrize(
    ("code", "category"),
    [
        ("M54.16", "M54"),
        ("m5416", "M54"),
        ("F43.10", "F43"),
        ("G89", "G89"),
        ("S83.241A", "S83"),
        ("M1A.0", "M1A"),
        ("999", None),
        ("M5", None),
        ("", None),
        ("M54.123456", None),
    ],
)
def test_icd10_codes_are_read_by_their_three_character_category(code, category):
    assert icd10_category(code) == category


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("PM&R", PMR),
        ("Physical Medicine & Rehabilitation", PMR),
        ("Orthopaedic Surgery", ORTHO),
        ("ORTHOPEDIC SURGERY", ORTHO),
        ("Pain Management", PAIN),
        ("Neurological Surgery", NEURO),
        ("Sports Medicine", "sports medicine"),
    ],
)
def test_certification_spellings_map_to_the_tables_names(written, canonical):
    assert canonical_specialty(TABLE, written) == canonical


def _data():
    return tomllib.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda d: d["categories"]["surgery"].append("orthopedic surgey"),
            "categories.surgery[2]",
            "'orthopedic surgey' is not in specialties",
        ),
        (lambda d: d["categories"].pop("acupuncture"), "categories.acupuncture", "is missing"),
        (
            lambda d: d["categories"].__setitem__("dental", ["dentistry"]),
            "categories.dental",
            "is not a treatment category",
        ),
        (
            lambda d: d["icd10"][0].__setitem__("from", "A0"),
            "icd10[0].from",
            "is not an ICD-10-CM category",
        ),
        (
            lambda d: d["icd10"][0].__setitem__("to", "A00"),
            "icd10[0].to",
            "'A00' comes before 'A01'",
        ),
        (
            lambda d: d["icd10"][1].__setitem__("specialties", []),
            "icd10[1].specialties",
            "non-empty list",
        ),
        (lambda d: d["icd10"][2].__setitem__("colour", "red"), "icd10[2].colour", "unknown key"),
        (
            lambda d: d["keywords"].__setitem__("dry needling", ["accupuncture"]),
            "keywords.'dry needling'[0]",
            "'accupuncture' is not in specialties",
        ),
        (
            lambda d: d["keywords"].__setitem__("--", ["acupuncture"]),
            "keywords.'--'",
            "has no words",
        ),
        (
            lambda d: d["aliases"].__setitem__("ortho", "orthopedics"),
            "aliases.'ortho'",
            "'orthopedics' is not in specialties",
        ),
        (
            lambda d: d["specialties"].append("Psychiatry"),
            "specialties",
            "'psychiatry' is listed twice",
        ),
        (lambda d: d.__setitem__("extra", 1), "extra", "unknown key"),
    ],
)
def test_a_bad_table_is_refused_naming_the_key(change, path, message):
    data = _data()
    if path.startswith("icd10[0].to"):
        data["icd10"][0]["from"] = "A01"
    change(data)
    with pytest.raises(InvalidInput) as caught:
        load_specialty_table(data)
    assert any(p.path == path and message in p.message for p in caught.value.problems), (
        caught.value.problems
    )


def test_every_problem_in_a_table_is_reported_at_once():
    data = copy.deepcopy(_data())
    data["categories"]["surgery"] = ["nobody"]
    data["icd10"][0]["from"] = "??"
    with pytest.raises(InvalidInput) as caught:
        load_specialty_table(data)
    assert {p.path for p in caught.value.problems} == {"categories.surgery[0]", "icd10[0].from"}


def test_a_bad_file_names_the_file(tmp_path):
    bad = tmp_path / "specialties.toml"
    bad.write_text("specialties = [\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"specialties\.toml"):
        read_specialty_table(bad)
    bad.write_text('specialties = ["x"]\n[categories]\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        read_specialty_table(bad)
    assert caught.value.problems[0].path.startswith("specialties.toml: categories.")


@pytest.mark.parametrize(
    ("rule", "treatment", "category", "icd10", "expected"),
    [
        (
            ("category", "surgery", ["Orthopaedic Surgery"]),
            "Shoulder surgery",
            Category.SURGERY,
            (),
            {ORTHO},
        ),
        (
            ("icd10", "M40-M54", ["Sports Medicine"]),
            "Lumbar brace",
            Category.DMEPOS,
            ("M54.5",),
            {PMR, ORTHO, "occupational medicine", "sports medicine"},
        ),
        (
            ("icd10", "G89", ["neurology"]),
            "Follow-up",
            Category.OTHER,
            ("G89.29",),
            {"occupational medicine", PMR, "internal medicine", "family medicine", "neurology"},
        ),
        (
            ("keyword", "dry needling", ["acupuncture", "PM&R"]),
            "Dry needling x4",
            Category.OTHER,
            (),
            {"acupuncture", PMR},
        ),
        (("keyword", "lumbar fusion", []), "Lumbar fusion", Category.SURGERY, (), {ORTHO, NEURO}),
    ],
)
def test_staff_edits_replace_the_shipped_entry_of_their_key(
    rule, treatment, category, icd10, expected
):
    edited = with_overrides(TABLE, [rule])
    assert specialties_for(edited, treatment, category, icd10) == frozenset(expected)


def test_bad_staff_edits_are_refused_by_kind_and_key():
    with pytest.raises(InvalidInput) as caught:
        with_overrides(
            TABLE,
            [("category", "dental", ["x"]), ("icd10", "M54-M40", ["x"]), ("colour", "red", [])],
        )
    assert [p.path for p in caught.value.problems] == [
        "category dental",
        "icd10 M54-M40",
        "colour red",
    ]
