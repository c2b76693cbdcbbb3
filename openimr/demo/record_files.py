"""The demo case files: each synthetic record (`records/<case>/*.txt`, a form feed between
pages) typeset into a real PDF and received like any upload, so that `make run` shows case
files to read, search and summarize. Reading the text runs here and now rather than in the
worker, so that the pages are there when `make run` opens, whether its worker is running yet
or not."""

import hashlib
import io
import json
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from openimr.cases import selectors as cases
from openimr.core.errors import NotFound
from openimr.letters.render.pdf import FAMILY, fonts
from openimr.records import selectors as records_selectors
from openimr.records import services as records
from openimr.records.domain.pages import split_pages

RECORDS = Path(__file__).parent / "records"
SIZE, LEADING, MARGIN = 10.5, 13.0, 60.0
WIDTH, HEIGHT = LETTER
LINES_PER_PAGE = int((HEIGHT - 2 * MARGIN) // LEADING)


def _font() -> str:
    # The letters' embedded face, which covers every name a record may carry. reportlab
    # keeps one font object per face for the whole process, whoever registers it first, so
    # the records take the letters' object outright: the same text, the same bytes.
    fonts()
    return FAMILY


def text_pdf(text: str) -> bytes:
    """A PDF of ``text``: a page for each form feed, and another where a page runs past
    the sheet; long lines wrap. The same text always gives the same bytes, so that loading
    the demo twice receives each record once."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    for page in split_pages(text):
        lines = _wrapped(page)
        for start in range(0, max(len(lines), 1), LINES_PER_PAGE):
            canvas.setFont(_font(), SIZE)
            for number, line in enumerate(lines[start : start + LINES_PER_PAGE]):
                canvas.drawString(MARGIN, HEIGHT - MARGIN - number * LEADING, line)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _wrapped(page: str) -> list[str]:
    out: list[str] = []
    for line in page.strip("\n").splitlines():
        out += simpleSplit(line, _font(), SIZE, WIDTH - 2 * MARGIN) or [""]
    return out


def demo_records_load() -> int:
    """Receive the records of every demo case that is loaded, and read their text.
    Idempotent: the same file twice is one record. Returns how many records were new."""
    new = 0
    for manifest in sorted(RECORDS.glob("*/manifest.json")):
        new += _case_records(manifest)
    return new


def demo_records_copy(source: str, into: str) -> int:
    """Receive the records of demo case ``source`` into case ``into``, as if sent twice."""
    return _case_records(RECORDS / source / "manifest.json", into=into)


def _case_records(manifest_path: Path, into: str | None = None) -> int:
    """Receive one demo case's records, into that case or into case ``into``."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    try:
        row = cases.case_row(into or manifest["case_number"])
    except NotFound:
        return 0
    # What the case already holds is not sent again: a second receipt of the same bytes is
    # one record, but each one writes a `record.received_again` event to the trail.
    held = {record.sha256: record for record in records_selectors.case_file(row)}
    new = 0
    for document in manifest["documents"]:
        text = (manifest_path.parent / document["file"]).read_text(encoding="utf-8")
        data = text_pdf(text)
        record = held.get(hashlib.sha256(data).hexdigest())
        if record is None:
            record = records.record_receive(
                case=row,
                data=data,
                filename=document["file"].removesuffix(".txt") + ".pdf",
                submitted_by=document["submitted_by"].replace(" ", "_"),
                via=records.Via.UPLOAD,
                actor="demo",
            )
            new += not record.replayed
        if record.status == records.Status.PENDING:
            records.record_extract.call(record.pk)
    return new
