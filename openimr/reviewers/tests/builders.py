"""Reviewers and parties for the rules' tests: a qualified, available reviewer by default,
changed field by field."""

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from openimr.reviewers.domain.conflicts import ScanMatcher, panel_conflicts, reviewer_conflicts
from openimr.reviewers.domain.panel import (
    Affiliation,
    AffiliationKind,
    CaseParties,
    Certification,
    License,
    PartyRole,
    Reviewer,
)
from openimr.reviewers.index import PanelIndex, rapidfuzz_similarity

TODAY = date(2026, 11, 26)  # a Thursday
DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
DEMO_PANEL = Path(__file__).resolve().parents[3] / "openimr" / "demo" / "panel.json"


def reviewer(rid: str = "R-1", specialty: str = "Orthopedic Surgery", **changes: Any) -> Reviewer:
    base = Reviewer(
        reviewer_id=rid,
        name=f"Dr. Reviewer {rid}",
        certifications=(Certification("ABOS", specialty, date(2030, 12, 31)),),
        licenses=(License("NV", "11904", expires=date(2028, 6, 30), issued=date(2005, 7, 1)),),
        years_in_practice=15,
        weekly_hours=32,
        last_verified=date(2025, 4, 1),
        capacity_per_week=10,
    )
    return replace(base, **changes)


def tie(
    name: str, kind: AffiliationKind = AffiliationKind.EMPLOYED_BY, until: date | None = None
) -> Affiliation:
    return Affiliation(name, kind, until)


def parties(*names: tuple[PartyRole, str], appealed_from: tuple[str, ...] = ()) -> CaseParties:
    return CaseParties("CM26-0000001", tuple(names), appealed_from)


def conflicts_found(case: CaseParties, *panel: Reviewer) -> dict[str, list[Any]]:
    """The conflicted reviewers and their reasons through `PanelIndex`; a plain scan must
    find the same codes, and so must the one-reviewer check of the attestation."""
    index = PanelIndex(panel)
    found = panel_conflicts(case, index, index, TODAY)
    scanned = panel_conflicts(case, index, ScanMatcher(index, rapidfuzz_similarity), TODAY)
    codes = {r: [x.code for x in v] for r, v in found.items()}
    assert {r: [x.code for x in v] for r, v in scanned.items()} == codes
    for one in panel:
        alone = reviewer_conflicts(one, case, TODAY, rapidfuzz_similarity)
        assert [x.code for x in alone] == codes.get(one.reviewer_id, [])
    return found
