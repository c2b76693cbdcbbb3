"""The de-identification audit (issue 6, item 3): what the free-text rules leave and what they
wrongly remove, on the sentences of ``bench/deid_audit_set.py``.

Run from the repository root: `python bench/deid_audit.py [--verbose] [--cost N]`. Each
sentence is a case's clinical summary, the case naming the parties of ``KNOWN``, published through
``deidentify_document``. Printed: the planted names and identifiers still found (leaks), of
``LEAKS`` (the cases the rules handle) and ``LEFT`` (those they leave, with the reason), and
the words of ``KEPT`` (text that must not change) removed or changed (over-removals).
With ``--cost N``: the CPU a letter of ``deidentify_document`` alone over N generated letters
as ingest parses them (every layout in turn), the best of 12 passes (CPU time, which a shared
machine's other jobs move less than wall time).
"""

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.deid_audit_kept import KEPT  # noqa: E402
from bench.deid_audit_set import KNOWN, LEAKS, LEFT  # noqa: E402
from openimr.decisions.deidentify import deidentify_document  # noqa: E402


def published(text: str) -> str:
    """``text`` as the public corpus shows it, written in a case naming ``KNOWN``."""
    doc: dict[str, object] = {party: {"name": name} for party, name in KNOWN.items()}
    doc["clinical_summary"] = text
    return deidentify_document(doc)["clinical_summary"]


def survivors(text: str, planted: tuple[str, ...]) -> list[str]:
    """The planted strings still found in the published ``text``, each as a whole word."""
    out = published(text)
    return [p for p in planted if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", out)]


def removed_words(text: str) -> int:
    """How many words of ``text`` its published version lost or changed."""
    before, after = Counter(text.split()), Counter(published(text).split())
    return sum((before - after).values())


def cost(letters: int) -> float:
    """CPU milliseconds a letter of ``deidentify_document`` over ``letters`` parsed letters."""
    from bench.corpus import LAYOUTS, generate_cases, render_letter  # noqa: PLC0415
    from openimr.letters.parsing.sandboxed import parse_letter  # noqa: PLC0415

    cases = generate_cases(letters, seed=2026)
    texts = [render_letter(case, LAYOUTS[n % len(LAYOUTS)]) for n, case in enumerate(cases)]
    docs = [parse_letter(text.encode()).case for text in texts]
    best = float("inf")
    for _ in range(12):
        started = time.process_time()
        for doc in docs:
            deidentify_document(doc)
        best = min(best, time.process_time() - started)
    return best / len(docs) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print each leak and change")
    parser.add_argument("--cost", type=int, default=0, help="letters to time (0: none)")
    args = parser.parse_args(argv)
    if args.cost < 0:
        parser.error(f"--cost must be 0 or more, not {args.cost}")
    counts: Counter[str] = Counter()
    for group, cases in (("handled", LEAKS), ("left", LEFT)):
        for case in cases:
            left = survivors(case.text, case.planted)
            counts[f"{group} planted"] += len(case.planted)
            counts[f"{group} leaked"] += len(left)
            if left and args.verbose:
                print(f"LEAK {left}: {published(case.text)!r}")
    for text in KEPT:
        lost = removed_words(text)
        counts["kept words"] += len(text.split())
        counts["over-removed"] += lost
        counts["kept texts changed"] += bool(lost)
        if lost and args.verbose:
            print(f"OVER {lost}: {text!r} -> {published(text)!r}")
    print(
        f"leaks: {counts['handled leaked']} of {counts['handled planted']} planted in "
        f"{len(LEAKS)} texts the rules handle, {counts['left leaked']} of "
        f"{counts['left planted']} in {len(LEFT)} they leave; over-removals: "
        f"{counts['over-removed']} of {counts['kept words']} words, in "
        f"{counts['kept texts changed']} of {len(KEPT)} texts that must not change"
    )
    if args.cost:
        print(f"de-identifying one letter: {cost(args.cost):.4f} ms of CPU ({args.cost} letters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
