"""Text a user or a sender typed is shown as text: markup in every free-text field of a
case, of a record and of a letter reaches the case page, the timeline, the letter page, the
case file, the reviewer's workspace and QA's page escaped, never as markup, and the HTML
letter escapes it too."""

import pytest

from openimr.cases.selectors import case_row
from openimr.letters.render.html import render_html
from openimr.letters.rendering import letter_for
from tests.hostile_cases import DECIDED, ESCAPED, UNDER_REVIEW, hostile_cases, markup_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile(client):
    return hostile_cases()


def _pages(hostile):
    decided, review = hostile["decided_record"].pk, hostile["review_record"].pk
    return {
        "clerk": [
            f"/cases/{DECIDED}/",
            f"/cases/{DECIDED}/timeline/",
            f"/cases/{DECIDED}/letter/",
            "/cases/",
            f"/records/{DECIDED}/",
            f"/records/{DECIDED}/{decided}/",
        ],
        "reviewer": [f"/review/{UNDER_REVIEW}/", f"/review/{UNDER_REVIEW}/records/{review}/"],
        "qa": [f"/review/qa/{DECIDED}/"],
    }


def _assert_escaped(body: str, where: str) -> None:
    assert markup_problems(body) == [], f"{where} shows hostile text as markup"
    assert ESCAPED in body, f"{where} does not show the hostile text at all"


def test_every_page_shows_hostile_text_escaped(client, hostile):
    for role, urls in _pages(hostile).items():
        client.force_login(hostile[role])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            _assert_escaped(response.content.decode(), url)


def test_the_html_letter_escapes_every_field():
    from openimr.cases.interchange import case_from_document
    from tests.hostile_cases import hostile_doc

    html = render_html(letter_for(case_from_document(hostile_doc(DECIDED))))
    _assert_escaped(html, "the HTML letter")


def test_the_stored_case_keeps_the_text_as_typed(hostile):
    # Escaping happens on output only: the stored text is what was sent, for the letter PDF.
    assert "<script>alert('x')</script>" in case_row(DECIDED).employee_name


@pytest.mark.parametrize(
    "page",
    [
        "<p>{HOSTILE}</p>",
        '<a href="{LINK}">x</a>',
        "<div title='{QUOTE}'>x</div>",
        '<input value="{ATTRIBUTE}">',
    ],
    ids=["raw text", "link", "single-quoted attribute", "double-quoted attribute"],
)
def test_the_check_finds_hostile_text_left_unescaped(page):
    from tests import hostile_cases as h

    filled = page.format(HOSTILE=h.HOSTILE, LINK=h.LINK, QUOTE=h.QUOTE, ATTRIBUTE=h.ATTRIBUTE)
    assert markup_problems(filled) != []
