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
    # Swagger UI draws the operations from the schema it fetches after the load event: wait
    # for the one looked for, not for the first drawn and then a list read once.
    page.wait_for_selector(".opblock-summary-path:has-text('/api/v1/decisions')", timeout=15_000)
    assert outside == [] and failed == [], (outside, failed)
