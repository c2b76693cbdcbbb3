"""Splitting clinical prose into sentences: periods that end nothing do not split."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openimr.review.domain.provenance import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Seen by Dr. Lee today. No change.", ("Seen by Dr. Lee today.", "No change.")),
        ("Ann Lee, M.D. examined him.", ("Ann Lee, M.D. examined him.",)),
        ("Rest, e.g. Ice. Then heat.", ("Rest, e.g. Ice.", "Then heat.")),
        ("Rest, i.e. Nothing. Then heat.", ("Rest, i.e. Nothing.", "Then heat.")),
        ("Surgery vs. Injection. Both denied.", ("Surgery vs. Injection.", "Both denied.")),
        ("See item No. 5 below. Denied.", ("See item No. 5 below.", "Denied.")),
        ("Norco 2.5 mg daily. Denied.", ("Norco 2.5 mg daily.", "Denied.")),
        ("Seen 1/2/2015. Pain 5/10.", ("Seen 1/2/2015.", "Pain 5/10.")),
        ("Disc bulge at L4-5. Mild.", ("Disc bulge at L4-5.", "Mild.")),
        ("Reviewed by Jane Q. Roe today. Done.", ("Reviewed by Jane Q. Roe today.", "Done.")),
        ("Seen Jan. 2, 2015 in clinic. Stable.", ("Seen Jan. 2, 2015 in clinic.", "Stable.")),
        ("Per 8 CCR 9792.24.2. It is denied.", ("Per 8 CCR 9792.24.2.", "It is denied.")),
        ("Was it needed? No! It was not.", ("Was it needed?", "No!", "It was not.")),
        ('He said "stop." Then he left.', ('He said "stop."', "Then he left.")),
        ("The dose was 2.5. The next was 5.", ("The dose was 2.5.", "The next was 5.")),
        ("Twelve visits. 12 more were asked.", ("Twelve visits.", "12 more were asked.")),
        ("approx. three visits. Done.", ("approx. three visits.", "Done.")),
        ("See p. 99 of the guideline. Done.", ("See p. 99 of the guideline.", "Done.")),
        ("It is vitamin a. Done.", ("It is vitamin a.", "Done.")),
        ("1. Physical therapy. 2. Acupuncture.", ("1. Physical therapy.", "2. Acupuncture.")),
        ("Line one\n\nwraps here. Next", ("Line one wraps here.", "Next")),
        ("No full stop at the end", ("No full stop at the end",)),
        ("", ()),
    ],
)
def test_a_sentence_ends_only_where_a_full_stop_is(text, sentences):
    assert split_sentences(text) == sentences


@given(st.text(alphabet="ab .?!DrM1\n", max_size=60))
def test_the_sentences_put_back_together_are_the_text(text):
    assert " ".join(split_sentences(text)) == " ".join(text.split())
