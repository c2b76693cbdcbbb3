"""Letter parser under extraction noise: how many fields of the 182 published letters survive
each damage other extractors and PDF producers do to a letter's text.

Run from the repository root: `python bench/parser_noise.py [--seeds N] [--detail]`. Needs no
database. Each letter's text is extracted as ingest extracts it (pypdfium2), parsed, then
damaged (openimr/letters/tests/extraction_noise.py: re-wrapped lines, doubled breaks, other
line ends, running headers and footers, words broken at line ends, trailing spaces, tabs,
non-breaking and soft hyphens, labels apart from their values or split in narrow cells,
justified spacing, typographic punctuation) and
parsed again. A field survives when the damaged parse gives it as the clean parse does
(strings compared with white space collapsed and typographic quotes and dashes as ASCII).

Prints, per damage: the share of fields that survive, the letters refused, the letters with
every field intact; with --detail, the fields lost most often.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openimr.letters.parsing.pdf import extract_text  # noqa: E402
from openimr.letters.tests.extraction_noise import (  # noqa: E402
    DAMAGES,
    damaged_text,
    fields,
    lost,
)

CORPUS = ROOT.parent / "shared" / "corpus" / "ca-dwc-imr-2016-2017"


def _kind(field: str) -> str:
    """``items[3].rationale`` → ``item rationale``: the fields of every item counted as one."""
    return "item " + field.split(".", 1)[1] if field.startswith("items[") else field


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=1, help="seeds per damage (default 1)")
    parser.add_argument("--detail", action="store_true", help="the fields lost most often")
    parser.add_argument("--only", help="one damage, by its name")
    args = parser.parse_args()
    texts = [extract_text(path.read_bytes()) for path in sorted(CORPUS.glob("*.pdf"))]
    clean = [fields(text) for text in texts]
    if any(parse is None for parse in clean):
        raise SystemExit("a published letter is refused undamaged")
    names = [args.only] if args.only else list(DAMAGES)
    print(f"{len(texts)} letters, {sum(map(len, clean))} fields, {args.seeds} seed(s)\n")
    print("| damage | fields surviving | letters refused | letters intact |")
    print("| --- | --- | --- | --- |")
    grand = [0, 0]
    for name in names:
        kept = total = refused = intact = 0
        losses: Counter[str] = Counter()
        for seed in range(args.seeds):
            for text, fresh in zip(texts, clean, strict=True):
                damaged = fields(damaged_text(name, text, seed))
                gone = lost(fresh, damaged)
                refused += damaged is None
                intact += not gone
                total += len(fresh)
                kept += len(fresh) - len(gone)
                losses.update(map(_kind, gone))
        grand[0] += kept
        grand[1] += total
        letters = len(texts) * args.seeds
        print(
            f"| {name} | {kept / total:.2%} ({total - kept:,} lost) | {refused} "
            f"| {intact / letters:.1%} |"
        )
        if args.detail and losses:
            print("|   lost most: " + ", ".join(f"{k} {n}" for k, n in losses.most_common(6)))
    print(f"\nall damages: {grand[0] / grand[1]:.2%} of fields survive")


if __name__ == "__main__":
    main()
