"""A real Chromium (Debian's, installed by .ci/run) driven by Playwright against the live
test server. Screenshots go to test-artifacts/ for people to look at."""

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("OPENIMR_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop in this thread; Django must allow the ORM here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM} (the Makefile's browser-deps target installs it)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


def screenshot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path


def log_in(page: object, live_server: object, username: str, password: str) -> None:
    """The login form, then the two-step verification page with a code computed from the
    user's authenticator (a confirmed TOTP device, made here when the user has none)."""
    from django.contrib.auth import get_user_model

    from openimr.accounts.tests.helpers import totp_code, totp_device

    device = totp_device(get_user_model().objects.get(username=username))
    page.goto(f"{live_server.url}/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", username)  # type: ignore[attr-defined]
    page.fill("#id_password", password)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("#id_code")  # type: ignore[attr-defined]
    page.fill("#id_code", totp_code(device))  # type: ignore[attr-defined]
    # By name: the page's header holds a "Log out" button too.
    click_and_load(page, "button:has-text('Verify')")


def click_and_load(page: object, selector: str) -> None:
    """Clicks what sends the page away (a form's button, a link) and returns once the page
    that answers has loaded whole. Playwright's own wait after a click ends when the answer
    "starts loading", before it is parsed: a count or a text read then can miss what is
    still to come, and a wait_for_load_state() that runs before the navigation has begun
    returns at once, on the page that was clicked. The more loaded the machine, the wider
    both gaps."""
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click(selector)  # type: ignore[attr-defined]


def focus_settled(page: object) -> None:
    """Waits, up to 5 s, for the page just loaded to put its focus on a field. Chromium moves
    to an `autofocus` field when it next renders, which can be after the load event, so a
    test that read the focus at once could find it still on the page's body. A page that
    never moves it leaves it there, and the test reading it fails."""
    from playwright.sync_api import TimeoutError as NotInTime

    page.wait_for_load_state()  # type: ignore[attr-defined]
    with contextlib.suppress(NotInTime):
        page.wait_for_function(  # type: ignore[attr-defined]
            "() => document.activeElement && document.activeElement !== document.body",
            timeout=5000,
        )


# A rationale a reviewer might write for the demo case's first item (physical therapy).
PT_RATIONALE = (
    "The MTUS Chronic Pain guideline allows up to 10 visits for radiculitis; twelve were "
    "completed, so further therapy is not medically necessary."
)


@pytest.fixture
def demo_case_in_review() -> None:
    """The demo case (openimr/demo/cases/cm16-0400101.json) undecided, assigned to its one
    reviewer, jroe."""
    import json

    from openimr.cases.interchange import case_from_document
    from openimr.cases.services import case_import
    from openimr.review.tests.conftest import CASE, assign, person, undecided

    demo = Path(__file__).resolve().parents[2] / "openimr" / "demo" / "cases" / "cm16-0400101.json"
    doc = undecided(json.loads(demo.read_text(encoding="utf-8")))
    case_import(case=case_from_document(doc), actor="test")
    assign(CASE, person("jroe", "reviewer"), "R-1", "Jane Q. Roe")


@pytest.fixture
def three_lumbar_letters() -> None:
    """Three published letters on one lumbar injection, decided in January to March 2016:
    enough for a search page of words, of filters alone, and of three pages one by one."""
    from django.core.cache import cache

    from openimr.decisions.tests.public_factories import item, make_decision

    cache.clear()
    for n in range(3):
        make_decision(
            case_number=f"CM16-000030{n}",
            decided=dt.date(2016, 1 + n, 10),
            summary="Lumbar radiculopathy after lifting.",
            items=[item("Lumbar epidural steroid injection", category="injections")],
        )
