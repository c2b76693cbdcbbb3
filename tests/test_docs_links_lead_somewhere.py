"""Every relative link in the docs and the README opens a file that exists, and its
"#anchor" a heading of that file: docs/search.md had linked the search benchmark by an anchor
its heading does not make."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^#+ (.*)$", re.MULTILINE)


def anchor(heading: str) -> str:
    """The anchor a Markdown renderer makes of a heading: lower case, punctuation out,
    spaces as hyphens (so "Corpus search (`bench/search.py`)" is corpus-search-benchsearchpy)."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def broken_links(page: Path) -> list[str]:
    broken = []
    for link in _LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", link):
            continue  # an address outside the repository
        path, _, fragment = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists():
            broken.append(link)
        elif fragment and target.suffix == ".md":
            headings = _HEADING.findall(target.read_text(encoding="utf-8"))
            if fragment not in {anchor(h) for h in headings}:
                broken.append(link)
    return broken


def test_a_link_to_a_missing_heading_is_found(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# Corpus search (`bench/search.py`)\n[a](#corpus-search) [b](#corpus-search-benchsearchpy) [c](gone.md)\n"
    )
    assert broken_links(page) == ["#corpus-search", "gone.md"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_of_the_page_leads_somewhere(page):
    assert broken_links(page) == []
