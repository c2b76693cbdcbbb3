"""A low-vision user sees where a text field is: the border site.css gives text, search
and password fields has at least 3:1 contrast against the white cards and the grey page
they sit on (WCAG 1.4.11, non-text contrast). Read from the stylesheet itself."""

import re
from pathlib import Path

SITE_CSS = Path(__file__).resolve().parents[1] / "openimr/core/static/openimr/site.css"
FIELDS = "input[type=search],input[type=text],input[type=password]"
BACKGROUNDS = {"a card": "#ffffff", "the page": "#f6f7f9"}


def _luminance(colour: str) -> float:
    """Relative luminance, as WCAG 2.1 defines it."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def border_colour(css: str, selector: str) -> str:
    """The colour of the rule's ``border`` shorthand, a custom property resolved."""
    rule = re.search(re.escape(selector) + r"\{([^}]*)\}", css)
    assert rule is not None, f"site.css has no rule for {selector}"
    border = re.search(r"border:[^;}]*?(#[0-9a-fA-F]{6}|var\(--[\w-]+\))", rule.group(1))
    assert border is not None, f"the rule for {selector} sets no border colour"
    colour = border.group(1)
    if colour.startswith("var("):
        name = colour[4:-1]
        found = re.search(re.escape(name) + r":(#[0-9a-fA-F]{6})", css)
        assert found is not None, f"site.css does not define {name}"
        colour = found.group(1)
    return colour


def test_a_text_fields_border_shows_against_cards_and_the_page():
    colour = border_colour(SITE_CSS.read_text(encoding="utf-8"), FIELDS)
    for where, background in BACKGROUNDS.items():
        assert contrast(colour, background) >= 3, f"a field's border {colour} fades into {where}"


def test_the_page_background_is_the_one_the_stylesheet_sets():
    assert "background:#f6f7f9" in SITE_CSS.read_text(encoding="utf-8")


def test_the_contrast_is_measured_as_wcag_does():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the classic AA grey
    css = ":root{--line:#d9dde5}input[type=text]{border:1px solid var(--line)}"
    assert border_colour(css, "input[type=text]") == "#d9dde5"
    assert contrast("#d9dde5", "#ffffff") < 3
