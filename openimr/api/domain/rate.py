"""The API's request limit as arithmetic: fixed one-minute windows, counted per client. Pure,
so the counting is tested without a cache or a clock."""

import math
from dataclasses import dataclass

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Window:
    number: int  # which minute since the epoch: the counter's key
    retry_after: int  # whole seconds until the next window opens, at least 1


def window_at(epoch_seconds: float) -> Window:
    number = int(epoch_seconds // WINDOW_SECONDS)
    left = (number + 1) * WINDOW_SECONDS - epoch_seconds
    return Window(number, max(1, math.ceil(left)))


def over_limit(count: int, limit: int) -> bool:
    """Whether the ``count``-th request of a window (1 for the first) exceeds ``limit``
    requests a minute; a limit of 0 is no limit."""
    return limit > 0 and count > limit
