"""The guideline catalog: loading checks every key, and free citations find their entry."""

import json
import tomllib
from pathlib import Path

import pytest

from openimr.core.case import Citation
from openimr.core.errors import InvalidInput
from openimr.guidelines.domain.catalog import (
    Catalog,
    GuidelineEntry,
    family_of,
    load_catalog,
    words,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "programs" / "ca_dwc_imr" / "guidelines.toml"
GOOD = {
    "id": "mtus-chronic-pain",
    "family": "mtus",
    "title": "Chronic Pain Medical Treatment Guidelines",
    "part": "",
    "edition": "2009",
    "section": "8 CCR 9792.24.2",
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(tomllib.loads(DATA.read_text()))


def test_the_program_catalog_loads_with_every_family(catalog):
    families = {e.family for e in catalog.entries}
    assert families == {
        "mtus",
        "acoem",
        "odg",
        "other_guideline",
        "peer_reviewed",
        "expert_opinion",
        "standard_practice",
    }


def test_every_mtus_entry_names_its_section(catalog):
    assert all(e.section.startswith("8 CCR 9792.") for e in catalog.entries if e.family == "mtus")


def test_a_good_entry_loads_as_a_frozen_dataclass():
    loaded = load_catalog({"entries": [{**GOOD, "aliases": ["CPMTG"]}]})
    assert loaded.entries == (GuidelineEntry(**GOOD, aliases=("CPMTG",)),)
    assert loaded.get("mtus-chronic-pain") is loaded.entries[0]
    assert loaded.get("nope") is None


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"id": "Bad Id"}, "entries[0].id"),
        ({"id": 3}, "entries[0].id"),
        ({"family": "textbook"}, "entries[0].family"),
        ({"title": " "}, "entries[0].title"),
        ({"title": None}, "entries[0].title"),
        ({"part": 12}, "entries[0].part"),
        ({"edition": 2009}, "entries[0].edition"),
        ({"section": ""}, "entries[0].section"),
        ({"aliases": "ODG"}, "entries[0].aliases"),
        ({"aliases": [""]}, "entries[0].aliases"),
        ({"colour": "red"}, "entries[0].colour"),
    ],
)
def test_a_bad_entry_names_its_key(change, path):
    with pytest.raises(InvalidInput) as caught:
        load_catalog({"entries": [{**GOOD, **change}]})
    assert path in [p.path for p in caught.value.problems]


def test_a_missing_key_is_named():
    entry = {k: v for k, v in GOOD.items() if k != "edition"}
    with pytest.raises(InvalidInput) as caught:
        load_catalog({"entries": [entry]})
    assert [p.path for p in caught.value.problems] == ["entries[0].edition"]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({}, "entries"),
        ({"entries": []}, "entries"),
        ({"entries": {"a": 1}}, "entries"),
        ({"entries": ["x"]}, "entries[0]"),
        ({"entries": [GOOD, GOOD]}, "entries[1].id"),
    ],
)
def test_a_bad_catalog_shape_is_named(data, path):
    with pytest.raises(InvalidInput) as caught:
        load_catalog(data)
    assert [p.path for p in caught.value.problems] == [path]


def _demo_citations():
    found = set()
    for file in sorted((ROOT / "demo" / "cases").glob("*.json")):
        for item in json.loads(file.read_text())["items"]:
            for key in ("claims_administrator_basis", "reviewer_basis"):
                found.update(c["citation"] for c in item.get(key) or [])
    return sorted(found)


def test_every_demo_citation_finds_an_entry(catalog):
    citations = _demo_citations()
    assert len(citations) >= 10
    assert [c for c in citations if catalog.find(c) is None] == []


@pytest.mark.parametrize(
    ("citation", "entry_id"),
    [
        (
            "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, pages 303-304",
            "mtus-acoem-low-back",
        ),
        ("Acupuncture Medical Treatment Guidelines, 8 CCR 9792.24.1", "mtus-acupuncture"),
        ("Acupuncture Medical Treatment Guidelines, 8 CCR 9792.24.1(c)(1)", "mtus-acupuncture"),
        (
            "Chronic Pain Medical Treatment Guidelines, Behavioral interventions, page 23",
            "mtus-chronic-pain",
        ),
        (
            "Chronic Pain Medical Treatment Guidelines, Opioids, criteria for use, pages 76-80",
            "mtus-chronic-pain",
        ),
        (
            "Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99",
            "mtus-chronic-pain",
        ),
        (
            "Official Disability Guidelines (ODG), Low Back - Lumbar and Thoracic, Physical Therapy, Updated August 22, 2014",
            "odg-low-back",
        ),
        (
            "Official Disability Guidelines, Low Back - Lumbar & Thoracic, MRIs (magnetic resonance imaging), updated July 2016",
            "odg-low-back",
        ),
        (
            "Official Disability Guidelines, Neck and Upper Back (Acute & Chronic), Pillow, updated June 2016",
            "odg-neck",
        ),
        (
            "Official Disability Guidelines, Treatment Index, 11th Edition (web), 2013, Knee and Leg Chapter, Exercise kits",
            "odg-knee",
        ),
        ("ODG, Low Back, Physical Therapy", "odg-low-back"),
        ("ODG, Pain (Chronic), Opioids, criteria for use", "odg-pain"),
        ("ODG, Mental Illness & Stress, Cognitive therapy", "odg-mental"),
        ("ODG, Shoulder, Surgery for impingement", "odg-shoulder"),
        ("ODG, Physical therapy", "odg"),
        ("ACOEM Practice Guidelines, 3rd Edition, Chronic Pain", "acoem-3rd"),
        ("Postsurgical Treatment Guidelines, Knee, arthroscopy", "mtus-postsurgical"),
        ("8 CCR 9792.24.3", "mtus-postsurgical"),
        ("Opioids Treatment Guideline, tapering", "mtus-opioids"),
        ("MTUS Drug Formulary, exempt drugs", "mtus-formulary"),
        ("MTUS, general principles", "mtus"),
        ("AAOS clinical practice guideline on knee osteoarthritis", "other-guideline"),
        ("Smith J, et al. Spine. 2015;40(3):123-130", "peer-reviewed"),
        ("Generally accepted standards of medical practice", "standard-practice"),
    ],
)
def test_a_free_citation_finds_its_entry(catalog, citation, entry_id):
    found = catalog.find(citation)
    assert found is not None and found.id == entry_id


def test_an_unknown_citation_finds_nothing(catalog):
    assert catalog.find("A note from the treating physician") is None


def test_find_can_be_limited_to_families(catalog):
    text = "ACOEM Practice Guidelines, Chapter 12, Low Back Complaints"
    assert catalog.find(text).family == "mtus"
    assert catalog.find(text, families={"acoem"}).family == "acoem"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Knee & Leg", "knee and legs"),
        ("MRIs", "MRI"),
        ("8 CCR 9792.24.1(c)(1)", "8 9792.24.1 c 1"),
        ("Chapter 12, pages 303-304", "12 303 304"),
    ],
)
def test_words_normalise_citation_styles(a, b):
    assert words(a) == words(b)


@pytest.mark.parametrize(
    ("citation", "family"),
    [
        (Citation(True, "Chronic Pain Medical Treatment Guidelines, Opioids"), "mtus"),
        (Citation(True, "anything at all"), "mtus"),
        (Citation(False, "ODG, Low Back, Physical Therapy"), "odg"),
        (Citation(False, "ACOEM Practice Guidelines, 2nd Edition, Chapter 12, Low Back"), "acoem"),
        (Citation(False, "Smith J, et al. Spine 2015"), "peer_reviewed"),
        (Citation(False, "AAOS guideline, hip fractures"), "other_guideline"),
        (Citation(False, "Expert opinion of the reviewer"), "expert_opinion"),
        (Citation(False, "Chronic Pain Medical Treatment Guidelines, Opioids"), "other"),
        (Citation(False, "UpToDate"), "other"),
    ],
)
def test_family_of_trusts_the_mtus_flag_then_the_catalog(catalog, citation, family):
    assert family_of(citation, catalog) == family


def test_family_of_an_empty_catalog_is_other():
    assert family_of(Citation(False, "ODG"), Catalog(())) == "other"
