"""Letter rendering speed: PDF, text, HTML and the whole case → PDF path.

Run from the repository root: `python bench/letters.py`. Needs no database and no Django
settings. Each figure is compared with a baseline measured in the same run: reportlab's
platypus laying out the same words as plain Helvetica paragraphs, the cheapest PDF platypus
makes of them.

The PDF renderer keeps the font subsets it embeds (openimr/letters/render/pdf_fonts.py), so
besides the same letter over and over, two cases show what that cache is worth: letters
that differ in names and text, and the same letter with the cache emptied before each run.
"""

import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from io import BytesIO
from itertools import cycle
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.lib.units import inch  # noqa: E402
from reportlab.platypus import Paragraph as Para  # noqa: E402
from reportlab.platypus import SimpleDocTemplate  # noqa: E402

from openimr.cases.interchange import case_from_file  # noqa: E402
from openimr.core.case import (  # noqa: E402
    Case,
    Category,
    Citation,
    Decision,
    Document,
    DocumentKind,
    Employee,
    Item,
    Named,
    Physician,
)
from openimr.letters.domain.content import BulletList, Letter, Paragraph  # noqa: E402
from openimr.letters.render.html import render_html  # noqa: E402
from openimr.letters.render.pdf import fonts, render_pdf  # noqa: E402
from openimr.letters.render.text import render_text  # noqa: E402
from openimr.letters.rendering import letter_for, render  # noqa: E402

SEED = ROOT / "openimr" / "demo" / "cases" / "seed-90bd304bc794ee83.json"
N = 200
WARMUP = 20

SUMMARY = """Follow-up on {when:%B} {when.day}, {when.year} documented continued low back \
pain rated 6/10, worse with prolonged sitting and lifting, radiating intermittently into the \
left buttock without numbness or weakness. Examination showed lumbar paraspinal tenderness \
from L3-S1, flexion limited to 50 degrees, negative straight leg raise bilaterally and intact \
sensation and strength in the lower extremities. The treating physician continued the home \
exercise program and naproxen 550 mg twice daily, and requested the items under review."""

RATIONALE = """The ODG supports a home exercise program as part of active treatment for chronic \
low back pain, and recommends that patients be instructed in exercises they can do at home. \
The records show that the employee has already been instructed in such a program. There is no \
documentation of a specific deficit that the requested item would address, nor of a failed \
trial of the exercises taught in therapy without it.

As such, this request is not medically necessary at this time."""


def _item(treatment: str, decision: Decision) -> Item:
    odg = Citation(False, "Official Disability Guidelines (ODG), Low Back - Lumbar and Thoracic")
    mtus = Citation(True, "Chronic Pain Medical Treatment Guidelines, Physical Medicine, page 98")
    return Item(
        treatment=treatment,
        category=Category.DMEPOS,
        claims_administrator_basis=(odg,),
        reviewer_basis=(mtus, odg),
        decision=decision,
        rationale=RATIONALE,
    )


def bench_case() -> Case:
    """The seed case grown to a realistic three-page letter: named parties, a longer
    summary, three items and eight documents."""
    seed = case_from_file(SEED)
    visits = [date(2014, month, 10) for month in (1, 4)]
    summary = "\n\n".join([seed.clinical_summary or ""] + [SUMMARY.format(when=d) for d in visits])
    items = (
        replace(seed.items[0], rationale=RATIONALE),
        _item("Lumbar support brace", Decision.UPHELD),
        _item("Physical therapy 2 x 4 lumbar spine", Decision.OVERTURNED),
    )
    kinds = [DocumentKind.PROGRESS_NOTE, DocumentKind.THERAPY_NOTE]
    documents = tuple(
        Document(f"Progress note {n}", "Dr. Ægir Øvergård", date(2014, n, 10), kinds[n % 2])
        for n in range(1, 9)
    )
    return replace(
        seed,
        employee=Employee("Zoë Łukasiewicz", 47),
        employer=Named("Acme Logistics"),
        claims_administrator=Named("Golden State Claims Services"),
        requesting_physician=Physician("Dr. Ægir Øvergård", "Orthopedic Surgery"),
        clinical_summary=summary,
        documents=documents,
        items=items,
    )


NAMES = (
    ("José Ramírez", "Dr. María Peña"),
    ("Zoë Łukasiewicz", "Dr. Ægir Øvergård"),
    ("Siobhán O'Connor", "Dr. François Lefèvre"),
    ("Björn Ångström", "Dr. Ana Čapek"),
    ("Nguyễn Văn An", "Dr. Đặng Thị Hương"),
    ("Günter Weiß", "Dr. İlker Şahin"),
)


def varied_letters(case: Case) -> list[Letter]:
    """Letters for other parties and visits: other names, dates and so other words, and
    some characters outside the first font subset (Vietnamese), as real letters differ."""
    letters = []
    for n, (employee, physician) in enumerate(NAMES):
        summary = SUMMARY.format(when=date(2013, n + 2, 3 + n))
        varied = replace(
            case,
            employee=Employee(employee, 30 + n),
            requesting_physician=Physician(physician, "Orthopedic Surgery"),
            clinical_summary=f"{case.clinical_summary}\n\n{summary}",
        )
        letters.append(letter_for(varied))
    return letters


# Names in scripts Liberation Serif lacks: each draws on a fallback face, Arabic and
# Devanagari shaped by HarfBuzz (docs/letters.md).
SCRIPT_NAMES = ("山田太郎 김민준", "محمد العلي", "Սարգսյան Արամ", "सिंह प्रिया")


def script_letter(case: Case) -> Letter:
    """The bench letter for an employee and physician whose names need the fallback faces."""
    return letter_for(
        replace(
            case,
            employee=Employee(" ".join(SCRIPT_NAMES[:2]), 47),
            requesting_physician=Physician(" ".join(SCRIPT_NAMES[2:]), "Orthopedic Surgery"),
        )
    )


# Names whose marks HarfBuzz moves onto their letters (pointed Hebrew, Arabic vowel marks,
# Hindi and Thai vowel signs, Vietnamese typed with separate accents), and a treatment that
# prints a Chinese name in the bold item line (the fallback face emboldened).
MARK_NAMES = ("יִצְחָק כֹּהֵן", "مُحَمَّد فاطِمَة", "कृष्ण ठाकुर", "ปิ่น", "Nguye\u0302\u0303n")


def marks_letter(case: Case) -> Letter:
    """The bench letter for parties whose names carry marks, one item naming a doctor in
    Chinese."""
    first, *items = case.items
    return letter_for(
        replace(
            case,
            employee=Employee(" ".join(MARK_NAMES[:2]), 47),
            requesting_physician=Physician(" ".join(MARK_NAMES[2:]), "Orthopedic Surgery"),
            items=(replace(first, treatment="Consultation with Dr. 王小明"), *items),
        )
    )


def uncached_pdf(letter: Letter) -> bytes:
    """render_pdf as if each letter's font subsets had never been embedded before."""
    for face in fonts().values():
        face._subsets.clear()
    return render_pdf(letter)


def plain_words(letter: Letter) -> list[str]:
    """The letter's words as plain paragraphs, in reading order."""
    out = [letter.organization, letter.title, *(f"{f.label}: {f.value}" for f in letter.header)]
    for section in letter.sections:
        out.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                out.append(f"{block.label} {block.text}" if block.label else block.text)
            elif isinstance(block, BulletList):
                out.extend(block.entries)
    return out


def baseline_pdf(words: list[str]) -> bytes:
    """The cheapest reportlab PDF of the same words: Helvetica, no table, no footer."""
    style = getSampleStyleSheet()["Normal"]
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=LETTER, leftMargin=inch, rightMargin=inch, topMargin=inch)
    doc.build([Para(escape(text), style) for text in words])
    return out.getvalue()


def timings(cases: dict[str, Callable[[], object]]) -> dict[str, list[float]]:
    """Milliseconds per run. The cases take turns, so a machine that slows down for a while
    slows every case alike and the ratios to the baseline hold."""
    runs: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(WARMUP):
        for fn in cases.values():
            fn()
    for _ in range(N):
        for name, fn in cases.items():
            start = time.perf_counter()
            fn()
            runs[name].append((time.perf_counter() - start) * 1000)
    return runs


def p95(runs: list[float]) -> float:
    return statistics.quantiles(runs, n=20)[-1]


def pages(pdf: bytes) -> int:
    return len(pdfium.PdfDocument(pdf))


def peak_kib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    case = bench_case()
    letter = letter_for(case)
    words = plain_words(letter)
    render_pdf(letter)  # registers the fonts, so the baseline runs under the same settings
    others = cycle(varied_letters(case))
    scripts = script_letter(case)
    marks = marks_letter(case)
    cases: dict[str, Callable[[], object]] = {
        "baseline": lambda: baseline_pdf(words),
        "pdf": lambda: render_pdf(letter),
        "pdf-varied": lambda: render_pdf(next(others)),
        "pdf-uncached": lambda: uncached_pdf(letter),
        "pdf-scripts": lambda: render_pdf(scripts),
        "pdf-marks": lambda: render_pdf(marks),
        "text": lambda: render_text(letter),
        "html": lambda: render_html(letter),
        "full": lambda: render(case, "pdf"),
    }
    pdf_pages = {"baseline": pages(baseline_pdf(words)), "pdf": pages(render_pdf(letter))}
    pdf_pages["pdf-uncached"] = pdf_pages["pdf"]
    pdf_pages["pdf-varied"] = max(pages(render_pdf(other)) for other in varied_letters(case))
    pdf_pages["full"] = pages(render(case, "pdf"))
    pdf_pages["pdf-scripts"] = pages(render_pdf(scripts))
    pdf_pages["pdf-marks"] = pages(render_pdf(marks))
    results = timings(cases)
    base = statistics.median(results["baseline"])
    print(f"python {sys.version.split()[0]}, N={N} interleaved runs after {WARMUP} warm-up")
    for name, runs in results.items():
        median = statistics.median(runs)
        line = f"{name}: median {median:.2f} ms  p95 {p95(runs):.2f} ms"
        line += f"  ratio to baseline {median / base:.2f}x"
        if name in pdf_pages:
            line += f"  ({pdf_pages[name]} pages)"
        print(line)
    print(f"pdf size: {len(render_pdf(letter)) / 1024:.1f} KiB")
    print(f"pdf-scripts size: {len(render_pdf(scripts)) / 1024:.1f} KiB")
    print(f"pdf-marks size: {len(render_pdf(marks)) / 1024:.1f} KiB")
    print(f"pdf peak memory (tracemalloc): {peak_kib(lambda: render_pdf(letter)):.0f} KiB")


if __name__ == "__main__":
    main()
