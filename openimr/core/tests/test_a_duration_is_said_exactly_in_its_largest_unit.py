"""A length of time in a sentence ("logged out after 30 minutes") is said exactly, in the
largest unit that divides it, singular for one: never "0 minutes" for 45 seconds, nor
"1 minutes" for 90."""

import pytest

from openimr.core.words import duration_words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "1 second"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (90, "90 seconds"),
        (120, "2 minutes"),
        (1800, "30 minutes"),
        (3600, "1 hour"),
        (5400, "90 minutes"),
        (28800, "8 hours"),
    ],
)
def test_a_duration_is_said_in_the_largest_unit_that_divides_it(seconds, words):
    assert duration_words(seconds) == words
