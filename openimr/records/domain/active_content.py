"""What a received PDF can do besides show its pages, and which copy of it a reader gets.

A PDF may carry JavaScript (in the document's name tree, run on opening, on a page or a
form field's event, behind a link), actions that launch a program or open a file, and
files embedded in it. A reader that opens the record may run them on the reviewer's
machine. The record as received is evidence and is kept unchanged (its SHA-256 recorded at
receipt); what reaches a reader's machine is a copy rebuilt from the pages' appearance
alone. A fillable form is not active content: its filled values are part of the record.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Form(StrEnum):
    NONE = ""
    ACROFORM = "acroform"
    # XML Forms Architecture: the form is described in XML that may itself hold scripts.
    XFA = "xfa"


@dataclass(frozen=True)
class ActiveContent:
    """What was found in one PDF: counts, so that staff can say "2 attached files"."""

    javascript: int = 0  # JavaScript actions, wherever they hang
    launch: int = 0  # actions that start a program or open another file
    attachments: int = 0  # embedded files, and file-attachment annotations
    form: Form = Form.NONE

    @property
    def active(self) -> bool:
        return bool(self.javascript or self.launch or self.attachments)

    def as_dict(self) -> dict[str, int | str]:
        return {
            "javascript": self.javascript,
            "launch": self.launch,
            "attachments": self.attachments,
            "form": self.form.value,
        }

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> "ActiveContent":
        return cls(
            javascript=int(stored.get("javascript", 0)),
            launch=int(stored.get("launch", 0)),
            attachments=int(stored.get("attachments", 0)),
            form=Form(stored.get("form", "")),
        )


def _counted(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def active_content_words(found: ActiveContent) -> str:
    """The finding as staff and the reviewer read it: "this PDF contains JavaScript (2
    scripts) and 2 attached files"; empty for a PDF with none. A form is named only where it
    can carry scripts (XFA): an ordinary fillable form is a record like any other."""
    parts = []
    if found.javascript:
        parts.append(f"JavaScript ({_counted(found.javascript, 'script', 'scripts')})")
    if found.launch:
        one, many = "action that starts a program", "actions that start a program"
        parts.append(_counted(found.launch, f"{one} or opens a file", f"{many} or open a file"))
    if found.attachments:
        parts.append(_counted(found.attachments, "attached file", "attached files"))
    if found.form is Form.XFA and parts:
        parts.append("an XFA form, which can hold scripts of its own")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"this PDF contains {listed}"


def reader_gets_original(found: ActiveContent | None, *, deliberately: bool) -> bool:
    """Whether a reader is sent the file as received rather than the copy rebuilt without
    active content. The original is sent when it holds none (the copy would only differ in
    bytes), or when a staff member asks for it by name (``deliberately``; audited by the
    caller). A record not yet checked (``None``: received before the check existed, and
    not read since) is treated as active. Why at all: the HIPAA Security Rule's protection
    from malicious software (45 CFR 164.308(a)(5)(ii)(B)) on the reviewer's workstation,
    and its integrity standard (45 CFR 164.312(c)(1)) for the evidence, which is never
    altered: the copy is made anew for each reading."""
    if deliberately:
        return True
    return found is not None and not found.active and found.form is not Form.XFA
