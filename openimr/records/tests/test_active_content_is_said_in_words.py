"""What a PDF carries, in the words staff and the reviewer read, and which copy a reader
gets: the original only when it carries nothing, or when staff ask for it by name."""

import pytest

from openimr.records.domain.active_content import (
    ActiveContent,
    Form,
    active_content_words,
    reader_gets_original,
)

WORDS = [
    (ActiveContent(), ""),
    (ActiveContent(form=Form.ACROFORM), ""),
    (ActiveContent(javascript=1), "this PDF contains JavaScript (1 script)"),
    (ActiveContent(attachments=2), "this PDF contains 2 attached files"),
    (
        ActiveContent(javascript=3, attachments=1),
        "this PDF contains JavaScript (3 scripts) and 1 attached file",
    ),
    (
        ActiveContent(javascript=1, launch=2, attachments=2, form=Form.XFA),
        "this PDF contains JavaScript (1 script), 2 actions that start a program or open a "
        "file, 2 attached files and an XFA form, which can hold scripts of its own",
    ),
]


@pytest.mark.parametrize(("found", "said"), WORDS)
def test_the_finding_reads_as_a_sentence(found, said):
    assert active_content_words(found) == said


ORIGINAL = [
    (ActiveContent(), False, True),
    (ActiveContent(form=Form.ACROFORM), False, True),
    (ActiveContent(form=Form.XFA), False, False),
    (ActiveContent(javascript=1), False, False),
    (ActiveContent(attachments=1), False, False),
    (None, False, False),
    (ActiveContent(launch=1), True, True),
    (None, True, True),
]


@pytest.mark.parametrize(("found", "deliberately", "original"), ORIGINAL)
def test_the_original_goes_out_only_when_clean_or_asked_for(found, deliberately, original):
    assert reader_gets_original(found, deliberately=deliberately) is original


def test_the_count_round_trips_through_its_stored_form():
    found = ActiveContent(javascript=2, launch=1, attachments=3, form=Form.XFA)
    assert ActiveContent.from_dict(found.as_dict()) == found
