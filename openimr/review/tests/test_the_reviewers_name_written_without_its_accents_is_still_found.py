"""The reviewer's name is confidential in everything the parties receive (LC 4610.6(f);
Zuniga v. WCAB, 2018), and QA's check of the summary and rationales for it compared the
characters as written: a reviewer recorded as "Dr. Zoë Łukasiewicz" who signed "Zoe
Lukasiewicz" on a keyboard without accents, one recorded as "Luis Nunez" who wrote "Dr.
Núñez", and a surname with a soft hyphen pasted inside it from a PDF ("Lind\u00adqvist",
printed "Lindqvist") all passed QA into the letter. Accents, letters like Ł and invisible
characters now make no difference, in the text or in the name."""

import pytest

from openimr.review.domain.identity import ReviewerIdentity, identity_found

CASES = {
    "accents dropped": ("Dr. Zoë Łukasiewicz", "Reviewed by Zoe Lukasiewicz."),
    "titled surname without its Ł": ("Dr. Zoë Łukasiewicz", "Signed, Dr. Lukasiewicz"),
    "accents added": ("Dr. Luis Nunez", "In the opinion of Dr. Núñez the request fails."),
    "accents combined apart": ("Dr. Luis Nunez", "Luis Nun\u0303ez, MD"),
    "soft hyphen inside": ("Dr. Maya Lindqvist", "Per Dr. Lind\u00adqvist."),
    "zero-width space inside": ("Dr. Maya Lindqvist", "Lind\u200bqvist"),
    "full-width letters": ("Dr. Maya Lindqvist", "ＬＩＮＤＱＶＩＳＴ"),
    "Scandinavian ø": ("Dr. Søren Kjær", "Soren Kjaer reviewed the file."),
}


@pytest.mark.parametrize(("name", "text"), CASES.values(), ids=CASES.keys())
def test_the_name_is_found_however_its_accents_were_typed(name, text):
    assert identity_found(text, ReviewerIdentity((name,))) == ("name",)


@pytest.mark.parametrize(
    "text",
    ["the nunez test was negative.", "Lumbar lordosís is kept.", "No soren area tenderness."],
)
def test_a_lower_case_word_like_the_surname_is_still_not_the_reviewer(text):
    identity = ReviewerIdentity(("Dr. Luis Núñez", "Dr. Søren Lordosís"))
    assert identity_found(text, identity) == ()
