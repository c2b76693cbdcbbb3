"""Building the drafter's input from plain texts, and reading the synthetic case files."""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openimr.core.case import Sex, UROutcome
from openimr.records.domain.inference import infer_record
from openimr.records.domain.pages import split_pages
from openimr.records.domain.summary import CaseFacts, Draft, DraftInput, draft_summary

ROOT = Path(__file__).resolve().parents[3]
ANNOTATED = ROOT / "tests" / "data" / "records"
DEMO_RECORDS = ROOT / "openimr" / "demo" / "records"
DEMO_CASES = ROOT / "openimr" / "demo" / "cases"


def inputs(*texts: str) -> list[DraftInput]:
    """Each text a document ("d1", "d2", ...), its facts inferred as the workspace would."""
    out = []
    for number, text in enumerate(texts, 1):
        pages = split_pages(text)
        out.append(DraftInput(f"d{number}", infer_record(pages), pages))
    return out


def draft(*texts: str, case: CaseFacts | None = None) -> Draft:
    return draft_summary(inputs(*texts), case or CaseFacts())


def sentences_with(found: Draft, words: str) -> list[str]:
    return [s.text for s in found.sentences if words.lower() in s.text.lower()]


@dataclass
class CaseFile:
    name: str
    documents: dict[str, tuple[str, ...]]
    facts: CaseFacts
    expected: dict[str, Any]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def annotated_cases() -> list[CaseFile]:
    out = []
    for folder in sorted(ANNOTATED.glob("case-*")):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        given = json.loads((folder / "case.json").read_text(encoding="utf-8"))
        facts = CaseFacts(
            age=given["age"],
            sex=Sex(given["sex"]) if given["sex"] else None,
            date_of_injury=_day(given["date_of_injury"]),
            treatments=tuple(given["treatments"]),
            ur_decision_date=_day(given["ur_decision_date"]),
            ur_outcome=UROutcome(given["ur_outcome"]) if given["ur_outcome"] else None,
        )
        documents = {
            name: split_pages((folder / name).read_text(encoding="utf-8"))
            for name in expected["documents"]
        }
        out.append(CaseFile(folder.name, documents, facts, expected))
    return out


def demo_cases() -> list[CaseFile]:
    cases = {}
    for path in DEMO_CASES.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        cases[doc["case_number"]] = doc
    out = []
    for manifest_path in sorted(DEMO_RECORDS.glob("*/manifest.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        case = cases[manifest["case_number"]]
        facts = CaseFacts(
            age=case["employee"]["age"],
            sex=Sex(case["employee"]["sex"]),
            date_of_injury=_day(case["dates"]["injury"]),
            treatments=tuple(item["treatment"] for item in case["items"]),
            ur_decision_date=_day(case["dates"]["ur_decision"]),
        )
        documents = {
            d["file"]: split_pages((manifest_path.parent / d["file"]).read_text(encoding="utf-8"))
            for d in manifest["documents"]
        }
        out.append(CaseFile(manifest["case_number"], documents, facts, manifest))
    return out


def drafted(case: CaseFile) -> Draft:
    documents = [
        DraftInput(name, infer_record(pages), pages) for name, pages in case.documents.items()
    ]
    return draft_summary(documents, case.facts)
