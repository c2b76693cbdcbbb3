"""Letter parser: what it finds in the 182 published letters, and how fast it reads them.

Run from the repository root: `python bench/parser_fields.py [--rounds N]`. Needs no
database. Prints:

- the share of the corpus letters (../shared/corpus/ca-dwc-imr-2016-2017) in which each field
  was found (a value, with a confidence of at least 0.5; for item fields, on every item);
- the parse rate in letters per second on one core, from text, against the baseline of bare
  text normalisation (``openimr.letters.parsing.text.normalize``: line ends, page furniture,
  hyphens, paragraph ends) of the same texts in the same run, and pypdfium2's extraction
  rate of the same PDFs for scale;
- the same rate on 300 synthetic letters of each layout (bench/corpus.py).

Each pass starts with the parser's memos emptied, as an ingest meets each letter once.
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import value_at  # noqa: E402
from openimr.letters.parsing import ParsedLetter, parse_text  # noqa: E402
from openimr.letters.parsing.pdf import extract_text  # noqa: E402
from openimr.letters.parsing.text import normalize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ca-dwc-imr-2016-2017"
FIELDS = (
    "case_number",
    "dates.assigned",
    "dates.injury",
    "dates.decision",
    "dates.ur_decision",
    "dates.application_received",
    "priority",
    "employee.age",
    "employee.sex",
    "reviewer.specialties",
    "reviewer.licensed_in",
    "clinical_summary",
    "items",
)
ITEM_FIELDS = (
    "treatment",
    "decision",
    "claims_administrator_basis",
    "reviewer_basis",
    "rationale",
    "category",
)


def _found(letter: ParsedLetter, path: str) -> bool:
    value = value_at(letter.case, path)
    return value not in (None, [], "") and letter.confidence.get(path, 0.0) >= 0.5


def _item_found(letter: ParsedLetter, field: str) -> bool:
    items = letter.case["items"]
    return all(
        letter.confidence.get(f"items[{n}].{field}", 0.0) >= 0.5
        and (field.endswith("basis") or items[n][field] not in (None, "", "other"))
        for n in range(len(items))
    )


def _forget() -> None:
    """Empty the parser's memos (``functools.lru_cache``: the classifiers, the string
    readers, the reviewer's qualifications), so that each pass meets its letters as an
    ingest does, once: otherwise every pass after the first finds every answer remembered.
    The unbounded caches (``functools.cache``: a table built once) are kept."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("openimr.letters.parsing."):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()


def _rate(work: Callable[[str], object], texts: list[str], rounds: int) -> float:
    """Letters per second, the best of ``rounds`` passes (the least disturbed by the other
    processes of a shared machine), each pass with the parser's memos emptied first."""
    best = float("inf")
    for _ in range(rounds):
        _forget()
        started = time.process_time()
        for text in texts:
            work(text)
        best = min(best, time.process_time() - started)
    return len(texts) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    files = sorted(CORPUS.glob("*.pdf"))
    if not files:
        print(f"no letters at {CORPUS}", file=sys.stderr)
        return 2
    pdfs = [f.read_bytes() for f in files]
    started = time.process_time()
    texts = [extract_text(data) for data in pdfs]
    extraction = len(pdfs) / (time.process_time() - started)
    letters = [parse_text(text) for text in texts]
    print(f"{len(letters)} letters, {sum(len(x.case['items']) for x in letters)} items")
    print(f"{'field':40} found in")
    for path in FIELDS:
        share = statistics.mean(_found(x, path) for x in letters)
        print(f"  {path:38} {share:7.1%}")
    for field in ITEM_FIELDS:
        share = statistics.mean(_item_found(x, field) for x in letters)
        print(f"  {'items[].' + field:38} {share:7.1%}")
    warned = statistics.mean(bool(x.warnings) for x in letters)
    print(f"  {'(letters with any warning)':38} {warned:7.1%}")
    parse = _rate(parse_text, texts, args.rounds)
    baseline = _rate(normalize, texts, args.rounds)
    print(f"parse_text: {parse:,.0f} letters/s per core ({1000 / parse:.3f} ms a letter)")
    print(f"baseline, normalize only: {baseline:,.0f} letters/s ({1000 / baseline:.3f} ms)")
    print(f"parse / normalisation time: {baseline / parse:.2f}x")
    print(f"pypdfium2 extraction of the same PDFs: {extraction:,.0f} letters/s")
    _layouts(args.rounds)
    return 0


def _layouts(rounds: int) -> None:
    """The same rate on synthetic letters of every layout, as extraction leaves them."""
    from bench.corpus import LAYOUTS, generate_cases, render_letter  # noqa: PLC0415 (optional part)

    cases = list(generate_cases(300, seed=2026))
    for layout in LAYOUTS:
        texts = [render_letter(case, layout) for case in cases]
        parse = _rate(parse_text, texts, rounds)
        baseline = _rate(normalize, texts, rounds)
        print(
            f"  {layout:20} {parse:7,.0f} letters/s per core, {baseline / parse:.2f}x normalisation"
        )


if __name__ == "__main__":
    sys.exit(main())
