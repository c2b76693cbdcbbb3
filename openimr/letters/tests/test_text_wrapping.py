"""The plain-text letter wraps like textwrap (no broken words or hyphenated terms), by a
faster hand-written fill."""

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from openimr.letters.render.text import WIDTH, _wrap

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzL3-S1.,Łö", min_size=1, max_size=95)
texts = st.lists(words, max_size=60).map(" ".join)


def _reference(text: str, indent: str, hang: str) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


@given(texts, st.sampled_from([("", ""), ("1. ", "   "), ("- ", "  "), ("12. ", "    ")]))
def test_wrapping_matches_textwrap_for_any_words(text, marks):
    assert _wrap(text, *marks) == _reference(text, *marks)


def test_a_word_longer_than_the_line_stays_whole_on_its_own_line():
    long = "x" * (WIDTH + 5)
    assert _wrap(f"a {long} b").splitlines() == ["a", long, "b"]


def test_hyphenated_terms_are_never_split():
    text = "radiculopathy at " * 4 + "L3-S1 with " * 4 + "L4-L5-S1"
    assert all(not line.endswith("-") for line in _wrap(text).splitlines())
