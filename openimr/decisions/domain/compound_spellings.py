"""Words medical letters write joined, hyphened or spaced ("Xray", "X-ray", "x ray"): a
researcher typing one spelling expects the letters writing the others. Both search indexes
cut "x-ray" into two tokens and keep "xray" as one, so each spelling had found only itself.
Pure: the search (`search_match`) asks each other spelling as one more alternative."""

from collections.abc import Sequence

# Each compound as its two parts; the joined spelling is the two run together. Only those
# the letters are seen to write in more than one way, and whose parts are no common word.
COMPOUNDS = (("x", "ray"), ("e", "stim"), ("follow", "up"), ("post", "op"), ("pre", "op"))


def other_spellings(parts: Sequence[str]) -> list[tuple[str, ...]]:
    """The other spelling of a compound typed as ``parts`` (its runs, in any case), a plural
    "s" kept: ("x", "rays") for "Xrays", ("xray",) for "X-ray" or `"x ray"`; none for any
    other word."""
    typed = [part.casefold() for part in parts]
    for first, second in COMPOUNDS:
        for ending in ("", "s"):
            split = [first, second + ending]
            if typed == ["".join(split)]:
                return [tuple(split)]
            if typed == split:
                return [("".join(split),)]
    return []
