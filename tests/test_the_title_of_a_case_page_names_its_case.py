"""A page about one case says which in its title, the first thing a screen reader reads and
what a browser tab shows (WCAG 2.4.2): a reviewer's record page had been titled "Record 2"
alone, so two cases' records open side by side read the same."""

import re

import pytest

from tests.a11y_pages import every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db
_CASE_NUMBER = re.compile(r"/(CM\d{2}-\d{7})/")
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def test_every_case_page_names_its_case_in_its_title():
    missing = {}
    for where, html in every_page(build_world()):
        number = _CASE_NUMBER.search(where)
        title = _TITLE.search(html)
        if number and title and number[1] not in title[1]:
            missing[where] = title[1].strip()
    assert missing == {}
