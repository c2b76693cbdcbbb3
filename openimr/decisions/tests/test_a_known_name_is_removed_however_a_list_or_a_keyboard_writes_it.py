"""The case's own names go from every free text however they are written (LC 4610.6(f);
Civil Code 56.10; 45 CFR 164.514(b)(2)(i)(A)): an initial after the surname, as a list
writes it ("Lopez, M.", "Okonkwo R"), an initial without its period ("M Lopez"), a known
surname joined by a hyphen to one the case does not state ("Lopez-Garcia"), a typographic
apostrophe ("O’Donnell’s") or a space for the apostrophe ("O Donnell"), a bare possessive
apostrophe, which the role words write "'s" ("Lopez' husband"), misspelled and
reversed ("Lopes, Maria"). A degree after a name ("Lopez, M.D."), a pronoun ("I"), a sex
after a comma ("Lopez, M, 45") and another person's initial ("Lopez, A. Ruiz") are not its
initials."""

import pytest

from openimr.decisions.deidentify import deidentify_document

PARTIES = {
    "employee": "Maria Lopez",
    "requesting_physician": "Rosalind Okonkwo, MD",
    "attorney": "Marcus O'Donnell",
}


def public(text: str) -> str:
    doc: dict[str, object] = {party: {"name": name} for party, name in PARTIES.items()}
    doc["clinical_summary"] = text
    return deidentify_document(doc)["clinical_summary"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lopez, M. reported pain.", "The injured worker reported pain."),
        ("Lopez M reported pain.", "The injured worker reported pain."),
        ("M Lopez reported pain.", "The injured worker reported pain."),
        ("Okonkwo, R. requested PT.", "The treating physician requested PT."),
        ("Lopez-Garcia reported pain.", "The injured worker reported pain."),
        ("Maria Lopez-Garcia reported pain.", "The injured worker reported pain."),
        ("O’Donnell objected.", "The attorney objected."),
        ("Mr. O’Donnell’s letter.", "The attorney’s letter."),
        ("O’Donnel objected.", "The attorney objected."),
        ("O Donnell objected.", "The attorney objected."),
        ("Ms. Lopez' husband called.", "The injured worker's husband called."),
        ("Lopez’ husband called.", "The injured worker’s husband called."),
        ("Lopes, Maria was seen.", "The injured worker was seen."),
        ("R. Okonkwo and M. O'Donnell met.", "The treating physician and the attorney met."),
    ],
)
def test_a_known_name_reads_as_its_role_however_it_is_written(text, expected):
    assert public(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lopez, M.D. is not her title.", "The injured worker, M.D. is not her title."),
        ("Lopez, I think, improved.", "The injured worker, I think, improved."),
        ("Lopez, M, 45 years old.", "The injured worker, M, 45 years old."),
        ("A Lopez-type fracture was not described.", "A Lopez-type fracture was not described."),
        (
            "Lopez, A. Ruiz and Okonkwo met.",
            "The injured worker, A. Ruiz and the treating physician met.",
        ),
    ],
)
def test_a_degree_a_pronoun_or_an_other_word_after_a_known_name_stays(text, expected):
    assert public(text) == expected
