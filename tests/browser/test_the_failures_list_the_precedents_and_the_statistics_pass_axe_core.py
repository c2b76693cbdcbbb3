"""The pages the every-page axe-core check sees only empty, checked full at 1280 and 320 CSS
pixels: the staff list of letters ingest could not read, holding failures (one with a long
file name and reason); the precedent panel of the reviewer's workspace with a cohort that
shows its rate, one too small for a rate and an item with no precedent; the statistics with
rates shown and withheld, an empty corpus, and the statistics refusing a parameter."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.public_factories import item, make_decision
from openimr.review.tests import conftest as review
from tests.browser.axe import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
cast = review.cast
under_review = review.under_review
WIDTHS = (1280, 320)


def _corpus() -> None:
    for k in range(24):  # a cohort of 24, rate shown
        make_decision(
            summary="Low back strain.",
            items=[
                item("Physical therapy 2x6 lumbar", outcome="overturned" if k < 6 else "upheld")
            ],
        )
    for _ in range(3):  # a cohort of 3, too few for a rate
        make_decision(items=[item("MRI lumbar spine", category="diagnostics", family="odg")])


def _failures(folder) -> None:
    (folder / "shopping.txt").write_text("eggs, milk and flour", encoding="utf-8")
    long_name = "a-letter-scanned-at-the-front-desk-" * 4 + ".pdf"
    (folder / long_name).write_bytes(b"%PDF-1.7 not really a PDF")
    corpus_ingest([folder], actor="test")


# What each page must show for the check to mean anything: the full state, not an empty one.
SHOWN = {
    "/decisions/failures/": ("#failures tbody tr:nth-child(2) td.errorlist",),
    "/review/CM16-0400101/": ("#precedents .cohort-rate", "#precedents .no-rate"),
    "/decisions/analytics/?year=2016": ("#errors[role=alert]",),
}


def _check(browser, base: str, session: str | None, urls: list[str], broken: dict) -> None:
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        if session:
            cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}
            context.add_cookies([cookie])
        page = context.new_page()
        for url in urls:
            page.goto(base + url)
            for selector in SHOWN.get(url, ()):
                assert page.locator(selector).count() >= 1, (url, selector)
            if found := violations(page):
                broken[f"{url} at {width}px"] = found
        context.close()


def _session(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_the_failures_precedents_and_statistics_break_no_axe_core_rule(
    browser, live_server, cast, under_review, tmp_path
):
    cache.clear()
    broken: dict = {}
    _check(browser, live_server.url, None, ["/decisions/analytics/"], broken)
    _corpus()
    _failures(tmp_path)
    cache.clear()
    staff = _session(cast.clerk)
    _check(browser, live_server.url, staff, ["/decisions/failures/"], broken)
    workspace = f"/review/{under_review}/"
    _check(browser, live_server.url, _session(cast.reviewer), [workspace], broken)
    public = ["/decisions/analytics/", "/decisions/analytics/?year=2016"]
    _check(browser, live_server.url, None, public, broken)
    assert broken == {}
