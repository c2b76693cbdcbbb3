"""Every field a user fills in or chooses from, on every page of the app and on each form
sent back with its problems, has a name a screen reader reads out when the field takes
the focus: a <label> (for= or around it), aria-label or aria-labelledby. A placeholder or a
column header that only sighted users connect to the field does not count (WCAG 1.3.1,
3.3.2, 4.1.2)."""

import pytest

from tests.a11y_html import parse
from tests.a11y_pages import error_pages, every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def _unnamed(html: str) -> list[str]:
    page = parse(html)
    return [
        f"<{c.tag} name={c.attrs.get('name')!r}>" for c in page.controls() if not page.name_of(c)
    ]


def test_every_field_of_every_page_has_a_label():
    world = build_world()
    pages = [*every_page(world), *error_pages(world)]
    unnamed = {where: found for where, html in pages if (found := _unnamed(html))}
    assert len(pages) > 80  # the walk reached the app's pages, as each role
    assert unnamed == {}


def test_each_treatment_field_of_the_application_says_its_column_and_row():
    world = build_world()
    page = parse(world.client("intake").get("/cases/new/").content.decode())
    names = {c.attrs["name"]: page.name_of(c) for c in page.controls()}
    assert names["diagnosis_0"] == "Treatment 1: diagnosis"
    assert names["rfa_date_4"] == "Treatment 5: date of the Request for Authorization"
    assert names["category_2"] == "Treatment 3: category"


def test_the_check_finds_a_field_only_a_placeholder_or_header_names():
    assert _unnamed('<table><tr><th>Diagnosis</th></tr><tr><td><input name="d"></td></tr>') == [
        "<input name='d'>"
    ]
    assert _unnamed('<input name="q" placeholder="Search">') == ["<input name='q'>"]
    assert _unnamed('<label>Id <input name="id"></label><input type="hidden" name="x">') == []
    assert _unnamed('<label for="t">Title</label><textarea id="t" name="t"></textarea>') == []
