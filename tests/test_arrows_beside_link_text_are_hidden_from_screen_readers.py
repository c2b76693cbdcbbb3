"""An arrow beside a link's words ("← Case CM24-0000001") is a picture of the way back: a
screen reader read it aloud ("leftwards arrow, Case ...") before the words that say where
the link goes. Each arrow sits in a span hidden from assistive technology, the link's text
kept; checked in every template's source and on every page as each role sees it."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.a11y_pages import every_page
from tests.authz_world import build_world

ROOT = Path(__file__).resolve().parent.parent
ARROWS = re.compile("[\u2190-\u21ff\u2794-\u27bf\u00ab\u00bb\u2039\u203a]")
HIDDEN_ARROW = re.compile(r'<span aria-hidden="true">[\u2190-\u21ff\u2794-\u27bf]</span>')


class _SpokenText(HTMLParser):
    """The text a screen reader reads: everything outside an aria-hidden element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden: list[bool] = []
        self.spoken: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "col", "area"}:
            return
        self.hidden.append(dict(attrs).get("aria-hidden") == "true")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            self.hidden.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.hidden):
            self.spoken.append(data)


def _spoken_arrows(html: str) -> list[str]:
    parser = _SpokenText()
    parser.feed(html)
    return [text.strip() for text in parser.spoken if ARROWS.search(text)]


def test_no_template_leaves_an_arrow_for_a_screen_reader_to_read():
    templates = sorted((ROOT / "openimr").rglob("templates/**/*.html"))
    assert len(templates) > 20
    spoken = {
        f"{path.relative_to(ROOT)}:{number}": line.strip()
        for path in templates
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ARROWS.search(HIDDEN_ARROW.sub("", line))
    }
    assert spoken == {}


def test_the_back_link_keeps_its_words_and_hides_its_arrow():
    html = '<p><a href="/x"><span aria-hidden="true">←</span> Case CM24-0000001</a></p>'
    assert _spoken_arrows(html) == []
    assert _spoken_arrows('<p><a href="/x">← Case CM24-0000001</a></p>') == ["← Case CM24-0000001"]


@pytest.mark.django_db
def test_no_page_reads_an_arrow_aloud_to_any_role():
    pages = dict(every_page(build_world()))
    assert any("/letter/" in where for where in pages)
    spoken = {where: found for where, html in pages.items() if (found := _spoken_arrows(html))}
    assert spoken == {}
