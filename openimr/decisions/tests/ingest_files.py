"""Files for the ingest tests: real published letters, generated ones, and bad files."""

import io
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.pdfgen import canvas

from bench.corpus import generate_cases, render_letter

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "ca-dwc-imr-2016-2017"


def real_pdfs(count: int) -> list[Path]:
    return sorted(CORPUS.glob("*.pdf"))[:count]


def generated_texts(count: int, seed: int = 11) -> list[tuple[str, str]]:
    """(case number, letter text) for generated letters, in the layouts in turn."""
    layouts = ("fdl-2016", "maximus-decisions", "notice-2013", "professional-review")
    return [
        (case["case_number"], render_letter(case, layouts[n % len(layouts)]))
        for n, case in enumerate(generate_cases(count, seed))
    ]


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def encrypted_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="a-secret")
    page.drawString(72, 720, "Final Determination Letter")
    page.save()
    return buffer.getvalue()


def blank_pdf() -> bytes:
    """A PDF page without a text layer, as a scan without OCR is."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(72, 72, 400, 600, fill=1)
    page.save()
    return buffer.getvalue()


PLANTED = (
    "Patient: John Doe (DOB: 01/02/1960, SSN 123-45-6789, Claim Number: ZX-998877, "
    "phone (805) 555-0142, 1450 Harbor Blvd, Oxnard, CA 93035)."
)


def text_of(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def planted_letter(number: str) -> bytes:
    """A real published letter with identifiers written into its clinical summary."""
    text = text_of(real_pdfs(1)[0].read_bytes()).replace(real_pdfs(1)[0].stem, number)
    text = text.replace(
        "case file, including all medical records:",
        f"case file, including all medical records:\n{PLANTED}",
        1,
    )
    assert PLANTED in text
    buffer = io.BytesIO()
    page, y = canvas.Canvas(buffer), 760
    for line in text.replace("\r", "").splitlines():
        if y < 50:
            page.showPage()
            y = 760
        page.setFont("Helvetica", 8)
        page.drawString(30, y, line)
        y -= 10
    page.save()
    return buffer.getvalue()
