"""Where a command's `-o FILE` goes: standard output for "-", else a file written whole or
not at all. Followed through a symbolic link, and written in place to what is not a
regular file (a device, a named pipe), which a rename would replace. And how a command
prints a file name (`shown_name`) and JSON (`print_json`)."""

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from openimr.core.errors import InvalidInput, Problem
from openimr.core.text import empty_path, file_name, json_shown_literally, shown_literally


def shown_name(name: str) -> str:
    """A file name from the command line or a folder as the terminal is to print it: a byte
    that is not UTF-8 as ``\\xe9`` (``file_name``), each control and text-direction
    character as its code (``shown_literally``). Printed as it is, an escape sequence in a
    name re-coloured or cleared the terminal and a U+202E printed it reversed."""
    return shown_literally(file_name(name))


def print_json(body: Any) -> None:
    """``body`` as indented JSON on standard output, accented letters as they are
    (``ensure_ascii=False``) but no character that drives the terminal: a letter's text
    holding an escape sequence (ESC, or the C1 CSI U+009B) re-coloured or cleared it, and a
    U+202E printed a treatment reversed (``json_shown_literally``)."""
    print(json_shown_literally(json.dumps(body, indent=2, ensure_ascii=False)))


def write_output(data: bytes, out: str | None) -> None:
    """To standard output, or to a file replaced in one step so that a failure never leaves
    a half-written file behind. The file is the owner's alone (0600): its callers write a
    case file or a letter, which name the injured worker (PHI)."""
    if out is None or out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_file([data], out)


def _umask() -> int:
    # The only way to read the process's umask is to set it; the CLI runs one thread.
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def write_file(chunks: Iterable[bytes], out: str, *, public: bool = False) -> int:
    """Writes the chunks to a temporary file beside ``out`` and renames it at the end, so an
    interrupted or refused write never leaves a partial file (nor the temporary one) behind.
    The file is the owner's alone (0600, as the temporary file is made) unless ``public``
    (the de-identified corpus, published anyway): then it has the mode any new file gets,
    0666 less the umask (0644 under the usual 022), so others may read it as they would a
    download. A target that cannot be written (a folder, a missing folder, no permission)
    is an InvalidInput naming ``--output``. Returns the bytes written.

    A symbolic link is followed, as a shell's ``>`` follows it: the file it names is
    replaced and the link kept (a rename had put a file in the link's place). What exists
    and is not a regular file (``/dev/null``, ``/dev/full``, a named pipe) is written in
    place: renamed onto, a device was replaced by a file (as root, /dev/null itself) and a
    full device's "No space left on device" never said. A read-only file is refused, as
    `cp` refuses it, not replaced."""
    empty = empty_path(out, "a file to write")
    if empty:
        raise InvalidInput([Problem("--output", empty)])
    target = Path(os.path.realpath(out))
    if target.is_dir():
        raise InvalidInput([Problem("--output", f"{out} is a folder: name a file to write")])
    if target.exists() and not target.is_file():
        return _written(out, lambda: _write_in_place(chunks, target))
    if target.is_file() and _read_only(target):
        raise InvalidInput([Problem("--output", f"{out} is read-only: {KEPT}")])
    if not target.parent.is_dir():
        folder = target.parent if Path(out).is_symlink() else Path(out).parent
        raise InvalidInput([Problem("--output", f"no folder {folder}")])
    return _written(out, lambda: _write_and_rename(chunks, target, public=public))


# cp's answer to a file it may not write (`cannot create regular file: Permission
# denied`), said plainly: the rename needs only the folder's permission, so it had
# replaced the file.
KEPT = "not replaced (make it writable, or name another file)"


def _read_only(target: Path) -> bool:
    """A file this process may not write, or one nobody may (no write bit at all): as root,
    whom permissions never stop, a file made read-only is still kept as its owner meant."""
    return not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222


def _written(out: str, write: Callable[[], int]) -> int:
    """``write()``'s bytes; an OSError it meets is the InvalidInput naming ``--output``."""
    try:
        return write()
    except OSError as exc:
        raise InvalidInput([Problem("--output", f"cannot write {out}: {exc.strerror}")]) from exc


def _write_in_place(chunks: Iterable[bytes], target: Path) -> int:
    size = 0
    with open(target, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
            size += len(chunk)
    return size


def _write_and_rename(chunks: Iterable[bytes], target: Path, *, public: bool) -> int:
    partial, size = None, 0
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
            partial = handle.name
            for chunk in chunks:
                handle.write(chunk)
                size += len(chunk)
        if public:
            os.chmod(partial, 0o666 & ~_umask())
        os.replace(partial, target)
    except BaseException:
        if partial is not None:
            os.unlink(partial)
        raise
    return size
