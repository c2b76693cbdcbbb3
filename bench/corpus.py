"""Synthetic corpus: realistic Final Determination Letters in every published layout, as text
and PDF, any number, seeded. Used by the parser round-trip tests, the ingest and search
benchmarks and the de-identification leak test.

    python bench/corpus.py --count 1000 --seed 7 --layout all --format text --out /tmp/letters

API (import as ``bench.corpus``):
- ``generate_cases(n, seed, *, identifiers=False)``: openimr.case/1 documents;
- ``render_letter(case, layout, *, noise=True, rng=None)``: the letter's text;
- ``letter_pdf(case, layout)``: the letter as a PDF;
- ``truth(case, layout)``: what that layout shows, so a parser's output can be checked;
- ``injected_identifiers(case)``: the identifying strings a case with identifiers carries.
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus_cases import generate_cases  # noqa: E402
from bench.corpus_identity import injected_identifiers  # noqa: E402
from bench.corpus_layout_review import professional_review  # noqa: E402
from bench.corpus_layouts import fdl_2014, fdl_2016, maximus_decisions, notice_2013  # noqa: E402
from bench.corpus_pdf import blocks_to_pdf  # noqa: E402
from bench.corpus_text import clean, noisy  # noqa: E402
from openimr.letters.parsing import LAYOUTS  # noqa: E402

__all__ = [
    "LAYOUTS",
    "generate_cases",
    "injected_identifiers",
    "letter_pdf",
    "render_letter",
    "truth",
]

_BUILDERS = {
    "notice-2013": notice_2013,
    "fdl-2014": fdl_2014,
    "fdl-2016": fdl_2016,
    "maximus-decisions": maximus_decisions,
    "professional-review": professional_review,
}
assert tuple(_BUILDERS) == LAYOUTS, "the generator and the parser must share layout names"


def blocks(case: dict[str, Any], layout: str) -> list[tuple[str, Any]]:
    try:
        build = _BUILDERS[layout]
    except KeyError:
        raise ValueError(f"unknown layout {layout!r}; one of: {', '.join(LAYOUTS)}") from None
    return build(case)


def render_letter(
    case: dict[str, Any], layout: str, *, noise: bool = True, rng: random.Random | None = None
) -> str:
    """The letter as text. Without ``noise``: one paragraph a line, blank lines between
    blocks. With it: as PDF extraction leaves it (corpus_text.py lists the kinds of noise),
    varied by ``rng`` (default: seeded by the case number, so the same case gives the same
    text)."""
    content = blocks(case, layout)
    if not noise:
        return clean(content)
    rng = rng or random.Random(f"{layout}:{case['case_number']}")
    return noisy(content, layout, case, rng)


def letter_pdf(case: dict[str, Any], layout: str) -> bytes:
    """The letter as a PDF typeset in Liberation Serif (openimr/letters/fonts)."""
    return blocks_to_pdf(blocks(case, layout), layout, case)


# Which fields each layout prints in a labelled place (a header, a credentials line, an item
# heading). Age and sex and the injury and UR dates are also always stated in the clinical
# summary's prose: truth() lists those apart, under "from_text".
_SHOWN = {
    "notice-2013": {
        "case_number",
        "dates.assigned",
        "dates.decision",
        "dates.ur_decision",
        "dates.injury",
        "dates.application_received",
        "reviewer.specialties",
        "reviewer.licensed_in",
        "documents",
        "employee.name",
        "employer.name",
        "ca_basis",
    },
    "fdl-2014": {"reviewer.specialties", "reviewer.licensed_in", "ca_basis"},
    "fdl-2016": {
        "case_number",
        "dates.assigned",
        "dates.injury",
        "dates.decision",
        "dates.ur_decision",
        "dates.application_received",
        "priority",
        "reviewer.specialties",
        "reviewer.licensed_in",
        "ca_basis",
    },
    "maximus-decisions": {
        "case_number",
        "dates.assigned",
        "dates.injury",
        "dates.decision",
        "dates.ur_decision",
        "dates.application_received",
        "priority",
        "reviewer.specialties",
        "reviewer.licensed_in",
        "documents",
        "employee.name",
        "employer.name",
        "ca_basis",
        "why_not_mtus",
    },
    "professional-review": {
        "case_number",
        "dates.assigned",
        "dates.injury",
        "dates.decision",
        "dates.ur_decision",
        "dates.application_received",
        "priority",
        "reviewer.specialties",
        "reviewer.licensed_in",
        "employee.age",
        "employee.sex",
        "reviewer.years_in_practice",
        "reviewer.weekly_hours",
        "documents",
        "ur_outcome",
        "why_not_mtus",
    },
}


def value_at(case: dict[str, Any], path: str) -> Any:
    """The value at a dotted path of a case document, e.g. ``employee.age``."""
    value: Any = case
    for part in path.split("."):
        value = value[part]
    return value


def truth(case: dict[str, Any], layout: str) -> dict[str, Any]:
    """What a parser can be expected to read back from this layout.

    ``fields`` maps a dotted path (``dates.assigned``, ``items[0].treatment``) to its value,
    for what the layout prints in a labelled place; ``from_text`` holds what only the
    clinical summary's prose says (age, sex, date of injury, UR date); ``not_shown`` lists
    the paths the layout cannot express. Names appear only when the case has them."""
    if layout not in _SHOWN:
        raise ValueError(f"unknown layout {layout!r}; one of: {', '.join(LAYOUTS)}")
    shown = _SHOWN[layout]
    fields: dict[str, Any] = {"clinical_summary": case["clinical_summary"]}
    for path in sorted(shown):
        if "." in path or path in ("case_number", "priority", "documents"):
            value = value_at(case, path)
            if value is not None:
                fields[path] = value
    if "documents" in fields:
        fields["documents"] = [
            {k: d[k] for k in ("title", "author", "date")} for d in case["documents"]
        ]
    for n, item in enumerate(case["items"]):
        at = f"items[{n}]."
        fields[at + "treatment"] = item["treatment"]
        fields[at + "decision"] = item["decision"]
        fields[at + "reviewer_basis"] = item["reviewer_basis"]
        fields[at + "rationale"] = item["rationale"]
        if "ca_basis" in shown:
            fields[at + "claims_administrator_basis"] = item["claims_administrator_basis"]
        if "ur_outcome" in shown:
            fields[at + "ur_outcome"] = item["ur_outcome"]
        if "why_not_mtus" in shown:
            fields[at + "why_not_mtus"] = item["why_not_mtus"]
    emp, dates = case["employee"], case["dates"]
    from_text = {
        "employee.age": emp["age"],
        "employee.sex": emp["sex"],
        "dates.injury": dates["injury"],
        "dates.ur_decision": dates["ur_decision"],
    }
    return {
        "layout": layout,
        "fields": fields,
        "from_text": {k: v for k, v in from_text.items() if k not in fields},
        "not_shown": sorted(_EVERYTHING - shown),
    }


_EVERYTHING = {
    *(path for shown in _SHOWN.values() for path in shown),
    "dates.records_complete",
    "requesting_physician.specialty",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--layout", default="all", choices=[*LAYOUTS, "all"])
    parser.add_argument("--format", default="text", choices=["text", "pdf", "json"])
    parser.add_argument("--identifiers", action="store_true")
    parser.add_argument("--clean", action="store_true", help="text without extraction noise")
    parser.add_argument("--out", type=Path, help="folder for the letters (none: only measure)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error(f"--count must be 0 or more, not {args.count}")
    _measure(args)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        _write(args)
    return 0


def _measure(args: argparse.Namespace) -> None:
    """The generator's speed alone (a pass that keeps nothing, as the search benchmark
    consumes cases), and the ratio to a baseline in the same run: ``json.loads`` of a stored
    case document, the cheapest way to get a case dict at all."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in generate_cases(args.count, args.seed, identifiers=args.identifiers):
        pass
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    stored = json.dumps(next(generate_cases(1, args.seed)))
    sample = min(args.count, 20_000)
    started = time.perf_counter()
    for _ in range(sample):
        json.loads(stored)
    baseline = (time.perf_counter() - started) / sample if sample else 0.0
    rate = args.count / seconds if seconds else 0.0
    per_cpu = args.count / cpu if cpu else 0.0
    ratio = seconds / args.count / baseline if args.count and baseline else 0.0
    print(
        f"{args.count} cases generated in {seconds:.2f} s: {rate:,.0f} cases/s "
        f"({per_cpu:,.0f} per CPU second); {ratio:.2f}x the time of json.loads of a stored case"
    )


def _write(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    layouts = LAYOUTS if args.layout == "all" else (args.layout,)
    cases = generate_cases(args.count, args.seed, identifiers=args.identifiers)
    for n, case in enumerate(cases):
        layout = layouts[n % len(layouts)]
        stem = args.out / case["case_number"]
        if args.format == "pdf":
            stem.with_suffix(".pdf").write_bytes(letter_pdf(case, layout))
        elif args.format == "json":
            stem.with_suffix(".json").write_text(json.dumps(case, indent=2), encoding="utf-8")
        else:
            text = render_letter(case, layout, noise=not args.clean)
            stem.with_suffix(".txt").write_bytes(text.encode("utf-8"))
    total = time.perf_counter() - started
    print(
        f"{args.count} letters ({args.format}, {args.layout}) written to {args.out} "
        f"in {total:.2f} s: {args.count / total if total else 0:,.0f} letters/s"
    )


if __name__ == "__main__":
    sys.exit(main())
