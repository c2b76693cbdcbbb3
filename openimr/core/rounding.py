"""Rates as people read them: a half rounded up, counted in integers."""


def half_up(numerator: int, denominator: int, places: int = 0) -> str:
    """numerator / denominator to ``places`` decimals (none: a whole number), a half rounded
    up as people read a percentage (12.5% reads 13%). In integers: formatting the float
    rounds a binary half to even (6.25% read 6.2%, 0.03125 read 0.0312), and Django's
    ``widthratio`` 12.5 to 12. The analytics, the precedent panel, the timeliness report
    and the simulation's on-time shares round with this one function. ``denominator`` must
    be positive."""
    scale = 10**places
    units = (2 * numerator * scale + denominator) // (2 * denominator)
    if not places:
        return str(units)
    whole, part = divmod(units, scale)
    return f"{whole}.{part:0{places}d}"
