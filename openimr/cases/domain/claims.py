"""How a claim number and a person's name compare: two spellings that a reader takes for
the same claim or the same person are the same, so a duplicate (8 CCR 9792.10.3(a)(2)) and
a consolidation (8 CCR 9792.10.4(a)) are found however they were typed."""

import unicodedata


def without_invisible(text: str) -> str:
    """``text`` without its invisible format characters (Unicode category Cf: a soft hyphen,
    a zero-width space or joiner, a word joiner, a byte-order mark). Text pasted from a PDF
    or a word processor carries them inside a word, where no reader sees them: "kn\u00adee"
    prints as "knee", so it is the same treatment, name or claim (8 CCR 9792.10.3(a)(2);
    8 CCR 9792.10.4(a)). Taken out, not read as a space, which would split the word."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


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
