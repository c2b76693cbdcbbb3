"""Charts drawn on the server as SVG: no script, no network, readable by a screen reader
through each chart's title and the data table printed beside it. Every label is escaped."""

from collections.abc import Sequence
from html import escape

WIDTH = 760
LABEL_WIDTH = 260
BAR = 18
GAP = 6
PLOT_HEIGHT = 220


def _svg(height: int, title: str, body: list[str], described_by: str) -> str:
    # The id of the sentence under the chart that says what it shows (analytics_summary).
    described = f' aria-describedby="{escape(described_by)}"' if described_by else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}"{described} class="chart">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def bars(title: str, rows: Sequence[tuple[str, float, str]], *, described_by: str = "") -> str:
    """Horizontal bars, one per (label, value 0..1, value text), longest scale = 100%."""
    height = max(1, len(rows)) * (BAR + GAP) + GAP
    span = WIDTH - LABEL_WIDTH - 70
    body = []
    for n, (label, value, text) in enumerate(rows):
        y = GAP + n * (BAR + GAP)
        width = max(0.0, min(1.0, value)) * span
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 5}" text-anchor="end" '
            f'font-size="12">{escape(_short(label))}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR}" '
            f'fill="#3b6ea5"><title>{escape(label)}: {escape(text)}</title></rect>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR - 5}" '
            f'font-size="12">{escape(text)}</text>'
        )
    return _svg(height, title, body, described_by)


def columns(
    title: str,
    rows: Sequence[tuple[str, float | None]],
    *,
    line: bool = False,
    described_by: str = "",
) -> str:
    """Vertical columns (or a line) over time; labels on about a dozen ticks. A value of
    None (a month with no rate) draws nothing and breaks the line there."""
    height = PLOT_HEIGHT + 40
    top = max((v for _, v in rows if v is not None), default=0) or (1.0 if line else 1)
    step = (WIDTH - 60) / max(1, len(rows))
    body = [
        f'<line x1="50" y1="{PLOT_HEIGHT + 5}" x2="{WIDTH}" y2="{PLOT_HEIGHT + 5}" stroke="#888"/>',
        f'<text x="45" y="15" text-anchor="end" font-size="11">{_number(top)}</text>',
        f'<text x="45" y="{PLOT_HEIGHT + 5}" text-anchor="end" font-size="11">0</text>',
    ]
    lines: list[list[str]] = [[]]
    every = max(1, len(rows) // 12)
    for n, (label, value) in enumerate(rows):
        x = 55 + n * step
        if n % every == 0:
            body.append(_tick(x, label))
        if value is None:
            lines.append([])
            continue
        h = value / top * (PLOT_HEIGHT - 10)
        y = PLOT_HEIGHT + 5 - h
        tip = f"<title>{escape(label)}: {_number(value)}</title>"
        if line:
            lines[-1].append(f"{x + step / 2:.1f},{y:.1f}")
            body.append(
                f'<circle class="point" cx="{x + step / 2:.1f}" cy="{y:.1f}" r="2.5" '
                f'fill="#a53b3b">{tip}</circle>'
            )
        elif value:  # a month with none keeps its place, empty
            body.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(1.0, step - 2):.1f}" '
                f'height="{h:.1f}" fill="#3b6ea5">{tip}</rect>'
            )
    if line:
        body[3:3] = [
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#a53b3b"/>'
            for points in lines
            if points
        ]
    return _svg(height, title, body, described_by)


# About the width of a character of the tick labels (font-size 10), in the chart's units.
TICK_CHAR = 6


def _tick(x: float, label: str) -> str:
    """A label under its column; near the right edge it ends at the edge instead of running
    off the chart ("2026-" of "2026-11" was all that showed)."""
    if x + TICK_CHAR * len(label) <= WIDTH:
        return f'<text x="{x:.1f}" y="{PLOT_HEIGHT + 22}" font-size="10">{escape(label)}</text>'
    return (
        f'<text x="{WIDTH}" y="{PLOT_HEIGHT + 22}" font-size="10" '
        f'text-anchor="end">{escape(label)}</text>'
    )


def _short(label: str, size: int = 40) -> str:
    return label if len(label) <= size else label[: size - 1] + "…"


def _number(value: float) -> str:
    if isinstance(value, float) and value <= 1:
        return f"{value:.0%}"
    return f"{value:,.0f}"
