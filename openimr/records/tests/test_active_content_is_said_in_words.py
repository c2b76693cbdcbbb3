"""What a PDF carries, in the words staff and the reviewer read."""

import pytest

from openimr.records.domain.active_content import (
    ActiveContent,
    Form,
    active_content_words,
)

WORDS = [
    (ActiveContent(), ""),
    (ActiveContent(form=Form.ACROFORM), ""),
    (ActiveContent(javascript=1), "this PDF contains JavaScript (1 script)"),
    (ActiveContent(attachments=2), "this PDF contains 2 attached files"),
    (
        ActiveContent(submit=1),
        "this PDF contains 1 action that sends the form's data to an address",
    ),
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


def test_the_count_round_trips_through_its_stored_form():
    found = ActiveContent(javascript=2, launch=1, attachments=3, form=Form.XFA, submit=1)
    assert ActiveContent.from_dict(found.as_dict()) == found


def test_a_count_stored_before_submit_actions_were_counted_reads_as_none_of_them():
    stored = {"javascript": 1, "launch": 0, "attachments": 0, "form": ""}
    assert ActiveContent.from_dict(stored) == ActiveContent(javascript=1)
