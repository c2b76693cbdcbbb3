"""Names and identifiers that corpus ingest leaves in letters that were not de-identified.

Run from the repository root: `python bench/ingest_leaks.py [--cases N] [--pdfs N] [--seed S]`.
Generated cases WITH identifiers (`bench.corpus.generate_cases(..., identifiers=True)`), each
rendered in every layout as text (and the first `--pdfs` of them as PDF, one layout each in
turn), are read as `openimr corpus ingest` reads a file (`read_published`); each planted string
(`injected_identifiers`) still found in the de-identified case is a leak. Printed: the leaks by
field (clinical summary, rationale, document title, ...) and by kind (attorney, adjuster,
employer, ...), the letters read, and the letters whose PDF ingest would keep (read unchanged).
"""

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter  # noqa: E402
from bench.corpus_identity import (  # noqa: E402
    IDENTIFIER_KINDS,
    injected_identifiers,
    planted_surnames,
)
from openimr.decisions.ingest_reader import read_published  # noqa: E402


def planted(case: dict[str, Any]) -> dict[str, str]:
    """Each planted string by its kind (a string two kinds share is listed under the first),
    and each person's surname alone: a surname left behind is a leak too."""
    out: dict[str, str] = {}
    for kind, value in zip(IDENTIFIER_KINDS, injected_identifiers(case), strict=True):
        if value not in out.values():
            out[kind] = value
    for person, surname in planted_surnames(case).items():
        if surname not in out.values():
            out[f"{person} surname"] = surname
    return out


def text_fields(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, text) of every text of a case a published decision shows."""
    yield "clinical_summary", doc.get("clinical_summary") or ""
    for diagnosis in doc.get("diagnoses") or ():
        yield "diagnosis", diagnosis or ""
    for document in doc.get("documents") or ():
        yield "document_title", document.get("title") or ""
        yield "document_author", document.get("author") or ""
    for item in doc.get("items") or ():
        for key in ("treatment", "rationale", "why_not_mtus"):
            yield key, item.get(key) or ""
        for key in ("claims_administrator_basis", "reviewer_basis"):
            for citation in item.get(key) or ():
                yield "citation", citation.get("citation") or ""
    for party in ("employee", "attorney", "employer", "claims_administrator"):
        yield f"{party}.name", (doc.get(party) or {}).get("name") or ""
    yield "requesting_physician.name", (doc.get("requesting_physician") or {}).get("name") or ""


def occurs(needle: str, text: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text, re.IGNORECASE))


def leaks(case: dict[str, Any], public: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field, kind, needle) of each planted string found in a field of the public case."""
    found = []
    needles = planted(case)
    for field, text in text_fields(public):
        for kind, needle in needles.items():
            if text and occurs(needle, text):
                found.append((field, kind, needle))
    return found


def letters(cases: int, pdfs: int, seed: int) -> Iterator[tuple[str, dict[str, Any], bytes]]:
    """(form, case, file) of each letter: every case in every layout as text, and the first
    ``pdfs`` cases as PDF (layouts in turn)."""
    for n, case in enumerate(generate_cases(cases, seed, identifiers=True)):
        for layout in LAYOUTS:
            yield "text", case, render_letter(case, layout).encode()
        if n < pdfs:
            yield "pdf", case, letter_pdf(case, LAYOUTS[n % len(LAYOUTS)])


def measure(cases: int, pdfs: int, seed: int) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("field", "kind", "form", "read")}
    for form, case, data in letters(cases, pdfs, seed):
        read = read_published(data)
        counts["read"][form] += 1
        counts["read"][f"{form} kept its PDF"] += not read.changed
        for field, kind, _ in leaks(case, read.letter.case):
            counts["field"][field] += 1
            counts["kind"][kind] += 1
            counts["form"][form] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--pdfs", type=int, default=0)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    counts = measure(args.cases, args.pdfs, args.seed)
    total = sum(counts["field"].values())
    print(f"leaks: {total} planted identifiers survived ingest")
    for name in ("field", "kind", "form", "read"):
        print(f"by {name}:" if name != "read" else "letters read:")
        for key, count in counts[name].most_common():
            print(f"  {key}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
