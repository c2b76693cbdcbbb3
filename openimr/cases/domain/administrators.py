"""Which claims administrator a name on a form means.

A case names its claims administrator as the filer wrote it (DWC Form IMR, "Claims
Administrator"); the same insurer arrives as "Acme Insurance Co.", "ACME INSURANCE CO" or
"Acme  Insurance Co". The key below is what two spellings must share to be the same
registered administrator: case, spacing and punctuation are ignored, words are not, so
"Acme Insurance" and "Acme Insurance Services" stay two administrators (a wrong match would
open one insurer's case files to another's token)."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def administrator_key(name: str | None) -> str:
    """The comparable form of an administrator's name; "" for no name."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())
