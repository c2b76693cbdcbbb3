"""Text typed into the search (the query, a specialty) as it is searched and shown: its
controls read as spaces, its invisible characters taken out, its compatibility forms plain."""

import unicodedata

# Invisible inside a word, pasted from a PDF or a web page: a soft hyphen where the line was
# broken, zero-width spaces and joiners, a byte order mark.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def typed(text: str) -> str:
    """Text as the letters' index holds it: full-width letters and digits ("ＭＲＩ", from an
    East Asian keyboard) and ligatures ("ﬁndings", pasted from a PDF) in their plain form
    (NFKC), as the letters' text is (the parser unfolds ligatures); the index's tokenizers
    would have kept them apart, and found nothing."""
    return unicodedata.normalize("NFKC", text)


# Bidirectional controls: invisible, but they turn the text after them around (U+202E in
# "knee\u202epain" showed the page's "…pain”, most relevant first" reversed). They always
# parted words (no letter nor digit), so each is read, and shown, as a space.
_BIDI: dict[int, str | None] = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"), " "
)
_BIDI.update(dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"), " "))
# Every control character (C0, DEL, C1), as NUL always was: "knee\x1bpain" had been one word
# (searched as the phrase "knee pain", where "knee\x00pain" is two words) and was echoed
# with its control character into the page, where HTML forbids one.
_BIDI.update(dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " "))
_BIDI.update(dict.fromkeys(map(ord, INVISIBLE)))


def plain(text: str) -> str:
    """The search text (or a specialty) as it is searched and shown: a control character
    (NUL, ESC, DEL, ...) and each bidirectional control a space (a NUL in HTML shows as a
    replacement character), the characters invisible inside a word taken out (`chunks`).
    A box holding only these is an empty box."""
    return text.translate(_BIDI)
