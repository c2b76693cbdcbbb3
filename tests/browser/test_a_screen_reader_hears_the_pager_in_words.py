"""The pager's links, in a real Chromium's accessibility tree, are "Previous page" and "Next
page": a screen reader read their arrows out ("leftwards arrow Previous"). The arrows stay
on screen, hidden from assistive technology."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_screen_reader_hears_the_pager_links_in_words_without_the_arrows(
    live_server, page, three_lumbar_letters
):
    page.goto(f"{live_server.url}/decisions/?per_page=1&page=2")
    pager = page.get_by_role("navigation", name="Pages of results")
    previous = pager.get_by_role("link", name="Previous page", exact=True)
    following = pager.get_by_role("link", name="Next page", exact=True)
    assert previous.count() == 1 and following.count() == 1
    assert "←" in previous.inner_text() and "→" in following.inner_text()  # still seen
    tree = pager.aria_snapshot()
    assert "←" not in tree and "→" not in tree, tree


@pytest.mark.parametrize("path", ["/decisions/CM16-0000300/", "/decisions/analytics/"])
def test_the_link_back_to_the_search_is_heard_without_its_arrow(
    live_server, page, three_lumbar_letters, path
):
    page.goto(live_server.url + path)
    back = page.get_by_role("link", name="Published decisions", exact=True)
    assert back.count() == 1
    assert "←" not in page.get_by_role("main").aria_snapshot()
