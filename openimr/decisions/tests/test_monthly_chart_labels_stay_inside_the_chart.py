"""The monthly charts' tick labels all fit inside the chart: the last month's label had
been cut to "2026-" at the right edge."""

import re

import pytest

from openimr.decisions.analytics_svg import TICK_CHAR, WIDTH, columns


@pytest.mark.parametrize("months", [1, 11, 12, 13, 24, 40, 120])
def test_every_tick_label_fits_inside_the_chart(months):
    rows = [(f"{2016 + n // 12}-{n % 12 + 1:02d}", float(n + 1)) for n in range(months)]
    svg = columns("Letters per month", rows)
    ticks = re.findall(r'<text x="([\d.]+)"[^>]*?( text-anchor="end")?>(\d{4}-\d{2})</text>', svg)
    assert ticks, svg
    for x, end, label in ticks:
        left = float(x) - (TICK_CHAR * len(label) if end else 0)
        assert left >= 0 and left + TICK_CHAR * len(label) <= WIDTH, (x, end, label)
