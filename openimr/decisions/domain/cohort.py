"""The fewest decided items an overturn rate is shown over, wherever the product shows one:
the precedent panel beside a case under review and the public statistics (the page, its
charts, tables and CSV files, and `openimr corpus stats`).

Source: issue 6, point 6 ("its size (no rate below 20 cases)"), the product's one rule on
the matter, applied to the statistics too so that the two never disagree about whether a
rate over a few letters means something. It is the common threshold of public health
statistics, which do not publish a rate over fewer than 20 events as unreliable (its
relative standard error is over 23%): 1 of 1 overturned read 100% and was drawn as the
longest bar, and 6 of 8 a specialty's 75%. The counts themselves are always shown: below
the threshold only the rate is withheld, and anyone may still divide."""

MIN_COHORT = 20


def rate_shown(count: int) -> bool:
    """Whether a rate over ``count`` decided items is shown."""
    return count >= MIN_COHORT
