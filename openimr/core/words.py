"""Words that generated sentences agree on, whatever text is put in them."""

import re

# Initialisms read letter by letter take "an" when the first letter's name starts with a vowel.
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")


def article(phrase: str) -> str:
    """ "a" or "an" before ``phrase``, as it is read aloud: "an eligible", "a received", "an
    MRI" (em-ar-eye), "a QA" (cue-ay), "an X-ray"."""
    word = re.split(r"[\s-]", phrase, maxsplit=1)[0]
    letters = re.sub(r"[^A-Za-z]", "", word)
    if letters.isupper() and (len(letters) > 1 or "-" in phrase[: len(word) + 1]):
        return "an" if letters[0] in _VOWEL_LETTERS else "a"
    return "an" if phrase[:1].lower() in "aeiou" else "a"


# What a TOML value of each type is called in a refusal ("must be a whole number", never
# "must be a int"): the words of the TOML files' readers, not Python's type names.
_KINDS: dict[type, str] = {
    dict: "a table",
    list: "a list",
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
}


def kind_words(kind: type) -> str:
    """``kind`` as a refusal names what a value must be: "a table", "text", "true or false"."""
    return _KINDS.get(kind) or f"{article(kind.__name__)} {kind.__name__}"


_UNITS = ((86_400, "day"), (3600, "hour"), (60, "minute"), (1, "second"))


def duration_words(seconds: int) -> str:
    """``seconds`` said exactly, in the largest unit that divides it: "2 days", "8 hours",
    "30 minutes", "1 minute", "90 seconds" (never "1 minutes", nor "0 minutes" for 45
    seconds), so that a page never rounds a real limit (a session's, a reset link's)."""
    size, unit = next((s, u) for s, u in _UNITS if seconds % s == 0)
    count = seconds // size
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"
