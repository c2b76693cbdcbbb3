"""An anonymous visitor searches the public corpus in a real browser, applies two filters,
opens a decision, then opens the statistics page with every request outside 127.0.0.1
blocked and sees its charts drawn (SVG, nothing fetched from elsewhere, no failed request)."""

import datetime as dt
import re
from urllib.parse import urlparse

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WAIT = 30_000  # ms: Playwright's default for an action, for checks too (theirs is 5 s)


@pytest.fixture
def corpus() -> None:
    cache.clear()
    for n in range(6):
        make_decision(
            case_number=f"CM16-000010{n}",
            decided=dt.date(2016, 1 + n, 10),
            summary="Lumbar radiculopathy after lifting; the employee asks for injections.",
            items=[
                item(
                    "Lumbar epidural steroid injection",
                    category="injections",
                    outcome="overturned" if n % 2 else "upheld",
                    family="odg" if n % 3 else "mtus",
                    rationale="Radicular findings are documented on examination.",
                )
            ],
        )
    make_decision(case_number="CM15-0000200", decided=dt.date(2015, 5, 1), summary="Knee pain.")


def _block_outside(page, live_server_url: str, outside: list[str], failed: list[str]) -> None:
    local = urlparse(live_server_url).hostname

    def route(r):
        if urlparse(r.request.url).hostname in (local, "127.0.0.1"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    # A request the browser itself gave up (net::ERR_ABORTED) is not a failure of the page:
    # Chromium fetches the icon after the load event and drops it when the test moves on,
    # which failed CI once. What would be one is answered here: the network refusing a
    # request, and the server answering any of the page's requests with an error status.
    page.on(
        "requestfailed",
        lambda request: (
            request.failure == "net::ERR_ABORTED"
            or failed.append(f"{request.url}: {request.failure}")
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status < 400 or failed.append(f"{response.url}: HTTP {response.status}")
        ),
    )


def test_a_visitor_searches_filters_reads_a_decision_and_sees_the_charts_offline(
    live_server, page, corpus
):
    # Every check waits for what it reads, up to Playwright's own 30 s: on a loaded 2-core
    # CI box a page can take seconds, and a check made once, at a fixed moment, failed
    # there. Each page is loaded whole before the next is asked for, so that no request of
    # it is cut short by the test's own navigation (Chromium reports that as a failed one).
    from playwright.sync_api import expect  # as conftest: only the browser tests need it

    outside: list[str] = []
    failed: list[str] = []
    _block_outside(page, live_server.url, outside, failed)
    page.goto(f"{live_server.url}/decisions/")
    page.fill("input[name=q]", "lumbar injection")
    page.click("#search button[type=submit]")
    page.wait_for_url(re.compile(r"[?&]q=lumbar"))
    summary = page.locator("#summary")
    expect(summary).to_contain_text("6 decisions", timeout=WAIT)
    expect(page.locator(".snippet mark").first).to_be_visible(timeout=WAIT)

    page.click("#facet-outcome >> text=Overturned")
    expect(summary).to_contain_text("Decision: Overturned", timeout=WAIT)
    page.click("#facet-family >> text=ODG")
    expect(summary).to_contain_text("Guideline family: ODG", timeout=WAIT)
    expect(summary).to_have_text(re.compile(r"^2 decisions"), timeout=WAIT)
    page.wait_for_load_state("load")
    screenshot(page, "public-corpus-search-filtered")

    page.locator("#results .hit h3 a").first.click()
    decisions = page.locator("#decisions")
    expect(decisions).to_contain_text("Overturned", timeout=WAIT)
    expect(decisions).to_contain_text("Radicular findings are documented", timeout=WAIT)
    page.wait_for_load_state("load")
    screenshot(page, "public-corpus-decision")

    page.goto(f"{live_server.url}/decisions/analytics/")
    page.wait_for_selector("#chart-category svg")
    assert page.locator("svg.chart").count() >= 4
    assert page.locator("#chart-letters svg rect.bar").count() == 7
    assert page.locator("#chart-category svg rect.bar").count() >= 1
    box = page.locator("#chart-letters svg").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    screenshot(page, "public-corpus-analytics")
    assert outside == [] and failed == []
