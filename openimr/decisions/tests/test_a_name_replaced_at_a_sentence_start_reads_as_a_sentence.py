"""A name replaced at the start of a sentence (or of a text) gives role words that start
with a capital, as the name did: "John Smith (DOB 03/04/1970) is a 45 year old" had read
"the injured worker (DOB [redacted]) is ...". Elsewhere the role words stay lower case.
Over the 182 real letters nothing changes (none starts a sentence with a name the case
states); over 800 generated ones only such capitals do (compared before and after)."""

import pytest

from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.deidentify import sentence_starts_at


def _summary(text: str) -> str:
    doc = {
        "employee": {"name": "John Smith"},
        "employer": {"name": "Acme Logistics, Inc."},
        "requesting_physician": {"name": "Maria Gonzalez"},
        "clinical_summary": text,
    }
    return str(deidentify_document(doc)["clinical_summary"])


@pytest.mark.parametrize(
    ("text", "public"),
    [
        (
            "John Smith (DOB 03/04/1970) is a 45 year old male.",
            "The injured worker (DOB [redacted]) is a 45 year old male.",
        ),
        (
            "Seen on 1/2/2016. Smith's pain persists.",
            "Seen on 1/2/2016. The injured worker's pain persists.",
        ),
        (
            "Improved!  SMITH, JOHN returned to work.",
            "Improved!  The injured worker returned to work.",
        ),
        (
            "Pain persists?\nJ.S. reports relief.",
            "Pain persists?\nThe injured worker reports relief.",
        ),
        ("Denied. Acme Logistics appealed.", "Denied. The employer appealed."),
        ("Denied. Dr. Gonzalez appealed.", "Denied. The treating physician appealed."),
        ("Dr. Lee wrote that rest helps.", "The physician wrote that rest helps."),
        # Not a sentence's start: the role words stay as they were.
        ("Records show John Smith was seen.", "Records show the injured worker was seen."),
        ("Seen by Dr. Gonzalez. Better.", "Seen by the treating physician. Better."),
        ("Others, e.g. Smith, improved.", "Others, e.g. the injured worker, improved."),
        ("Filed by Acme Logistics.", "Filed by the employer."),
        ('He said "Smith is fine."', 'He said "the injured worker is fine."'),
    ],
)
def test_role_words_start_with_a_capital_only_where_a_sentence_starts(text, public):
    assert _summary(text) == public


def test_each_text_of_a_document_starts_its_own_sentence():
    doc = {
        "employee": {"name": "John Smith"},
        "clinical_summary": "Back pain after a fall.",
        "items": [{"treatment": "MRI", "rationale": "Smith has not had conservative care."}],
    }
    public = deidentify_document(doc)
    assert public["items"][0]["rationale"] == "The injured worker has not had conservative care."


@pytest.mark.parametrize(
    ("text", "at", "starts"),
    [
        ("Smith", 0, True),
        ("a\x00Smith", 2, True),
        ("Done. Smith", 6, True),
        ("Done.\n\nSmith", 7, True),
        ("Done.Smith", 5, False),
        ("J. Smith", 3, False),
        ("vs. Smith", 4, False),
        ("seen by Smith", 8, False),
    ],
)
def test_a_sentence_starts_at_a_text_start_or_after_its_closing_mark(text, at, starts):
    assert sentence_starts_at(text, at) is starts
