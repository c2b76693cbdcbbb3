"""How a claim number and a person's name compare: two spellings that a reader takes for
the same claim or the same person are the same, so a duplicate (8 CCR 9792.10.3(a)(2)) and
a consolidation (8 CCR 9792.10.4(a)) are found however they were typed."""

import unicodedata

from openimr.core.text import without_invisible


def _plain(text: str) -> str:
    # Full-width digits, ligatures and either Unicode form of an accent read alike (NFKD);
    # an accent itself is often left off when a name or number is typed again, so it is
    # dropped (combining marks), and case does not count (casefold).
    decomposed = unicodedata.normalize("NFKD", without_invisible(text))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", kept.casefold())


def normalise_claim(number: str) -> str:
    """The claim number as compared: only its letters and digits, without case or accents.
    ``"QADUP-001"``, ``"qadup 001"`` and ``"QADUP001"`` are one claim."""
    return "".join(c for c in _plain(number) if c.isalnum())


def normalise_name(name: str) -> str:
    """A person's name as compared: its words, without case, accents or punctuation.
    ``"Ana María"`` and ``"ana maria"`` are one person."""
    return " ".join("".join(c if c.isalnum() else " " for c in _plain(name)).split())
