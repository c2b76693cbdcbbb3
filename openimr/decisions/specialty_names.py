"""The one name each reviewer specialty shows: in the search's facets, its filter's links,
the analytics and `openimr corpus stats`.

Letters spell a specialty more than one way ("Physical Medicine & Rehabilitation" in 2016,
"... and Rehabilitation" in 2013); the search's filter takes them as one
(`search_terms.specialty_key`). Its name is the spelling the most letters of the whole
corpus print (then the first by name). Before, the facets chose among the matches by
letters and the analytics by decided items, so a group could show one name in a search and
another on the analytics page."""

from django.db import connection

from openimr.decisions.corpus import StampedCache
from openimr.decisions.search_terms import specialty_key, specialty_spellings

# Exact (no lag): a name shown must be the one the analytics computed at the same stamp.
_NAMES = StampedCache("specialty names", 1, lags=False)


def specialty_names() -> dict[str, str]:
    """Each specialty's name by its `specialty_key`."""
    return _NAMES.get_or_compute("names", _names)


def specialty_name(spelling: str) -> str:
    """The name shown for a specialty spelled so (itself, when no letter prints it)."""
    return specialty_names().get(specialty_key(spelling), spelling)


def _names() -> dict[str, str]:
    with connection.cursor() as cursor:
        # One row per letter and spelling (the `specialty_once` constraint): count(*) is
        # the letters printing each spelling.
        cursor.execute(
            "SELECT specialty, count(*) FROM decisions_decisionspecialty GROUP BY specialty"
        )
        counted = cursor.fetchall()
    return {specialty_key(names[0]): names[0] for names in specialty_spellings(counted)}
