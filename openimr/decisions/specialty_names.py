"""The one name each reviewer specialty shows: in the search's facets, its filter's links,
the analytics and `openimr corpus stats`.

Letters spell a specialty more than one way ("Physical Medicine & Rehabilitation" in 2016,
"... and Rehabilitation" in 2013); the search's filter takes them as one
(`search_tags.specialty_key`). Its name is the spelling the most letters of the whole
corpus print (then the first by name). Before, the facets chose among the matches by
letters and the analytics by decided items, so a group could show one name in a search and
another on the analytics page.

The letters printing each spelling are counted as they are written (migration 0012's
triggers), so reading the names is a read of a row per spelling: counting them over every
letter's specialties had cost the first visitor after each corpus change 69-138 ms at a
million letters."""

import importlib

from django.db import connection

from openimr.decisions.corpus import StampedCache
from openimr.decisions.search_tags import specialty_key, specialty_spellings

_COUNTED = importlib.import_module("openimr.decisions.migrations.0012_specialty_letters_counted")
# Exact (no lag): a name shown must be the one the analytics computed at the same stamp.
_NAMES = StampedCache("specialty names", 1, lags=False)


def specialty_names() -> dict[str, str]:
    """Each specialty's name by its `specialty_key`."""
    return _NAMES.get_or_compute("names", _names)


def specialty_name(spelling: str) -> str:
    """The name shown for a specialty spelled so (itself, when no letter prints it)."""
    return specialty_names().get(specialty_key(spelling), spelling)


def letters_by_spelling() -> list[tuple[str, int]]:
    """How many letters print each specialty spelling (those printed by none left out)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT specialty, letters FROM {_COUNTED.TABLE} WHERE letters > 0")
        return [(name, int(letters)) for name, letters in cursor.fetchall()]


def _names() -> dict[str, str]:
    counted = letters_by_spelling()
    return {specialty_key(names[0]): names[0] for names in specialty_spellings(counted)}
