"""Characters no input of openimr holds or no comparison sees, and file names as text any
output holds."""

import re
import unicodedata


def has_control_character(text: str, *, allowed: str = "") -> bool:
    """Whether ``text`` holds a control character (Unicode category Cc: C0, DEL and C1) other
    than those in ``allowed``. PostgreSQL cannot store or compare text holding a NUL, and the
    others garble what a page, a letter or the audit trail prints."""
    return any((c <= "\x1f" or "\x7f" <= c <= "\x9f") and c not in allowed for c in text)


def without_invisible(text: str) -> str:
    """``text`` without its invisible format characters (Unicode category Cf: a soft hyphen,
    a zero-width space or joiner, a word joiner, a byte-order mark). Text pasted from a PDF
    or a word processor carries them inside a word, where no reader sees them: "Ro\u00adberts"
    prints as "Roberts", so it is the same treatment, claim or person, for a duplicate or a
    consolidation (8 CCR 9792.10.3(a)(2); 8 CCR 9792.10.4(a)) and for a reviewer's conflict
    of interest (LC 139.5(d)). Taken out, not read as a space, which would split the word."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def file_name(name: str) -> str:
    """A file name as stored and printed: a byte that is not UTF-8 (which Python keeps as a
    lone surrogate, and neither a database nor a UTF-8 stream takes) written as ``\\xe9``.
    Corpus ingest stores names so and `openimr letter parse` prints them so."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_DIRECTION = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# DEL, the C1 controls (U+009B is a terminal's escape sequence on its own) and the
# text-direction controls; with the C0 controls, what `shown_literally` writes as codes.
_UNSEEN_ABOVE_C0 = r"\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSEEN = re.compile(rf"[\x00-\x1f{_UNSEEN_ABOVE_C0}]")
_UNSEEN_IN_JSON = re.compile(rf"[{_UNSEEN_ABOVE_C0}]")


def shown_literally(text: str) -> str:
    r"""``text`` (a file name as stored) for a page to show as it is spelled: each control
    character and text-direction control written as its code (``\u202e``). Shown as it is,
    "letter\u202etxt.pdf" read "letterfdp.txt" and a name holding a line break ran on, so
    staff looked for a file that is not there."""
    return _UNSEEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_shown_literally(text: str) -> str:
    r"""JSON text (``json.dumps(..., ensure_ascii=False)``) for a terminal: the characters
    `shown_literally` writes as codes, written as JSON's own escapes (``\u009b``), so a
    program reading the JSON gets every string back as it was and a person reads accented
    letters as they are. JSON escapes the C0 controls itself (an ESC is ``\u001b``), and
    outside a string the text holds only line breaks and spaces: the characters escaped
    here stood inside strings, where such an escape means the same character."""
    return _UNSEEN_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def empty_path(name: object, wanted: str) -> str | None:
    """What is wrong with a path argument given empty, or None: ``Path("")`` is the folder
    the command runs in, so `openimr corpus ingest "$UNSET"` read every letter under it,
    `letter parse ""` said "Is a directory" and `-o ""` named "." as a folder. Every
    command taking a path refuses an empty one by this rule, saying what to name
    (``wanted``)."""
    if str(name) != "":
        return None
    return f"an empty path (an unset variable?): name {wanted}"


def unprintable(text: str) -> str | None:
    """What is wrong with ``text`` as text a page prints (a notice, a letter), or None:
    control characters other than tab and line breaks, in either the C0 or the C1 range; or
    a text-direction embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), which
    makes a name or a sentence print in another order than it was written."""
    if has_control_character(text, allowed="\t\n\r"):
        return "must not contain control characters"
    if _DIRECTION.search(text):
        return "must not contain text-direction controls (U+202A to U+202E, U+2066 to U+2069)"
    return None


# The reason a name gives when it holds no letter or digit: intake's and the panel's own.
NAMES_NO_ONE = "punctuation or accents alone name no one"
# A treatment's and a diagnosis's, intake's form's and an imported case's alike.
TREATMENTS_TOLD_APART = "treatments are told apart by them"
NAMES_NO_DIAGNOSIS = "punctuation or accents alone name no diagnosis"


def letter_or_digit_problem(text: str, reason: str) -> str | None:
    """``must hold a letter or digit: <reason>`` when ``text`` holds some character but no
    letter or digit (in any script, after compatibility normalisation and without invisible
    format characters), else None. Text of punctuation or accents alone ("...", "\\u0301")
    names no one to serve a notice on or to be free of a tie to (LC 4610.6(f); LC 139.5(d)),
    and tells no claim or treatment apart from another (8 CCR 9792.10.3(a)(2)). Intake's
    fields and the reviewer panel's names apply this one rule."""
    folded = unicodedata.normalize("NFKC", without_invisible(text))
    if text and not any(c.isalnum() for c in folded):
        return f"must hold a letter or digit: {reason}"
    return None
