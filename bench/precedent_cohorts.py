"""How the precedent panel groups real items into cohorts: the items of the letters in a
folder of published PDF letters (/work/shared/corpus), each keyed as the panel keys a case's
item (`precedents.treatment_of`: category, key words, body regions, kinds), the regions as
the store reads a letter's item (`item_regions`: named, or its letter's diagnosed one). No
timing.

    python bench/precedent_cohorts.py DIR [--json OUT]

Printed: items, cohorts, the items whose region came from their letter's diagnoses, and
each cohort holding more than one wording, its wordings. With
--json, each item's cohort in order, so two versions of the code can be compared (the
cohorts one joined, the ones it split).
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of letters (PDF), searched deep")
    parser.add_argument("--json", type=Path, help="write each item's cohort here")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415

    django.setup()
    from openimr.decisions.domain.item_regions import (  # noqa: PLC0415
        item_regions,
        letter_diagnoses,
    )
    from openimr.decisions.domain.treatment_words import regions  # noqa: PLC0415
    from openimr.decisions.precedents import treatment_of  # noqa: PLC0415
    from openimr.letters.parsing import parse_pdf  # noqa: PLC0415

    items, read = [], []
    for path in sorted(args.folder.rglob("*.pdf")):
        case = parse_pdf(path.read_bytes()).case
        dx = letter_diagnoses(case.get("diagnoses") or (), case.get("clinical_summary") or "")
        for i in case.get("items", []):
            treatment, category = str(i.get("treatment") or ""), str(i.get("category") or "")
            items.append((treatment, category))
            read.append(item_regions(treatment, category, dx, i.get("icd10") or ()))
    keys = [
        repr(treatment_of(treatment, category, found))
        for (treatment, category), found in zip(items, read, strict=True)
    ]
    groups: dict[str, list[str]] = defaultdict(list)
    for (treatment, _), key in zip(items, keys, strict=True):
        groups[key].append(treatment)
    diagnosed = sum(bool(f) and not regions(t) for (t, _), f in zip(items, read, strict=True))
    print(f"{len(items)} items, {len(groups)} cohorts, {diagnosed} regions from the diagnoses")
    for key, wordings in sorted(groups.items()):
        if len(set(wordings)) > 1:
            print(f"  {key}\n    " + "\n    ".join(sorted(set(wordings))))
    if args.json:
        rows = [[*item, key] for item, key in zip(items, keys, strict=True)]
        args.json.write_text(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
