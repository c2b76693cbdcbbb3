"""Record inference and the clinical summary drafter, measured against a person's reading.

Run from the repository root: `python bench/summary_drafter.py [--rounds N] [--json]`. Needs no
database and no Django settings. It reads two sets of synthetic case files: the demo records
(openimr/demo/records/<case>/, expectations in manifest.json, case facts from the demo case in
openimr/demo/cases/) and ten hand-annotated cases (tests/data/records/case-NN/, case facts in
case.json, expectations in expected.json). The expectations were written by reading the text,
not by running the code.

For each document, `infer_record` is scored per field (kind, author, date of service: share
correct, an expected "none" included). For each case, `draft_summary` is scored per fact:
facts expected, found, found and correct (every expected key word present, or the date or
value equal), and invented (found where the expectation is that the records do not say).

Time is per case (inference of every document plus the draft), compared with a baseline
measured in the same run: splitting and lowercasing the same pages, the cost of reading the
text once.
"""

import argparse
import json
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openimr.core.case import Sex, UROutcome  # noqa: E402
from openimr.records.domain.inference import infer_record  # noqa: E402
from openimr.records.domain.pages import RecordFacts, split_pages  # noqa: E402
from openimr.records.domain.summary import CaseFacts, Draft, DraftInput, draft_summary  # noqa: E402

DEMO = ROOT / "openimr" / "demo"
ANNOTATED = ROOT / "tests" / "data" / "records"
FIELDS = ("kind", "author", "date_of_service")
FACTS = (
    "age", "sex", "date_of_injury", "mechanism", "latest_note_date", "complaints", "exam",
    "imaging", "treatment_to_date", "request", "ur_date",
)  # fmt: skip
KEYWORD_FACTS = {"mechanism", "complaints", "exam", "treatment_to_date", "request"}
CREDENTIALS = {
    "md", "do", "dc", "pt", "dpt", "mpt", "psyd", "phd", "pac", "np", "fnp", "lac", "otr",
    "otrl", "dpm", "dds", "qme", "faaos", "facs", "inc",
}  # fmt: skip


@dataclass
class Document:
    name: str
    pages: tuple[str, ...]
    expected: dict[str, Any]


@dataclass
class Case:
    name: str
    documents: list[Document]
    facts: CaseFacts
    expected: dict[str, Any]


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    correct: int = 0
    invented: int = 0
    misses: list[str] = field(default_factory=list)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _pages(path: Path) -> tuple[str, ...]:
    return split_pages(path.read_text(encoding="utf-8"))


def demo_cases() -> list[Case]:
    cases = {}
    for path in (DEMO / "cases").glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        cases[doc["case_number"]] = doc
    out = []
    for manifest_path in sorted((DEMO / "records").glob("*/manifest.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        folder = manifest_path.parent
        documents = [
            Document(d["file"], _pages(folder / d["file"]), d) for d in manifest["documents"]
        ]
        facts = _demo_facts(cases[manifest["case_number"]])
        out.append(Case(f"demo {folder.name}", documents, facts, manifest["summary"]))
    return out


def _demo_facts(case: dict[str, Any]) -> CaseFacts:
    outcomes = {item.get("ur_outcome") for item in case["items"]}
    employee = case["employee"]
    return CaseFacts(
        age=employee.get("age"),
        sex=Sex(employee["sex"]) if employee.get("sex") else None,
        date_of_injury=_date(case["dates"].get("injury")),
        treatments=tuple(item["treatment"] for item in case["items"]),
        ur_decision_date=_date(case["dates"].get("ur_decision")),
        ur_outcome=UROutcome(outcomes.pop()) if len(outcomes) == 1 else None,
    )


def annotated_cases() -> list[Case]:
    out = []
    for folder in sorted(ANNOTATED.glob("case-*")):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        given = json.loads((folder / "case.json").read_text(encoding="utf-8"))
        documents = [
            Document(name, _pages(folder / name), want)
            for name, want in expected["documents"].items()
        ]
        out.append(Case(folder.name, documents, _case_facts(given), expected["summary"]))
    return out


def _case_facts(given: dict[str, Any]) -> CaseFacts:
    return CaseFacts(
        age=given.get("age"),
        sex=Sex(given["sex"]) if given.get("sex") else None,
        date_of_injury=_date(given.get("date_of_injury")),
        treatments=tuple(given.get("treatments") or ()),
        ur_decision_date=_date(given.get("ur_decision_date")),
        ur_outcome=UROutcome(given["ur_outcome"]) if given.get("ur_outcome") else None,
    )


def run(case: Case) -> tuple[list[RecordFacts], Draft]:
    inferred = [infer_record(d.pages) for d in case.documents]
    inputs = [
        DraftInput(d.name, facts, d.pages)
        for d, facts in zip(case.documents, inferred, strict=True)
    ]
    return inferred, draft_summary(inputs, case.facts)


def baseline(case: Case) -> int:
    return sum(len(page.lower()) for d in case.documents for page in d.pages)


# --- scoring -------------------------------------------------------------------------------


def person(name: str | None) -> str:
    """A name without titles, credentials, accents or case: "Dr. Ramón Ortega-Vásquez, M.D."
    and "Ramon Ortega-Vasquez MD" are one author."""
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace(".", "")
    words = [w.strip(",") for w in plain.replace(",", " , ").split()]
    words = [w for w in words if w and w != ","]
    while words and words[0] in {"dr", "doctor"}:
        words.pop(0)
    while words and words[-1].replace("-", "") in CREDENTIALS:
        words.pop()
    return " ".join(words)


def score_documents(cases: list[Case]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in FIELDS}
    for case in cases:
        inferred, _ = run(case)
        for document, facts in zip(case.documents, inferred, strict=True):
            got = {
                "kind": facts.kind.value,
                "author": person(facts.author),
                "date_of_service": facts.date_of_service.isoformat()
                if facts.date_of_service
                else None,
            }
            want = dict(document.expected)
            want["author"] = person(want.get("author"))
            for name in FIELDS:
                tally = tallies[name]
                tally.expected += 1
                if got[name] == want.get(name):
                    tally.correct += 1
                else:
                    tally.misses.append(f"{case.name}/{document.name}: {got[name]!r}")
    return tallies


def fact_correct(name: str, want: Any, got: str) -> bool:
    text = got.casefold()
    if name in KEYWORD_FACTS:
        return all(word.casefold() in text for word in want)
    if name == "imaging":
        return all(
            all(w.casefold() in text for w in entry["keywords"]) and entry["date"] in got
            for entry in want
        )
    return str(want) == got


def score_summaries(cases: list[Case]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in FACTS}
    for case in cases:
        _, draft = run(case)
        for name in FACTS:
            want, got, tally = case.expected.get(name), draft.facts.get(name), tallies[name]
            if want in (None, []):
                if got:
                    tally.invented += 1
                    tally.misses.append(f"{case.name}: invented {got!r}")
                continue
            tally.expected += 1
            if got:
                tally.found += 1
                if fact_correct(name, want, got):
                    tally.correct += 1
                    continue
            tally.misses.append(f"{case.name}: {got!r}")
    return tallies


def timings(cases: list[Case], rounds: int) -> dict[str, float]:
    """Median milliseconds per case for the drafter and the baseline, taking turns."""
    runs: dict[str, list[float]] = {"baseline": [], "drafter": []}
    fns: dict[str, Callable[[Case], object]] = {"baseline": baseline, "drafter": run}
    for _ in range(rounds):
        for case in cases:
            for name, fn in fns.items():
                start = time.perf_counter()
                fn(case)
                runs[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in runs.items()}


# --- output --------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def report(cases: list[Case], rounds: int) -> dict[str, Any]:
    documents = score_documents(cases)
    facts = score_summaries(cases)
    total = Tally()
    for tally in facts.values():
        total.expected += tally.expected
        total.found += tally.found
        total.correct += tally.correct
        total.invented += tally.invented
    times = timings(cases, rounds)
    return {
        "cases": len(cases),
        "documents": sum(len(c.documents) for c in cases),
        "inference": {
            name: {
                "documents": t.expected,
                "correct": t.correct,
                "share": _share(t.correct, t.expected),
                "misses": t.misses,
            }
            for name, t in documents.items()
        },
        "summary": {
            name: {
                "expected": t.expected,
                "found": t.found,
                "correct": t.correct,
                "share": _share(t.correct, t.expected),
                "invented": t.invented,
                "misses": t.misses,
            }
            for name, t in (*facts.items(), ("overall", total))
        },
        "time_ms_per_case": {
            "drafter": round(times["drafter"], 3),
            "baseline": round(times["baseline"], 4),
            "ratio": round(times["drafter"] / times["baseline"], 1),
        },
    }


def print_report(result: dict[str, Any], verbose: bool) -> None:
    print(f"{result['cases']} cases, {result['documents']} documents")
    print("\ninference (per document)      correct  share")
    for name, row in result["inference"].items():
        print(f"  {name:<26} {row['correct']:>3}/{row['documents']:<3}  {row['share']:.0%}")
        if verbose:
            for miss in row["misses"]:
                print(f"      miss {miss}")
    print("\nsummary facts        expected  found  correct  share  invented")
    for name, row in result["summary"].items():
        share = f"{row['share']:.0%}" if row["share"] is not None else "-"
        print(
            f"  {name:<20} {row['expected']:>6} {row['found']:>6} {row['correct']:>8}"
            f"  {share:>5} {row['invented']:>9}"
        )
        if verbose and name != "overall":
            for miss in row["misses"]:
                print(f"      miss {miss[:160]}")
    t = result["time_ms_per_case"]
    print(
        f"\ntime per case: drafter {t['drafter']:.2f} ms, baseline (split + lowercase) "
        f"{t['baseline']:.4f} ms, ratio {t['ratio']}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds over all cases")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--only", choices=("demo", "annotated"), help="one set of cases")
    args = parser.parse_args()
    cases = []
    if args.only in (None, "demo"):
        cases += demo_cases()
    if args.only in (None, "annotated"):
        cases += annotated_cases()
    result = report(cases, args.rounds)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print_report(result, args.misses)


if __name__ == "__main__":
    main()
