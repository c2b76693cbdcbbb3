"""The reviewer's name and identifiers are found in text meant for the parties (LC 4610.6(f))."""

import pytest

from openimr.review.domain.identity import ReviewerIdentity, identity_found

ROE = ReviewerIdentity(("Jane Q. Roe, MD", "Dr. Roe"), ("A-123456",))
PAGE = ReviewerIdentity(("Matthew J. Page",))


@pytest.mark.parametrize(
    ("identity", "text", "found"),
    [
        (ROE, "Reviewed by Jane Q. Roe.", ("name",)),
        (ROE, "reviewed by JANE Q ROE", ("name",)),
        (ROE, "Signed, Jane Roe", ("name",)),
        (ROE, "Roe, Jane", ("name",)),
        (ROE, "In the opinion of Dr. Roe the request fails.", ("name",)),
        (ROE, "per doctor roe", ("name",)),
        (ROE, "License A 123456.", ("identifier",)),
        (ROE, "license a123456", ("identifier",)),
        (ROE, "license number 123456", ("identifier",)),
        (ROE, "Jane Q. Roe, license A-123456", ("name", "identifier")),
        (PAGE, "Matthew Page reviewed it.", ("name",)),
        (PAGE, "As Page noted, it fails.", ("name",)),
        (PAGE, "PAGE", ("name",)),
    ],
    ids=[
        "full name",
        "any case, no period",
        "first and last name",
        "last name first",
        "titled surname",
        "titled surname in lower case",
        "license with a space",
        "license without punctuation",
        "license digits alone",
        "name and license",
        "first and last of a long name",
        "long surname alone",
        "long surname in capitals",
    ],
)
def test_the_reviewers_identity_is_found_however_it_is_written(identity, text, found):
    assert identity_found(text, identity) == found


@pytest.mark.parametrize(
    ("identity", "text"),
    [
        (ROE, "The patient ate fish roe."),
        (ROE, "Roe deer are common."),
        (ROE, "Janet Roebuck was seen."),
        (ROE, "Take 12345 steps a day."),
        (ROE, "Batch 1234567 was used."),
        (PAGE, "MTUS, page 99."),
        (PAGE, "Pages 98-99 apply."),
        (ReviewerIdentity(("Dr.",), ("12",)), "Dr. Lee prescribed 12 tablets."),
        (ReviewerIdentity(), "Jane Q. Roe"),
    ],
    ids=[
        "a short surname as a word",
        "a short surname untitled",
        "a surname inside a longer name",
        "a shorter number",
        "a longer number",
        "a long surname as a lower-case word",
        "a plural of it",
        "an identity too short to search for",
        "nothing known",
    ],
)
def test_ordinary_words_and_numbers_are_not_the_reviewer(identity, text):
    assert identity_found(text, identity) == ()
