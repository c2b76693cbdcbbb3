"""A screen reader user setting up two-step verification hears what the QR code is (one
image, named) and finds the key to type instead beside it (WCAG 1.1.1)."""

import pytest

from tests.a11y_html import parse
from tests.a11y_pages import error_pages
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def test_the_qr_code_is_a_named_image():
    pages = dict(error_pages(build_world()))
    page = parse(pages["/accounts/two-factor/enrol/"])
    svg = page.all("svg")[0]
    holder = next(e for e in page.elements if svg in e.children)
    assert holder.attrs.get("role") == "img"
    assert "QR code" in holder.attrs.get("aria-label", "")
    assert page.by_id("totp-secret") is not None  # the key to type instead
