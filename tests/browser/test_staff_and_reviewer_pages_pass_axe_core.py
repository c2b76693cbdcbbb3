"""Every page of the staff and reviewer side, as each role that opens it sees it, passes
axe-core's WCAG 2.1 A and AA rules and best practices (tests/browser/axe.py) on a wide
screen and at 320 CSS pixels (a phone, or 400% zoom): the case list, case page and
timeline, the intake form, the case file and its upload form, the reviewer panel, the
reviewer's workspace and record pages, the QA sign-off, the letter preview and a notice,
the work queue and the timeliness report. The public pages were checked so before
(docs/web.md)."""

import pytest
from django.conf import settings

from openimr.core import authz_matrix as matrix
from tests.a11y_pages import NOT_OURS
from tests.authz_requests import route_values
from tests.authz_routes import django_routes
from tests.authz_world import IN_QA, ISSUED, REVIEW_A, World, build_world
from tests.browser.axe import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# The reviewer's and QA's pages first: each page is checked once, as the first role here
# that opens it, and every role's own menu with it.
ROLES = ("reviewer", "qa", "intake", "admin")
WIDTHS = (1280, 320)


def _pages(world: World) -> list[tuple[str, str]]:
    """(role, url) of each page beyond the public ones: files (PDF, CSV) left out, save a
    notice asked for as HTML."""
    seen, pages = set(), []
    for role in ROLES:
        for route in django_routes():
            expected = matrix.expected(route.key) or {}
            last = route.template.rstrip("/").rsplit("/", 1)[-1]
            if (
                route.template.startswith(NOT_OURS)
                or expected.get(role) != matrix.OK
                or expected.get("public") == matrix.OK
                or ("." in last and route.key != "cases:notice_pdf")
            ):
                continue
            values = route_values(route, role, world, foreign=False)
            url = route.url(values)
            if route.key == "cases:notice_pdf":
                notice = world.notices.get(str(values["case_number"]), 0)
                url += f"?format=html&id={notice}"
            if url not in seen:
                seen.add(url)
                pages.append((role, url))
    return pages


def test_no_staff_or_reviewer_page_breaks_an_axe_core_rule(browser, live_server):
    world = build_world()
    pages = _pages(world)
    urls = {url for _, url in pages}
    for asked in (
        "/cases/",
        "/cases/new/",
        f"/cases/{REVIEW_A}/",
        f"/cases/{REVIEW_A}/timeline/",
        f"/records/{REVIEW_A}/",
        "/reviewers/",
        f"/review/{REVIEW_A}/",
        f"/review/qa/{IN_QA}/",
        f"/cases/{ISSUED}/letter/",
        "/cases/timeliness/",
    ):
        assert asked in urls, f"{asked} is not among the pages checked"
    broken = {}
    for width in WIDTHS:
        for role in ROLES:
            context = browser.new_context(viewport={"width": width, "height": 900})
            session = world.client(role).cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
            )
            page = context.new_page()
            for url in (url for who, url in pages if who == role):
                response = page.goto(live_server.url + url)
                assert response is not None and response.status == 200, (url, role)
                found = violations(page)
                if found:
                    broken[f"{url} as {role} at {width}px"] = found
            context.close()
    assert broken == {}
