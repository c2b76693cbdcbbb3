"""The order of the results is said next to their count, in a real Chromium: most relevant
first when words are searched, newest decision first otherwise. The page stated neither, and
a visitor paging a filtered list could not tell whether page 2 held older letters or less
relevant ones."""

import pytest

from tests.browser.conftest import click_and_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_count_says_the_results_come_newest_first_without_words(
    live_server, page, three_lumbar_letters
):
    page.goto(f"{live_server.url}/decisions/")
    assert page.inner_text("#summary") == "3 decisions, newest decision first"


def test_the_count_says_the_results_come_most_relevant_first_for_words(
    live_server, page, three_lumbar_letters
):
    page.goto(f"{live_server.url}/decisions/")
    page.fill("input[name=q]", "lumbar")
    # The page of all three letters, asked first, has results too: wait for the answer.
    click_and_load(page, "#search button[type=submit]")
    page.wait_for_selector("#results .hit")
    assert page.inner_text("#summary") == "3 decisions matching “lumbar”, most relevant first"
