"""Files sent through a staff form, limited as they stream in.

Django writes a file part to a temporary file however large it is, and only then does a
view see its size: a gigabyte scan sent by mistake would be written whole before being
refused. `SizeLimitHandler`, first of FILE_UPLOAD_HANDLERS, drops a file part once it
passes OPENIMR_UPLOAD_MAX_BYTES and notes its field on the request; the form then refuses
that field naming the limit (`oversized_fields`, `OVERSIZED`), rather than taking the file
as not sent (an application without its UR decision would be screened ineligible).

Django also cuts a file's name to 255 characters, silently, before a view sees it. The
handler notes each file's name as sent (`sent_filename`), so that a view can refuse a name
the API would refuse, naming it, instead of storing another one.
"""

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

from openimr.core.form_focus import FocusFirstError

_NOTED = "openimr_oversized_uploads"
_NAMES = "openimr_upload_names"


class SizeLimitHandler(FileUploadHandler):
    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.request is not None:  # the name before UploadedFile cuts it to 255
            names: dict[str, str] = getattr(self.request, _NAMES, {})
            names[field_name] = file_name
            setattr(self.request, _NAMES, names)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.OPENIMR_UPLOAD_MAX_BYTES:
            if self.request is not None:
                noted: set[str] = getattr(self.request, _NOTED, set())
                noted.add(self.field_name)
                setattr(self.request, _NOTED, noted)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None  # the next handler keeps the file


def oversized_fields(request: HttpRequest) -> frozenset[str]:
    """The file fields of this request dropped for passing the limit."""
    return frozenset(getattr(request, _NOTED, ()))


def sent_filename(request: HttpRequest, field: str) -> str | None:
    """The name of the file sent in ``field`` as the browser sent it (its last path part),
    uncut; None when no file came in that field."""
    return getattr(request, _NAMES, {}).get(field)


def oversized_message() -> str:
    limit = settings.OPENIMR_UPLOAD_MAX_BYTES
    return f"the file is over {limit:,} bytes; the limit is {limit:,}"  # as size_check says it


class SizeLimitedForm(FocusFirstError):
    """A form whose file fields `SizeLimitHandler` may have dropped (``oversized``, from
    `oversized_fields`): each is refused at its field naming the limit, instead of being
    taken for a file not sent."""

    def __init__(self, *args: Any, oversized: frozenset[str] = frozenset(), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.oversized = sorted(oversized & set(self.fields))
        for name in self.oversized:
            self.fields[name].required = False  # said below, with the limit, not "required"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.oversized:
            self.add_error(name, oversized_message())
        return cleaned
