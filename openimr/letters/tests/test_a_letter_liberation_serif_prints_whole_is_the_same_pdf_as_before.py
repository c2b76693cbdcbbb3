"""Fallback faces for scripts Liberation Serif lacks must not change a letter it can print
whole: a letter in Latin, Greek, Cyrillic or Hebrew letters is the same PDF, byte for byte,
as before fallback faces existed, and names no other face. Issued letters are kept by their
SHA-256, so an unchanged letter must keep its hash.

The hash below was measured with the renderer as it was before fallback faces (the commit
before they were added), for this letter built from content directly, so that changes to
the letter's wording elsewhere do not move it. A reportlab upgrade that changes its output
would change it too; re-measure then, with the old renderer, not the new one."""

import hashlib
import re

from openimr.letters.domain.content import BulletList, Field, Letter, Paragraph, Section
from openimr.letters.render.pdf import render_pdf

LETTER = Letter(
    organization="Zoë Łukasiewicz Review Services",
    title="Final Determination Letter",
    case_number="CM16-0400101",
    header=(Field("Employee", "Nguyễn Văn Thắng"), Field("Employer", "Ωμέγα Жуков & Co. <LLC>")),
    sections=(
        Section(
            "PARTIES SERVED",
            (
                Paragraph("Copies of this determination are served on:"),
                BulletList(
                    ("Employee: Nguyễn Văn Thắng", 'Claims administrator: שירותי ביטוח בע"מ')
                ),
                Paragraph(
                    "Ramón Ortega-Vásquez, MD — “quoted” … 3 [1, 2]", label="Decision rationale: "
                ),
            ),
        ),
    ),
)
BEFORE = "8827b4f048a73d3cc5bf4dd58453229c1b727002dc3b9eb2ce705eb4dc0b9829"


def test_the_letter_is_the_same_pdf_as_before_fallback_faces():
    assert hashlib.sha256(render_pdf(LETTER)).hexdigest() == BEFORE


def test_the_letter_names_only_liberation_serif():
    names = set(re.findall(rb"/BaseFont /[A-Z]{6}\+([\w-]+)", render_pdf(LETTER)))
    assert names == {b"LiberationSerif", b"LiberationSerif-Bold"}
