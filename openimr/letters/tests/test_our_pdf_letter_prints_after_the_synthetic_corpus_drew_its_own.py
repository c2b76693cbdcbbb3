"""The synthetic corpus (bench/corpus_pdf.py) draws its PDFs in the letter's own font files.
reportlab keeps one font object per face name, so whichever registered a face first stood in
for the other: a process (a test run, a benchmark) that generated a synthetic PDF before
rendering a letter failed with "'TTFont' object has no attribute 'encode'". Run in a fresh
process, so that the order is the failing one whatever ran before in this one."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = """
import django
django.setup()
from bench.corpus import LAYOUTS, generate_cases, letter_pdf
from openimr.cases.interchange import case_from_document
from openimr.letters.parsing import parse_pdf
from openimr.letters.rendering import render
doc = next(iter(generate_cases(1, seed=5)))
letter_pdf(doc, LAYOUTS[0])
ours = render(case_from_document(doc), "pdf")
print(parse_pdf(ours).case["case_number"] == doc["case_number"])
"""


def test_a_letter_renders_after_a_synthetic_pdf_in_the_same_process():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"
