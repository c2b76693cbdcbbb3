"""Building records for the case-file tests: real PDFs from page texts, and the texts of a
progress note and a utilization review letter."""

from pathlib import Path

from openimr.demo.record_files import text_pdf
from openimr.records.domain.pages import PAGE_BREAK

IMMEDIATE = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}

PROGRESS_NOTE = (
    "Valley Spine & Rehabilitation Medical Group\n"
    "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)\n"
    "Date of Service: 02/19/2014\n"
    "Patient: Gerald Whitcomb\n"
    "SUBJECTIVE:\n"
    "The patient returns for follow-up of low back pain radiating to the left buttock.\n",
    "OBJECTIVE:\n"
    "Tenderness to palpation over the lumbar paraspinals with spasm and guarding.\n"
    "PLAN:\n"
    "Continue home exercise. Request an Optimum Home Rehab Kit.\n"
    "Kenneth Abernathy, D.O.\n",
)


def pdf_of(*pages: str) -> bytes:
    """A real PDF, a page for each text."""
    return text_pdf(PAGE_BREAK.join(pages))


def stored_files(media_root: Path) -> list[Path]:
    folder = Path(media_root) / "records"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
