"""A refused search, in a real Chromium, names what the visitor typed in words: "The search
box", "The page number". It read "$.q" and "$.page", the API's field paths, which a
visitor of the page never typed."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_refused_search_names_the_search_box_and_the_page_number_in_words(
    live_server, page, three_lumbar_letters
):
    page.goto(f"{live_server.url}/decisions/?q=*&page=0")
    errors = page.inner_text("#errors")
    assert "The search box: holds no letter or digit to search for" in errors
    assert "The page number: " in errors
    assert "$." not in errors
    screenshot(page, "search-refused-in-words")
