"""A request body read as JSON as RFC 8259 writes it, and nothing looser.

Python's ``json`` module takes more than JSON, and each extra is a way for two readers of
one body to disagree: a key given twice keeps its last value (RFC 8259 4 leaves it to the
reader, and many keep the first, so ``"review_type"`` could be expedited to the client's
log and regular to the case); ``NaN``, ``Infinity`` and ``1e999`` (a float too large, read
as infinity) are no JSON numbers; a body in UTF-16 or UTF-32 is read where JSON exchanged
between systems must be UTF-8 (RFC 8259 8.1). Each is refused here at ``$`` or the key's
own path, as is a body nested more deeply than the reader recurses and a number longer
than Python reads, which had escaped as a bare 400 or a message naming a Python call."""

import json
import math
from collections.abc import Iterable
from typing import Any

from openimr.core.errors import InvalidInput, Problem

# RFC 8259 8.1 allows a reader to ignore a byte order mark; no other encoding is read.
_ENCODING = "utf-8-sig"
MEDIA_TYPE = "application/json"


def media_type_problem(content_type: str, charset: str | None) -> str:
    """What is wrong with a body sent as ``content_type`` (RFC 9110 8.3), or "" when it is
    read as JSON (RFC 8259 11, which defines no charset: one naming UTF-8 is harmless).
    Reading any body as JSON had filed, from ``curl -d`` (a form's type), an application
    whose client believed it sent a form, and told a client that did send a form that its
    JSON was broken."""
    sent = content_type.strip().lower()
    if not sent:
        return f"has no Content-Type; send it as {MEDIA_TYPE}"
    if sent != MEDIA_TYPE:
        return f"is sent as {sent}; send it as {MEDIA_TYPE}"
    if charset is not None and charset.strip().lower() not in ("utf-8", "utf8"):
        return f"is sent in the charset {charset}; send it in UTF-8"
    return ""


def length_problem(transfer_encoding: str, content_length: str) -> str:
    """What is wrong with how a body's length is given, or "": a body sent in chunks
    (``Transfer-Encoding: chunked``, RFC 9112 7.1) with no Content-Length. The server reads
    a body by its Content-Length (RFC 9112 6.3), so a chunked one was read as none and
    refused as "$: is missing" although the client had sent it; 411 says what to send
    (RFC 9110 15.5.12). A proxy that buffers the body (nginx's default) sends its length."""
    if content_length.strip() or "chunked" not in transfer_encoding.lower():
        return ""
    return (
        "is sent in chunks (Transfer-Encoding: chunked) with no Content-Length, and the "
        "server reads a body by its length: send it with a Content-Length header"
    )


def json_read(raw: bytes) -> Any:
    """The document ``raw`` holds; InvalidInput naming each problem's path otherwise."""
    try:
        text = raw.decode(_ENCODING)
    except UnicodeDecodeError as exc:
        raise _refused(f"not UTF-8 at byte {exc.start}") from exc
    repeated: list[tuple[dict[str, Any], str]] = []
    try:
        document = json.loads(
            text,
            object_pairs_hook=lambda pairs: _object(pairs, repeated),
            parse_constant=_constant,
            parse_float=_float,
            parse_int=_int,
        )
    except RecursionError as exc:
        raise _refused("nested more deeply than the server reads") from exc
    except ValueError as exc:  # json.JSONDecodeError, or one of the refusals below
        raise _refused(str(exc)) from exc
    if repeated:
        raise InvalidInput(_repeated_problems(document, repeated))
    return document


def _refused(why: str) -> InvalidInput:
    return InvalidInput([Problem("$", f"is not valid JSON: {why}")])


def _object(pairs: Iterable[tuple[str, Any]], repeated: list[tuple[dict[str, Any], str]]) -> Any:
    made: dict[str, Any] = {}
    for key, value in pairs:
        if key in made:
            repeated.append((made, key))
        made[key] = value
    return made


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {text[:40]} is too large")
    return number


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # past sys.get_int_max_str_digits(): no field takes such a number
        raise ValueError(f"a number of {len(text):,} digits is too long") from None


def _repeated_problems(document: Any, repeated: list[tuple[dict[str, Any], str]]) -> list[Problem]:
    """Each repeated key at its path, in the document's order: the objects are found by
    identity, walking the parsed document with a stack (it may be nested up to the reader's
    depth, too deep to recurse)."""
    paths: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(document, "$")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            paths[id(node)] = path
            stack += reversed([(value, f"{path}.{key}") for key, value in node.items()])
        elif isinstance(node, list):
            stack += reversed([(value, f"{path}[{i}]") for i, value in enumerate(node)])
    order = {key: n for n, key in enumerate(paths)}
    # An object that was itself a repeated key's first value is in the document no more:
    # the key that replaced it is named instead.
    found = sorted(
        ((made, key) for made, key in repeated if id(made) in paths),
        key=lambda pair: order[id(pair[0])],
    )
    said = dict.fromkeys(f"{paths[id(made)]}.{key}" for made, key in found)
    return [Problem(path, "is given more than once; give each key once") for path in said]
