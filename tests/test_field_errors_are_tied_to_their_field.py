"""A form sent back with problems tells a screen reader user which field is wrong and why,
when that field takes the focus: the field is marked invalid and described by the element
holding its error text (aria-describedby, which Django writes as ``<id>_error``), and no
field is described by an element the page does not have (WCAG 1.3.1, 3.3.1). Problems that
no single field holds are announced when the page opens (role="alert")."""

import pytest

from tests.a11y_html import Page, parse, text
from tests.a11y_pages import error_pages, every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def _untied(page: Page) -> list[str]:
    """Each invalid field whose description does not hold an error, and each reference to
    an element that is not on the page."""
    found = []
    for control in page.all("input", "select", "textarea"):
        name = control.attrs.get("name")
        refs = control.attrs.get("aria-describedby", "").split()
        missing = [ref for ref in refs if page.by_id(ref) is None]
        found += [f"{name} is described by #{ref}, not on the page" for ref in missing]
        if control.attrs.get("aria-invalid") == "true":
            described = " ".join(text(e) for ref in refs if (e := page.by_id(ref)))
            if not described:
                found.append(f"{name} is invalid but no error describes it")
    return found


def _errors_outside_their_field(page: Page) -> list[str]:
    """Error text shown at a field (data-field) that the field's description leaves out."""
    described = {
        c.attrs.get("name"): " ".join(
            text(e) for ref in c.attrs.get("aria-describedby", "").split() if (e := page.by_id(ref))
        )
        for c in page.all("input", "select", "textarea")
    }
    return [
        f"{e.attrs['data-field']}: {text(e)}"
        for e in page.all("div")
        if "data-field" in e.attrs and text(e) not in described.get(e.attrs["data-field"], "")
    ]


def test_each_invalid_field_is_described_by_its_error():
    world = build_world()
    pages = list(error_pages(world))
    invalid = sum('aria-invalid="true"' in html for _, html in pages)
    problems = {
        where: found
        for where, html in pages
        if (found := _untied(parse(html)) + _errors_outside_their_field(parse(html)))
    }
    assert invalid >= 7  # the application twice, the record forms, 2FA, enrolment, resets
    assert problems == {}


def test_no_field_of_any_page_points_to_a_description_that_is_not_there():
    world = build_world()
    problems = {
        where: found for where, html in every_page(world) if (found := _untied(parse(html)))
    }
    assert problems == {}


def test_the_password_rules_a_new_password_is_described_by_are_on_the_page():
    world = build_world()
    pages = dict(error_pages(world))
    page = parse(pages["the password reset link"])
    field = next(c for c in page.controls() if c.attrs["name"] == "new_password1")
    rules = page.by_id(field.attrs["aria-describedby"])
    assert rules is not None and "password" in text(rules).lower()


def test_problems_the_page_shows_above_the_form_are_announced():
    world = build_world()
    pages = dict(error_pages(world))
    for where in (
        "/guidelines/ sent with problems (4)",
        "/login/ with a wrong password",
        "/review/CM16-0400101/ sent with a rationale too long",
        "/review/CM16-0400101/ sent with a marker naming no page",
        "/review/CM16-0400101/ sent with a submit before any decision",
    ):
        alerts = [text(e) for e in parse(pages[where]).elements if e.attrs.get("role") == "alert"]
        assert alerts, f"{where}: its problems are not announced"
    assert "must not be empty" in " ".join(
        text(e)
        for e in parse(pages["/guidelines/ sent with problems (4)"]).elements
        if e.attrs.get("role") == "alert"
    )


def test_the_check_finds_an_error_its_field_does_not_point_to():
    untied = '<input name="a" aria-invalid="true" aria-describedby="id_a_error"><div>bad</div>'
    assert _untied(parse(untied)) == [
        "a is described by #id_a_error, not on the page",
        "a is invalid but no error describes it",
    ]
    tied = '<input name="a" aria-invalid="true" aria-describedby="e"><div id="e">bad</div>'
    assert _untied(parse(tied)) == []
    shown = '<input name="a"><div data-field="a">is required</div>'
    assert _errors_outside_their_field(parse(shown)) == ["a: is required"]


def test_a_treatment_cells_error_describes_its_field():
    world = build_world()
    pages = dict(error_pages(world))
    page = parse(pages["/cases/new/ sent with problems (1)"])
    field = next(c for c in page.controls() if c.attrs["name"] == "rfa_date_0")
    described = [page.by_id(ref) for ref in field.attrs.get("aria-describedby", "").split()]
    assert field.attrs.get("aria-invalid") == "true"
    assert [text(e) for e in described if e] != []


@pytest.mark.parametrize(
    ("where", "field", "said"),
    [
        ("a rationale too long", "item-0-rationale", "Ensure this text has at most"),
        ("a marker naming no page", "item-0-rationale", "[[99 p1]] names no page"),
        ("a summary too long", "summary", "Ensure this text has at most"),
        ("a submit before any decision", "summary", "save the clinical case summary"),
    ],
)
def test_a_refused_save_on_the_workspace_takes_the_focus_to_the_field_at_fault(where, field, said):
    world = build_world()
    pages = dict(error_pages(world))
    page = parse(pages[f"/review/CM16-0400101/ sent with {where}"])
    invalid = [c for c in page.controls() if c.attrs.get("aria-invalid") == "true"]
    assert invalid, f"{where}: no field is marked invalid"
    focused = [c.attrs["name"] for c in page.controls() if "autofocus" in c.attrs]
    assert focused == [field]
    control = next(c for c in invalid if c.attrs["name"] == field)
    described = " ".join(text(page.by_id(ref)) for ref in control.attrs["aria-describedby"].split())
    assert said in described


def test_qa_returning_without_comments_is_described_at_the_comments_box():
    world = build_world()
    pages = dict(error_pages(world))
    page = parse(pages[f"/review/qa/{world.own['qa']}/ returned without comments"])
    box = next(c for c in page.controls() if c.attrs["name"] == "comments")
    assert box.attrs.get("aria-invalid") == "true" and "autofocus" in box.attrs
    alert = page.by_id(box.attrs["aria-describedby"])
    assert alert is not None and alert.attrs.get("role") == "alert"
    assert "say what the reviewer should change" in text(alert)


def test_a_form_sent_back_focuses_its_first_field_at_fault():
    world = build_world()
    checked = []
    for where, html in error_pages(world):
        page = parse(html)
        invalid = [c for c in page.controls() if c.attrs.get("aria-invalid") == "true"]
        if "sent with problems" not in where or "guidelines" in where or not invalid:
            continue
        focused = [c for c in page.controls() if "autofocus" in c.attrs]
        assert focused == invalid[:1], f"{where}: the focus is not on the first field at fault"
        checked.append(where)
    assert len(checked) == 7  # the application, the record forms, the information's, status
