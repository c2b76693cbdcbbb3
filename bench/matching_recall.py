"""Conflicts `PanelIndex` finds against a scan that scores every name on the panel.

Run from the repository root: `python bench/matching_recall.py [--reviewers N] [--cases N]`.
The panel and cases are `bench/matching.py`'s (same generator, same seed). The scan is the
conflict rule without the index's blocking: the party's name scored by rapidfuzz (in C)
against every distinct normalised name of the panel, plus the same first-and-last names, the
same ``panel_conflicts`` deciding. Whatever the scan finds and the index does not is a
conflict the index's blocking lost (LC 139.5(d)). Prints the conflicted (case, reviewer)
pairs of each, the lost ones split into people's names and organisations', a sample of the
people lost, and the index's conflict-check time per case (p50 / p95).
"""

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from bench import matching as generated  # noqa: E402
from openimr.reviewers.domain.conflicts import panel_conflicts  # noqa: E402
from openimr.reviewers.domain.names import (  # noqa: E402
    first_and_last,
    is_organisation,
    normalise_name,
)
from openimr.reviewers.index import PanelIndex, rapidfuzz_similarity  # noqa: E402


class ScanAll:
    """Every distinct name of the panel scored against the party's, above ``floor``."""

    def __init__(self, index: PanelIndex, floor: float = 80.0) -> None:
        self.index, self.floor = index, floor
        self.holders: dict[str, list[tuple[str, str]]] = {}
        for r in index.values():
            for written in {r.name} | {a.name for a in r.affiliations}:
                if normalised := normalise_name(written):
                    self.holders.setdefault(normalised, []).append((r.reviewer_id, written))
        self.names = sorted(self.holders)
        self.sorted = [" ".join(sorted(n.split())) for n in self.names]
        self.people: dict[str, list[str]] = {}
        for name in self.names:
            if key := first_and_last(name):
                self.people.setdefault(key, []).append(name)

    def candidates(self, party: str) -> Iterator[tuple[str, str, float]]:
        wanted, seen = " ".join(sorted(party.split())), set()
        for _, found, at in process.extract(
            wanted, self.sorted, scorer=fuzz.ratio, score_cutoff=self.floor, limit=None
        ):
            name = self.names[at]
            seen.add(name)
            score = 100.0 if name == party else found
            yield from ((rid, w, score) for rid, w in self.holders[name])
        for name in self.people.get(first_and_last(party), ()):
            if name not in seen:
                score = rapidfuzz_similarity(party, name)
                yield from ((rid, w, score) for rid, w in self.holders[name])

    def decided_by(self, case_number: str) -> AbstractSet[str]:
        return self.index.decided_by(case_number)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reviewers", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    orgs = generated._organisations(rng, 3000)
    people = sorted({generated._person(rng) for _ in range(2500)})
    panel = [
        generated._reviewer(rng, n, orgs + people, set(people))
        for n in range(1, args.reviewers + 1)
    ]
    cases = [generated._case(rng, n, orgs, people, panel) for n in range(args.cases)]
    start = time.perf_counter()
    index = PanelIndex(panel)
    print(f"PanelIndex build: {(time.perf_counter() - start) * 1000:.0f} ms")
    scan, today = ScanAll(index), generated.TODAY
    found = scanned = 0
    lost: dict[tuple[str, str], int] = {}
    times = []
    for case in cases:
        start = time.perf_counter()
        by_index = panel_conflicts(case.parties, index, index, today)
        times.append((time.perf_counter() - start) * 1000)
        by_scan = panel_conflicts(case.parties, index, scan, today)
        found, scanned = found + len(by_index), scanned + len(by_scan)
        for rid in by_scan.keys() - by_index.keys():
            pair = by_scan[rid][0].matched
            lost[pair] = lost.get(pair, 0) + 1
        added = by_index.keys() - by_scan.keys()
        assert not added, f"{case.parties.case_number}: the index found {added}, the scan not"
    persons = {p: n for p, n in lost.items() if not is_organisation(normalise_name(p[0]))}
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    print(f"conflicted (case, reviewer) pairs: index {found:,}, scan {scanned:,}")
    print(f"lost by the index: {sum(lost.values()):,}, of them a person party's name")
    print(f"{sum(persons.values()):,} ({len(persons)} distinct pairs of names)")
    print(f"index conflict check per case: p50 {cuts[49]:.2f} ms, p95 {cuts[94]:.2f} ms")
    for (party, tie), n in sorted(persons.items())[:20]:
        print(f"  {n} x {party!r} / {tie!r}")


if __name__ == "__main__":
    main()
