"""The search page's hits and filter values are written in Python (search_page.py), not by
the template engine: each keeps the page's markup and escapes every value it writes, so a
treatment, specialty or filter value holding markup shows as text."""

from datetime import date

from openimr.decisions.search import Hit
from openimr.decisions.search_page import facet_values, hit_html

HOSTILE = "<script>alert('x')</script> & \"quoted\""
ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;"


def _hit(**changes) -> Hit:
    values = {
        "case_number": "CM16-0000001",
        "decision_date": date(2016, 11, 5),
        "priority": "expedited",
        "snippet_html": "<mark>Lumbar</mark> strain",
        "items": (("Physical therapy", "overturned"), ("Cane", "")),
        "specialties": ("Orthopedic Surgery", "Pain Medicine"),
    }
    return Hit(**(values | changes))


def test_a_hit_is_written_with_the_pages_markup():
    assert hit_html(_hit()) == (
        '\n      <h3><a href="/decisions/CM16-0000001/">CM16-0000001</a> '
        '<span class="muted">November 5, 2016 · expedited · Orthopedic Surgery, Pain '
        "Medicine</span></h3>\n"
        '      <ul class="items"><li>Physical therapy: <span class="badge overturned">'
        "Overturned</span></li><li>Cane</li></ul>\n"
        '      <p class="snippet"><mark>Lumbar</mark> strain</p>\n    '
    )


def test_a_hit_without_date_priority_or_specialty_says_so_briefly():
    html = hit_html(_hit(decision_date=None, priority="", specialties=()))
    assert '<span class="muted">date unknown</span>' in html


def test_every_value_of_a_hit_is_escaped():
    html = hit_html(_hit(priority=HOSTILE, items=((HOSTILE, HOSTILE),), specialties=(HOSTILE,)))
    assert "<script>" not in html
    # The treatment, the priority, the specialty, and the outcome twice: as the badge's
    # class (inside an attribute) and as its text.
    assert html.count(ESCAPED) == 5
    assert f'class="badge {ESCAPED}"' in html


def test_filter_values_are_links_but_the_active_one_is_bold_and_all_are_escaped():
    html = facet_values(
        [
            {"label": "Upheld", "count": 12, "active": True, "href": "?outcome=upheld"},
            {"label": HOSTILE, "count": 3, "active": False, "href": '?q="><b>&x=1'},
        ]
    )
    assert html == (
        '<li><strong>Upheld</strong> <span class="count">12</span></li>'
        f'<li><a href="?q=&quot;&gt;&lt;b&gt;&amp;x=1">{ESCAPED}</a> '
        '<span class="count">3</span></li>'
    )
    assert facet_values([]) == '<li class="muted">none</li>'
