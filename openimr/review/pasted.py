"""Text a reviewer pastes from a word processor or a PDF into the workspace. Word writes a
manual line break (Shift+Enter) as a vertical tab and a page break as a form feed: control
characters the letter cannot print, which refused the whole summary with no word of which
character or where. And it carries invisible characters inside words (a soft hyphen, a
zero-width space, a byte-order mark): the PDF leaves them out, but the text and HTML letters,
and the published corpus built from them, kept them, so a search for the word missed it.
Zero-width joiners and direction marks stay: they shape or order the scripts that use them."""

from django import forms

from openimr.core.text import unprintable

# Word's breaks, read as the breaks they are.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n\n"})
# Invisible in print and inside a word: taken out, not read as a space, which would split it.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def as_pasted(text: str) -> str:
    """``text`` with Word's line and page breaks as line breaks and the invisible characters
    pasted inside words taken out."""
    return text.translate(_BREAKS).translate(_INVISIBLE)


def unprintable_at(text: str) -> str | None:
    """What is wrong with ``text`` as letter text (``openimr.core.text.unprintable``), naming
    the first character at fault and where it is, or None."""
    wrong = unprintable(text)
    if wrong is None:
        return None
    at = next(i for i, c in enumerate(text) if unprintable(c) and c not in "\t\n\r")
    line = text.count("\n", 0, at) + 1
    return f"{wrong}: U+{ord(text[at]):04X} on line {line}, character {at + 1}"


class WrittenField(forms.CharField):
    """A text the reviewer writes, read as pasted (``as_pasted``) before it is checked."""

    def to_python(self, value: object) -> str | None:
        text = super().to_python(value)
        return as_pasted(text) if text else text
