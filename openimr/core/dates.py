"""How a date reads inside a sentence on a staff or reviewer page.

Pages print dates as MM/DD/YYYY (the ``m/d/Y`` template filter); a sentence built in a
domain rule must read the same, not ISO. Letters and notices use their own long form, and
machine-readable output (JSON, CSV, the API's fields) stays ISO.
"""

from datetime import date


def in_sentence(day: date) -> str:
    """The date as pages show it: 11/30/2026."""
    return f"{day.month:02d}/{day.day:02d}/{day.year:04d}"
