"""A reviewer specialty as a letter prints it is read as the known specialty it names
(openimr/letters/parsing/specialties.py), a misprint as the one known name it is near, and an
unknown name is kept as printed with a warning: the public search and the analytics count
"Sports Medicinea" under Sports Medicine, and a name no list knows is not silently lost."""

import pytest

from openimr.letters.parsing import parse_text
from openimr.letters.parsing.specialties import ALIASES, KNOWN, Reading, key, read_specialty
from openimr.letters.tests.test_parse_support import SEED


@pytest.mark.parametrize(
    ("printed", "reading"),
    [
        (
            "Physical Medicine & Rehabilitation",
            Reading("Physical Medicine & Rehabilitation", "known"),
        ),
        (
            "Physical Medicine and Rehabilitation",
            Reading("Physical Medicine & Rehabilitation", "known"),
        ),
        (
            "PHYSICAL MEDICINE & REHABILITATION",
            Reading("Physical Medicine & Rehabilitation", "known"),
        ),
        ("Family Practice", Reading("Family Practice", "known")),
        ("Family Medicine", Reading("Family Medicine", "known")),
        ("Pain Management", Reading("Pain Management", "known")),
        ("Orthopaedic Surgery", Reading("Orthopedic Surgery", "known")),
        ("PM&R", Reading("Physical Medicine & Rehabilitation", "known")),
        ("Sports Medicinea", Reading("Sports Medicine", "near")),
        ("Anesthesiolgy", Reading("Anesthesiology", "near")),
        ("Occupational Medcine", Reading("Occupational Medicine", "near")),
        ("Neurology", Reading("Neurology", "known")),
        ("Urology", Reading("Urology", "known")),
        ("Neurolgy", Reading("Neurology", "near")),
        ("Underwater Basket Weaving", Reading("Underwater Basket Weaving", "unknown")),
        ("Pedology", Reading("Pedology", "unknown")),
    ],
)
def test_a_printed_specialty_reads_as(printed, reading):
    assert read_specialty(printed) == reading


def test_two_known_names_as_near_are_not_guessed_between():
    # One letter away from both "Chiropractic" and "Chiropractor" (92 each): either is a guess.
    assert read_specialty("Chiropractoc") == Reading("Chiropractoc", "unknown")
    assert read_specialty("Chiropractc") == Reading("Chiropractic", "near")


def test_every_alias_names_a_known_specialty_and_no_two_known_names_share_a_key():
    assert set(ALIASES.values()) <= set(KNOWN)
    assert len({key(name) for name in KNOWN}) == len(KNOWN)


def test_every_known_name_is_far_enough_from_the_others_to_be_read_as_itself():
    """No known name is a misprint of another: each reads as itself, never as its neighbour."""
    assert all(read_specialty(name) == Reading(name, "known") for name in KNOWN)


def _seed_with_specialty(specialty: str) -> str:
    text = SEED.read_text(encoding="utf-8")
    printed = "Board Certified in Physical Medicine & Rehabilitation"
    assert printed in text
    return text.replace(printed, f"Board Certified in {specialty}")


def test_an_unknown_specialty_is_kept_as_printed_and_warned_about():
    letter = parse_text(_seed_with_specialty("Underwater Basket Weaving"))
    assert letter.case["reviewer"]["specialties"] == ["Underwater Basket Weaving"]
    assert (
        'reviewer specialty "Underwater Basket Weaving" is not a known one: kept as printed'
        in letter.warnings
    )
    assert letter.confidence["reviewer.specialties"] == 0.5
    assert letter.printed == {}


def test_a_specialty_written_with_and_is_read_without_a_warning_and_kept_as_printed():
    letter = parse_text(_seed_with_specialty("Physical Medicine and Rehabilitation"))
    assert letter.case["reviewer"]["specialties"] == ["Physical Medicine & Rehabilitation"]
    assert not [w for w in letter.warnings if "specialty" in w]
    assert letter.printed == {"reviewer.specialties": ["Physical Medicine and Rehabilitation"]}


def test_a_specialty_read_as_one_already_listed_is_listed_once():
    letter = parse_text(_seed_with_specialty("Orthopedic Surgery, Orthopaedic Surgery"))
    assert letter.case["reviewer"]["specialties"] == ["Orthopedic Surgery"]
