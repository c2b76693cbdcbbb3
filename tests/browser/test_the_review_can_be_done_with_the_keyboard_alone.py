"""A reviewer who cannot use a mouse completes the review with the keyboard alone: Tab to
each field and button, type, Enter to save and to submit (WCAG 2.1.1 Keyboard). A refused
submit or save comes back announced (role="alert"), with the keyboard's focus on the first
field at fault, the field marked invalid and described by its problem, so a screen reader
says what is wrong and where (3.3.1 Error Identification, 2.4.3 Focus Order)."""

import pytest

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, PASSWORD
from tests.browser.conftest import focus_settled, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
RATIONALE = (
    "The MTUS allows this for the documented lumbar radiculopathy, and the records show "
    "the conditions it sets are met."
)


def _tab_to(page, selector: str, presses: int = 400) -> None:
    """Press Tab until the focus is on ``selector``: it is reached by the keyboard."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reaches {selector}")


def _press(page, selector: str) -> None:
    _tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _focused(page) -> dict:
    """The focused field: its id, whether it is marked invalid, and the text that describes
    it, as a screen reader would read them."""
    focus_settled(page)
    return page.evaluate(
        """() => {
        const e = document.activeElement;
        const ids = (e.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        return {
          id: e.id,
          invalid: e.getAttribute('aria-invalid'),
          described: ids.map(i => document.getElementById(i)?.textContent || '').join(' '),
        };
      }"""
    )


def _alert(page) -> str:
    return page.locator("[role=alert]").inner_text()


def _decide(page, n: int, rationale: str) -> None:
    """Upheld on an MTUS citation, with its rationale, typed field after field."""
    _tab_to(page, f"#id_item-{n}-decision")
    page.keyboard.type("Upheld")
    _tab_to(page, f"#id_item-{n}-free_citation")
    page.keyboard.type("MTUS Chronic Pain Medical Treatment Guidelines")
    _tab_to(page, f"#id_item-{n}-free_is_mtus")
    page.keyboard.press("Space")
    _tab_to(page, f"#id_item-{n}-rationale")
    page.keyboard.type(rationale)
    _press(page, f"#item-{n} button[value=item]")


def test_a_reviewer_completes_the_review_with_tab_and_enter(
    browser, live_server, demo_case_in_review
):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    log_in(page, live_server, "jroe", PASSWORD)
    page.goto(f"{live_server.url}/review/{CASE}/")

    # Submitted too early: refused, said aloud, and the keyboard is at the summary.
    _press(page, "#submit button")
    assert "the determination is not ready for QA" in _alert(page)
    focused = _focused(page)
    assert focused["id"] == "id_summary" and focused["invalid"] == "true"
    assert "save the clinical case summary" in focused["described"]

    page.keyboard.type("Low back pain radiating to the left leg since a lifting injury. ")
    _press(page, "#summary button[value=summary]")
    assert "The clinical case summary was saved." in page.inner_text("main")

    # A page marker that names no page: refused, and the focus is on the rationale.
    _decide(page, 0, f"{RATIONALE} [[99 p1]]")
    assert "item 1 was not saved" in _alert(page)
    focused = _focused(page)
    assert focused["id"] == "id_item-0-rationale" and focused["invalid"] == "true"
    assert "[[99 p1]] names no page of this case file" in focused["described"]
    screenshot(page, "review-keyboard-refused-item")
    page.keyboard.press("Control+A")
    page.keyboard.type(RATIONALE)
    _press(page, "#item-0 button[value=item]")
    assert "Item 1 was saved." in page.inner_text("main")

    for n in (1, 2):
        _decide(page, n, RATIONALE)
        assert f"Item {n + 1} was saved." in page.inner_text("main")
    _press(page, "#submit button")
    assert "The determination was sent to quality assurance." in page.inner_text("main")

    case = Case.objects.get(case_number=CASE)
    assert case.state == "qa"
    assert [i.decision for i in case.items.order_by("position")] == ["upheld"] * 3
    context.close()
