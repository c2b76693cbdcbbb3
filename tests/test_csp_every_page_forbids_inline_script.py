"""Every page carries a Content-Security-Policy that lets scripts and styles come only from
this site's own files, and no page or template relies on inline script or style, which
the policy would block: a script injected into a page does not run."""

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from openimr.letters.render.html import STYLE
from tests.hostile_cases import DECIDED, UNDER_REVIEW, hostile_cases

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]
# Written while this policy arrived, by another hand: its inline style is blocked (the page
# shows unstyled) until it moves to a static file. Listed, not ignored: the tests fail when
# anything else appears, and when this is fixed, so that the entry is removed.
AWAITING_FIX: dict[str, list[str]] = {}
PAGES_AWAITING_FIX: dict[str, list[str]] = {}


def _pages(cast):
    decided, review = cast["decided_record"].pk, cast["review_record"].pk
    return {
        None: ["/login/", "/decisions/", "/decisions/analytics/"],
        "clerk": [
            "/cases/",
            "/cases/queue/",
            "/cases/new/",
            f"/cases/{DECIDED}/",
            f"/cases/{DECIDED}/timeline/",
            f"/cases/{DECIDED}/letter/",
            f"/records/{DECIDED}/",
            f"/records/{DECIDED}/{decided}/",
            "/reviewers/",
            "/reviewers/import/",
            "/guidelines/",
            "/review/print-queue/",
        ],
        "reviewer": [
            "/review/",
            f"/review/{UNDER_REVIEW}/",
            f"/review/{UNDER_REVIEW}/records/{review}/",
        ],
        "qa": ["/review/qa/", f"/review/qa/{DECIDED}/"],
        "admin": ["/admin/", "/admin/auth/user/"],
    }


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


class _Inline(HTMLParser):
    """Inline script (a <script> without src, an on* handler) and inline style (a <style>
    element, a style attribute): what a policy without 'unsafe-inline' blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and not names.get("src") and names.get("type") != "application/json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> element")
        self.found += [
            f"<{tag} {name}=...>" for name in names if name == "style" or name.startswith("on")
        ]


def inline_code(html: str) -> list[str]:
    parser = _Inline()
    parser.feed(html)
    return parser.found


@pytest.fixture
def cast(db, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-pass-1")
    return {**hostile_cases(), "admin": admin}


def test_every_page_sends_a_policy_without_inline_script_or_style(client, cast):
    for role, urls in _pages(cast).items():
        client.logout()
        if role:
            client.force_login(cast[role])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            policy = _directives(response.headers["Content-Security-Policy"])
            assert policy["default-src"] == ["'self'"], url
            assert policy["script-src"] == ["'self'"], url
            assert "'unsafe-inline'" not in policy["style-src"], url
            assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
            assert inline_code(response.content.decode()) == PAGES_AWAITING_FIX.get(url, []), url


def test_the_api_answers_with_the_policy_too(client):
    response = client.get("/api/v1/openapi.json")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_no_template_has_inline_script_or_style():
    templates = sorted(ROOT.glob("openimr/**/templates/**/*.html"))
    assert len(templates) > 20
    found = {
        str(path.relative_to(ROOT)): problems
        for path in templates
        if (problems := inline_code(path.read_text(encoding="utf-8")))
    }
    assert found == AWAITING_FIX


def test_the_standalone_html_letter_inlines_only_the_style_the_policy_allows(settings):
    digest = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]


@pytest.mark.parametrize(
    "html",
    ["<script>alert(1)</script>", "<p onclick='x()'>", "<style>p{}</style>", '<div style="x">'],
)
def test_the_check_finds_inline_code(html):
    assert inline_code(html) != []
