"""A screen reader user gets each statistics chart as text: the SVG is one image
(role="img") named by its title (aria-label and <title>), its data table is captioned with
the chart's title, so that moving from table to table says which is which, and each
chart's CSV link says which chart it downloads (WCAG 1.1.1, 1.3.1, 2.4.4)."""

import pytest

from tests.a11y_html import Element, Page, parse, text
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def _sections(page: Page) -> list[Element]:
    return [e for e in page.all("section") if "chart-card" in e.attrs.get("class", "")]


def _inside(section: Element, tag: str) -> list[Element]:
    found, todo = [], list(section.children)
    while todo:
        element = todo.pop(0)
        found += [element] if element.tag == tag else []
        todo = element.children + todo
    return found


@pytest.fixture
def analytics() -> Page:
    world = build_world()
    response = world.client("public").get("/decisions/analytics/")
    assert response.status_code == 200
    return parse(response.content.decode())


def test_each_chart_is_one_image_named_by_its_title(analytics):
    charts = [(s, _inside(s, "svg")) for s in _sections(analytics)]
    drawn = [(s, svgs[0]) for s, svgs in charts if svgs]
    assert len(drawn) >= 4  # the published decision draws most of the charts
    for section, svg in drawn:
        title = text(_inside(section, "h2")[0])
        assert svg.attrs.get("role") == "img"
        assert svg.attrs.get("aria-label") == title
        assert svg.children[0].tag == "title" and text(svg.children[0]) == title


def test_each_charts_data_table_is_captioned_with_the_chart(analytics):
    for section in _sections(analytics):
        title = text(_inside(section, "h2")[0])
        captions = [text(c) for t in _inside(section, "table") for c in _inside(t, "caption")]
        assert captions == [title]


def test_each_csv_link_names_its_chart(analytics):
    links = [a for s in _sections(analytics) for a in _inside(s, "a")]
    names = {text(a): a.attrs["href"] for a in links if "CSV" in text(a)}
    assert len(names) == len(_sections(analytics)) == 6
    assert names["Download “Overturn rate over time” as CSV"].endswith("/over_time.csv")
