"""Fallback faces for scripts Liberation Serif lacks must not change a letter it can print
whole: a letter in Latin, Greek, Cyrillic or Hebrew letters is the same PDF, byte for byte,
as before fallback faces existed, and names no other face. Issued letters are kept by their
SHA-256, so an unchanged letter must keep its hash.

The hashes were measured for this letter built from content directly, so that changes to
the letter's wording elsewhere do not move them. DRAWN and FONT_STREAMS were measured with
the renderer as it was before fallback faces (the commit before they were added): what the
page draws and the embedded subsets. The letter became a tagged PDF after that (pdf_tags),
which adds structure objects and marked-content operators around what is drawn and changes
nothing drawn: BEFORE was re-measured then, and the page's operators without the marked-
content ones still hash to DRAWN. A reportlab upgrade that changes its output would change
them too; re-measure then, with the old renderer, not the new one."""

import hashlib
import re
import zlib

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
# The whole file, tagged (untagged, before fallback faces: 8827b4f048a73d3c...).
BEFORE = "21b3347354505b816981a883146d15a84f6903d86dfcd3d3bca949a492c97692"
DRAWN = "f98b03d548877bd4aca155c20d02a12e0ef7dd4e6f8a5d70da4caec45ac16aed"
FONT_STREAMS = "1a8c0bf65b6990014c72bf27f2b20830f4b3787e6bc5fe6246bd759b7824846a"
_STREAM = re.compile(rb"\n\d+ 0 obj\n<<(.*?)>>\nstream\n(.*?)endstream", re.S)
_MARKED = re.compile(rb"^(?:.* BDC|EMC)$")


def _streams(pdf: bytes) -> list[bytes]:
    """The PDF's streams, inflated where deflated (reportlab writes one per object)."""
    return [
        zlib.decompress(data) if b"FlateDecode" in head else data
        for head, data in _STREAM.findall(pdf)
    ]


def test_the_letter_is_the_same_pdf_as_before_fallback_faces():
    assert hashlib.sha256(render_pdf(LETTER)).hexdigest() == BEFORE


def test_the_letter_draws_what_it_drew_before_fallback_faces_and_tags():
    streams = _streams(render_pdf(LETTER))
    (page,) = [s for s in streams if b" Tf" in s]
    drawn = b"\n".join(line for line in page.split(b"\n") if not _MARKED.match(line))
    assert hashlib.sha256(drawn).hexdigest() == DRAWN
    fonts = sorted(s for s in streams if b" Tf" not in s and not s.startswith(b"<?xpacket"))
    assert hashlib.sha256(b"".join(fonts)).hexdigest() == FONT_STREAMS


def test_the_letter_names_only_liberation_serif():
    names = set(re.findall(rb"/BaseFont /[A-Z]{6}\+([\w-]+)", render_pdf(LETTER)))
    assert names == {b"LiberationSerif", b"LiberationSerif-Bold"}
