import pytest

from openimr.records.domain.pages import Page, pages_of, split_pages


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("one page", ("one page",)),
        ("first\fsecond", ("first", "second")),
        ("first\fsecond\f", ("first", "second")),
        ("first\f\fthird", ("first", "", "third")),
        ("", ("",)),
    ],
    ids=["no form feed", "two pages", "trailing form feed", "blank page kept", "empty"],
)
def test_extracted_text_splits_into_pages_at_form_feeds(text, pages):
    assert split_pages(text) == pages


def test_pages_are_numbered_from_one_for_their_document():
    assert pages_of("doc-7", "a\fb") == (Page("doc-7", 1, "a"), Page("doc-7", 2, "b"))
