"""A file sent as base64 text inside JSON (a record over the API, the UR decision attached to
an application): the standard alphabet with its padding (RFC 4648 section 4), in one line
or wrapped in lines as the `base64` tool and MIME write it, 76 characters a line
(RFC 2045 section 6.8). Line breaks and spaces carry no data and are taken out; any other
character outside the alphabet is refused, saying where it is, since a decoder that skipped
it would store a file other than the one sent."""

import base64
import binascii
import re

from openimr.core.errors import InvalidInput, Problem

_LETTERS = "A-Za-z0-9+/"
# Written as a regular expression both Python and the OpenAPI document's readers (ECMA) take.
_GAP = r"[\t\n\r ]*"
_ONE = f"[{_LETTERS}]{_GAP}"
PATTERN = f"^{_GAP}(?:(?:{_ONE}){{4}})*(?:(?:{_ONE}){{2}}={_GAP}={_GAP}|(?:{_ONE}){{3}}={_GAP})?$"
_SPACES = str.maketrans("", "", "\t\n\r ")
_FOREIGN = re.compile(r"[^A-Za-z0-9+/=\t\n\r ]")
_EARLY_PADDING = re.compile(rf"=[\t\n\r =]*[{_LETTERS}]")
_URL_SAFE = {"-": "+", "_": "/"}


def _decoded(text: str) -> bytes | None:
    # Strict decoding still takes padding after a whole group ("AAAA=", "AAAA===="), which
    # no encoder writes and the declared pattern refuses.
    if len(text) % 4 or text.endswith("==="):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def decode_base64(value: str, path: str) -> bytes:
    """The bytes ``value`` encodes, line breaks and spaces in it ignored; InvalidInput at
    ``path`` saying what is wrong and where when it is not base64."""
    decoded = _decoded(value)
    if decoded is None:  # wrapped in lines, or not base64
        decoded = _decoded(value.translate(_SPACES))
    if decoded is None:
        raise InvalidInput([Problem(path, f"is not valid base64: {base64_problem(value)}")])
    return decoded


def _where(value: str, at: int) -> str:
    if "\n" not in value:
        return f"character {at + 1:,}"
    line_start = value.rfind("\n", 0, at) + 1
    return f"line {value.count(chr(10), 0, at) + 1:,}, column {at - line_start + 1}"


def _shown(character: str) -> str:
    code = f"U+{ord(character):04X}"
    return f"“{character}” ({code})" if character.isprintable() else code


def base64_problem(value: str) -> str:
    """What makes ``value`` (not decodable) other than base64, and where: a character
    outside the alphabet, padding before the end, or a length that is not whole groups of
    four."""
    foreign = _FOREIGN.search(value)
    if foreign:
        found = foreign.group()
        hint = (
            f"; base64url writes “{found}” where base64 writes “{_URL_SAFE[found]}”"
            if found in _URL_SAFE
            else ""
        )
        return (
            f"{_shown(found)} at {_where(value, foreign.start())} is not a base64 character "
            f"(A-Z, a-z, 0-9, + and /; line breaks and spaces are ignored){hint}"
        )
    early = _EARLY_PADDING.search(value)
    if early:
        return (
            f"padding “=” at {_where(value, early.start())} comes before the end; "
            "= may only end the last group of four"
        )
    data = value.translate(_SPACES)
    if len(data) % 4:
        return (
            f"its {len(data):,} characters (line breaks and spaces aside) are not whole groups "
            "of four: it was cut short, or its padding “=” is missing"
        )
    return "its last group of four ends in more than two padding characters “=”"
