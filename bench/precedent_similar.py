"""What the precedent panel lists after a short cohort ("similar text"), over real letters:
the letters of a folder of published PDF letters (/work/shared/corpus) are ingested into a
new corpus (a temporary data folder), and each of their items is taken as a case under
review (its own letter left out, as a case's published letter is), its panel computed with
the caches bypassed. No timing.

    python bench/precedent_similar.py DIR [--json OUT]

Printed: items; items whose cohort holds no other letter; items listing similar text; the
similar rows, those whose item is of the disputed item's category, and of those the ones
sharing a word of its treatment or a body region with it (read by the running tree's
`domain/treatment_words.py`); items listing nothing. With --json, each item's panel, so two
versions of the code can be compared.
"""

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of letters (PDF), searched deep")
    parser.add_argument("--json", type=Path, help="write each item's panel here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="precedent-similar-") as data:
        os.environ["OPENIMR_DATA_DIR"] = data
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django  # noqa: PLC0415

        django.setup()
        from django.core.management import call_command  # noqa: PLC0415

        from openimr.cli import main as openimr  # noqa: PLC0415

        call_command("migrate", verbosity=0)
        with contextlib.redirect_stdout(io.StringIO()):  # its summary, not this script's
            openimr(["corpus", "ingest", str(args.folder), "--workers", "1", "--json"])
        panels = _panels(args.folder)
    _report(panels)
    if args.json:
        args.json.write_text(json.dumps(panels, indent=1))
    return 0


def _panels(folder: Path) -> list[dict[str, Any]]:
    from bench.precedents import Uncached  # noqa: PLC0415
    from openimr.decisions import precedents  # noqa: PLC0415
    from openimr.decisions.models import DecisionItem  # noqa: PLC0415
    from openimr.letters.parsing import parse_pdf  # noqa: PLC0415

    precedents._PANELS = precedents._COHORTS = Uncached()  # type: ignore[assignment]
    categories: dict[tuple[str, str], str] = {
        (number, treatment): category
        for number, treatment, category in DecisionItem.objects.values_list(
            "decision__case_number", "treatment", "category"
        )
    }
    found = []
    for path in sorted(folder.rglob("*.pdf")):
        case = parse_pdf(path.read_bytes()).case
        for n, _ in enumerate(case.get("items", [])):
            [panel] = precedents.precedents_for_case(case, positions={n})
            listed = [
                (p.match, p.treatment, categories.get((p.case_number, p.treatment), ""))
                for p in panel.decisions
            ]
            found.append(
                {
                    "case": case["case_number"],
                    "treatment": panel.treatment,
                    "category": panel.category,
                    "cohort": panel.cohort_size,
                    "listed": listed,
                }
            )
    return found


def _report(panels: list[dict[str, Any]]) -> None:
    from openimr.decisions.domain.precedent_words import NOISE  # noqa: PLC0415
    from openimr.decisions.domain.treatment_words import key_words, regions  # noqa: PLC0415

    def words(treatment: str, category: str) -> set[str]:
        return set(key_words(treatment, category, drop=NOISE, limit=8)) | set(regions(treatment))

    similar = [
        (panel, row) for panel in panels for row in panel["listed"] if row[0] == "similar text"
    ]
    same = [(panel, row) for panel, row in similar if row[2] == panel["category"]]
    alike = [
        (panel, row)
        for panel, row in same
        if words(panel["treatment"], panel["category"]) & words(row[1], panel["category"])
    ]
    print(
        f"{len(panels)} items, {sum(not p['cohort'] for p in panels)} with no other letter "
        f"in their cohort, {len({id(p) for p, _ in similar})} listing similar text: "
        f"{len(similar)} rows, {len(same)} of the item's category, {len(alike)} of them "
        f"sharing a word or body region with it; {sum(not p['listed'] for p in panels)} "
        "items listing nothing"
    )


if __name__ == "__main__":
    sys.exit(main())
