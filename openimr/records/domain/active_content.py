"""What a received PDF can do besides show its pages, counted and said in words.

A PDF may carry JavaScript (in the document's name tree, run on opening, on a page or a
form field's event, behind a link), actions that launch a program or open a file, and
files embedded in it. A reader that opens the record may run them on the reviewer's
machine. The count tells staff and the reviewer what the original holds; it does not
decide what is served: every reader gets a copy made from the pages alone
(`openimr.records.selectors.record_file_served`), since a count can miss a kind of content
nobody listed (a 3D annotation). A fillable form is not active content: its filled values
are part of the record.

What counts (45 CFR 164.308(a)(5)(ii)(B): what could run on, or send data from, the
reviewer's machine): a script; an action that starts a program or opens a file (Launch,
GoToR, GoToE, ImportData, which reads form data from a file, and Rendition, which plays a
media clip and may carry a script of its own); an attached file; and a SubmitForm action,
which sends the form's data, patient details included, to an address of the sender's
choosing (45 CFR 164.312(e)(1)). A link to a web page (URI) does not: it does nothing until
clicked, and then the browser opens the page as any link does.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit


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
    submit: int = 0  # SubmitForm actions: the form's data sent to an address

    @property
    def active(self) -> bool:
        return bool(self.javascript or self.launch or self.attachments or self.submit)

    def as_dict(self) -> dict[str, int | str]:
        return {
            "javascript": self.javascript,
            "launch": self.launch,
            "attachments": self.attachments,
            "form": self.form.value,
            "submit": self.submit,
        }

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> "ActiveContent":
        return cls(
            javascript=int(stored.get("javascript", 0)),
            launch=int(stored.get("launch", 0)),
            attachments=int(stored.get("attachments", 0)),
            form=Form(stored.get("form", "")),
            submit=int(stored.get("submit", 0)),
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
    if found.submit:
        one, many = "action that sends the form's data", "actions that send the form's data"
        parts.append(_counted(found.submit, f"{one} to an address", f"{many} to an address"))
    if found.attachments:
        parts.append(_counted(found.attachments, "attached file", "attached files"))
    if found.form is Form.XFA and parts:
        parts.append("an XFA form, which can hold scripts of its own")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"this PDF contains {listed}"


LINK_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_LINK = 2048  # longer is no page a person typed; browsers and servers cut them anyway


def link_kept(uri: str) -> bool:
    """Whether a link of a record's PDF to ``uri`` stays in the copy a reader gets: a plain
    web or mail address (http, https with a host; mailto with an address), printable ASCII
    as the PDF standard writes a URI, and no longer than ``MAX_LINK``. Dropped: a script
    (javascript:), a file on the reader's machine or network (file:, smb:), data: and any
    other scheme a browser or an operating system may hand to a program. The protection
    from malicious software of 45 CFR 164.308(a)(5)(ii)(B): a link does nothing until
    clicked, and these open a page as any link in a browser does."""
    if not uri or len(uri) > MAX_LINK or not all(" " < c < "\x7f" for c in uri):
        return False
    try:
        parts = urlsplit(uri)
    except ValueError:  # an unclosed "[" of an IPv6 host
        return False
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        return "@" in parts.path
    return scheme in LINK_SCHEMES and bool(parts.hostname)
