"""The REST API's interactive documentation (/api/v1/docs) draws its operations in a real
browser with every request outside the test server blocked: Swagger UI comes from the
app's own static files, which the Content-Security-Policy allows, never from a CDN."""

import pytest

from tests.browser.test_public_corpus import _block_outside

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_their_operations_with_no_internet(live_server, page):
    outside: list[str] = []
    failed: list[str] = []
    _block_outside(page, live_server.url, outside, failed)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/decisions" in path for path in paths), paths
    assert outside == [] and failed == [], (outside, failed)
