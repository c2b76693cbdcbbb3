"""Who decides which item of a case. A case's items may be split between reviewers, each
chosen for the items their specialty evaluates or treats; an item is then decided only by the
reviewer assigned to it (LC 139.5(c): a reviewer in the same or similar specialty as the
physician who would evaluate or treat the condition and the disputed treatment)."""

from collections.abc import Collection

from openimr.core.errors import Problem

SOURCE = "LC 139.5(c)"
NOT_YOURS = "this item is assigned to another reviewer on this case; only they decide it"


def assigned_positions(listed: Collection[int], count: int) -> frozenset[int]:
    """The positions (from 0) of the items a reviewer decides, of a case with ``count`` items.
    An assignment that lists none covers the whole case: that is how a single reviewer is
    assigned (LC 139.5(c))."""
    if not listed:
        return frozenset(range(count))
    return frozenset(p for p in listed if 0 <= p < count)


def item_assignment_problems(listed: Collection[int], position: int, count: int) -> list[Problem]:
    """Why the reviewer whose assignment lists ``listed`` may not decide the item at
    ``position``: it is another reviewer's (LC 139.5(c)). The other reviewer is never named:
    a reviewer's identity stays with the staff (LC 4610.6(f))."""
    if position in assigned_positions(listed, count):
        return []
    return [Problem(f"$.items[{position}]", NOT_YOURS)]
