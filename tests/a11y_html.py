"""What a screen reader, a keyboard user and a low-vision user get from a page, read from
its HTML with the standard library's parser: the form controls and what labels them, the
elements by id and their text, the headings, the table header cells, the navigation
landmarks, the links and the charts. The accessibility tests (docs/web.md, Accessibility)
ask their questions of a ``Page``."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Inputs a user never fills in: they need no label.
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "image", "reset"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    inside: tuple[str, ...]  # the tags of its ancestors, outermost first
    text: str = ""
    children: list["Element"] = field(default_factory=list)


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)

    def all(self, *tags: str) -> list[Element]:
        return [e for e in self.elements if e.tag in tags]

    def by_id(self, ident: str) -> Element | None:
        return next((e for e in self.elements if e.attrs.get("id") == ident), None)

    def controls(self) -> list[Element]:
        """The controls a user fills in or chooses from."""
        return [
            e
            for e in self.all("input", "select", "textarea")
            if e.attrs.get("type", "text").lower() not in UNLABELLED_INPUT_TYPES
        ]

    def name_of(self, control: Element) -> str:
        """The control's accessible name from a <label>, aria-label or aria-labelledby;
        empty when it has none (a placeholder or a title does not count)."""
        if control.attrs.get("aria-label", "").strip():
            return control.attrs["aria-label"].strip()
        names = [
            (element.text if (element := self.by_id(ref)) else "")
            for ref in control.attrs.get("aria-labelledby", "").split()
        ]
        ident = control.attrs.get("id")
        names += [
            label.text
            for label in self.all("label")
            if (ident and label.attrs.get("for") == ident) or control in _descendants(label)
        ]
        return " ".join(n.strip() for n in names if n.strip())


def _descendants(element: Element) -> list[Element]:
    found = []
    for child in element.children:
        found += [child, *_descendants(child)]
    return found


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, tuple(e.tag for e in self.stack))
        if self.stack:
            self.stack[-1].children.append(element)
        self.page.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        self._close(tag)

    def _close(self, tag: str) -> None:
        if not any(e.tag == tag for e in self.stack):
            return  # a stray end tag: the browser ignores it too
        while self.stack:
            element = self.stack.pop()
            if self.stack:
                self.stack[-1].text += element.text
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1].text += data


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    while parser.stack:  # text of elements left open still counts for their ancestors
        parser._close(parser.stack[-1].tag)
    return parser.page


def text(element: Element) -> str:
    """The element's text as read out: its words, whitespace collapsed."""
    return " ".join(element.text.split())
