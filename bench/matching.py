"""Reviewer matching speed: `match()` over a 10,000-reviewer panel, through `PanelIndex`.

Run from the repository root: `python bench/matching.py [--reviewers N] [--cases N]`. Needs no
database and no Django settings. Everything is generated from a fixed seed: a panel with a
realistic specialty mix and 2-8 disclosed ties each, drawn from a few thousand organisations
and people written the way people write them ("Acme Insurance Co.", "ACME INSURANCE
COMPANY", "Acme Ins. Co", a typo now and then); and cases of 2-3 items with 5-8 named
parties, a third of them naming a party some fitting reviewer is tied to.

The baseline is the same `match()` with the conflict check done the plain way: every party
compared with every reviewer's every tie (names normalised once, up front), exact equality
only. It finds fewer conflicts (no near spellings); the bench checks that the index finds
every conflict the baseline finds.
"""

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import rapidfuzz  # noqa: E402

from openimr.core.case import Category  # noqa: E402
from openimr.reviewers.domain.conflicts import SOURCE, panel_conflicts  # noqa: E402
from openimr.reviewers.domain.matching import MatchCase, MatchItem, MatchResult, match  # noqa: E402
from openimr.reviewers.domain.names import normalise_name  # noqa: E402
from openimr.reviewers.domain.panel import (  # noqa: E402
    Affiliation,
    AffiliationKind,
    CaseParties,
    Certification,
    License,
    PartyRole,
    Reviewer,
)
from openimr.reviewers.index import PanelIndex  # noqa: E402
from openimr.reviewers.specialty_data import default_specialty_table  # noqa: E402

TODAY = date(2026, 11, 26)
SPECIALTIES = {  # share of a workers' compensation IMR panel, roughly
    "Orthopedic Surgery": 22, "Physical Medicine & Rehabilitation": 13, "Pain Medicine": 8,
    "Occupational Medicine": 9, "Neurosurgery": 4, "Neurology": 4, "Psychiatry": 7,
    "Clinical Psychology": 6, "Chiropractic": 8, "Acupuncture": 3, "Internal Medicine": 5,
    "Family Medicine": 4, "Anesthesiology": 3, "Hand Surgery": 1, "Podiatry": 1,
    "Rheumatology": 1, "Otolaryngology": 1,
}  # fmt: skip


def _words(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


FIRST = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony "
    "Betty Mark Sandra Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle "
    "Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ramón Zoë Mei "
    "Priya Anh Minh Hiroshi Yuki Olga Sven Aisha Omar Fatima Carlos Lucía José Ngozi Chidi"
)
LAST = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
    "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Ortega-Vásquez "
    "Łukasiewicz Okafor Raman Nakamura Lindqvist Haines Greer Almeida Tran Pham Kim Park Chen "
    "Wang Singh Patel Cohen Murphy O'Brien Kowalski Novak Schmidt Müller Rossi Silva"
)
PLACES = _words(
    "Pacific|Golden State|Sierra|Bay Area|Central Valley|Inland Empire|Coastal|Redwood|Mission|"
    "Sacramento|San Diego|Orange County|Summit|Cascade|Mojave|Sonoma|Monterey|Fresno|Pasadena|"
    "Riverside|Santa Clara|Marin|Napa|Tahoe|Shasta|Ventura|Kern|Alameda|Humboldt|Yosemite|"
    "Western|Northern California|Southern California|Harbor|Valley|Desert|Canyon|Lakeside|"
    "Hillcrest|Oakmont|Evergreen|Pioneer|Liberty|Heritage|Keystone|Meridian|Horizon|Beacon|"
    "Crescent|Granite|Cypress|Palomar|Mariposa|Solano|Tulare|Madera|Placer|El Dorado|Butte",
    "|",
)
MIDDLES = ("", "", "", "Regional", "Community", "United", "First", "Premier", "Allied")
KINDS_OF_ORG = (
    ("Insurance Company", 5), ("Claims Services, Inc.", 4), ("Risk Management LLC", 3),
    ("Casualty Insurance Co.", 2), ("Medical Group", 6), ("Orthopedic Medical Group", 3),
    ("Spine & Pain Associates", 3), ("Imaging Center", 3), ("Surgery Center", 3),
    ("Hospital", 2), ("Utilization Review Services, LLC", 3), ("Logistics Inc.", 3),
    ("Grocers Inc.", 2), ("Construction Corp.", 3), ("Unified School District", 2),
    ("Medical Devices, Inc.", 2), ("Pharmaceuticals Corp.", 2), ("Physical Therapy", 2),
)  # fmt: skip
ABBREVIATE = {"Insurance": "Ins.", "Services": "Svcs.", "Medical": "Med.", "Management": "Mgmt."}
LEGAL = {"Inc.": ("Incorporated", "Inc", ""), "LLC": ("L.L.C.", ""), "Co.": ("Company", "")}
LEGAL |= {"Corp.": ("Corporation", "Corp")}
ITEMS = (  # (treatment, category, ICD-10-CM): the commonest requests in the published letters
    ("Physical therapy, lumbar spine, 12 visits", Category.REHABILITATION, ("M54.16",)),
    ("MRI of the lumbar spine without contrast", Category.DIAGNOSTICS, ("M54.16",)),
    ("Lumbar epidural steroid injection L4-5", Category.INJECTIONS, ("M51.16",)),
    ("Lumbar fusion L4-S1", Category.SURGERY, ("M43.16",)),
    ("Tramadol 50 mg #60", Category.PHARMACEUTICALS, ("M54.5", "G89.29")),
    ("Oxycodone 10 mg #90", Category.PHARMACEUTICALS, ("G89.4",)),
    ("Chiropractic manipulation, 8 sessions", Category.CHIROPRACTIC, ("M54.2",)),
    ("Acupuncture, 6 sessions", Category.ACUPUNCTURE, ("M54.5",)),
    ("Cognitive behavioral therapy, 6 sessions", Category.BEHAVIORAL_HEALTH, ("F43.10",)),
    ("Right knee arthroscopy with partial meniscectomy", Category.SURGERY, ("S83.241A",)),
    ("Physical therapy, right knee, 8 visits", Category.REHABILITATION, ("M23.91",)),
    ("MRI of the right shoulder", Category.DIAGNOSTICS, ("M75.121",)),
    ("Home health aide, 4 hours a day", Category.HOME_HEALTH, ("S32.009A",)),
    ("Functional restoration program, 80 hours", Category.PROGRAMS, ("G89.29",)),
    ("Lumbar brace", Category.DMEPOS, ("M54.5",)),
    ("Follow-up visit with pain management", Category.EVALUATION_MANAGEMENT, ("G89.29",)),
    ("Carpal tunnel release, right", Category.SURGERY, ("G56.01",)),
    ("Urine drug screen", Category.OTHER, ("Z79.891",)),
)  # fmt: skip


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _organisations(rng: random.Random, count: int) -> list[str]:
    kinds = [k for k, weight in KINDS_OF_ORG for _ in range(weight)]
    names: set[str] = set()
    while len(names) < count:
        head = rng.choice(PLACES) if rng.random() < 0.75 else rng.choice(LAST)
        middle = rng.choice(MIDDLES)
        names.add(f"{head} {middle + ' ' if middle else ''}{rng.choice(kinds)}")
    return sorted(names)


def _typo(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name) - 1)
    if rng.random() < 0.5:
        return name[:i] + name[i + 1 :]
    return name[:i] + rng.choice("aeiourstn") + name[i + 1 :]


def _org_variant(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.45:
        return name
    if roll < 0.55:
        return name.upper()
    if roll < 0.75:
        for long, short in ABBREVIATE.items():
            name = name.replace(long, short)
        return name
    if roll < 0.9:
        for form, others in LEGAL.items():
            name = name.replace(form, rng.choice(others)).strip()
        return name.replace("&", "and")
    return _typo(rng, name)


def _person_variant(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.5:
        return name
    if roll < 0.65:
        return f"Dr. {name}"
    if roll < 0.8:
        return f"{name}, M.D."
    if roll < 0.9:
        first, last = name.split(" ", 1)
        return f"{last}, {first}"
    return _typo(rng, name)


def _variant(rng: random.Random, name: str, people: set[str]) -> str:
    return _person_variant(rng, name) if name in people else _org_variant(rng, name)


def _day(rng: random.Random, low: int, high: int) -> date:
    return TODAY + timedelta(days=rng.randint(low, high))


def _credentials(rng: random.Random) -> tuple[tuple[Certification, ...], tuple[License, ...]]:
    specialties = rng.choices(
        list(SPECIALTIES), weights=list(SPECIALTIES.values()), k=rng.choice((1, 1, 1, 2))
    )
    certs = tuple(
        Certification(
            "ABMS member board",
            s,
            _day(rng, -40, -1) if rng.random() < 0.03 else _day(rng, 30, 3000),
        )
        for s in dict.fromkeys(specialties)
    )
    states = rng.sample(["CA", "CA", "NV", "OR", "AZ", "WA", "TX", "NY", "FL"], k=rng.randint(1, 3))
    licenses = tuple(
        License(s, f"{s}{rng.randint(10000, 999999)}", rng.random() < 0.01,
                _day(rng, -60, -1) if rng.random() < 0.03 else _day(rng, 20, 1500))
        for s in dict.fromkeys(states)
    )  # fmt: skip
    return certs, licenses


def _reviewer(rng: random.Random, n: int, names: list[str], people: set[str]) -> Reviewer:
    certs, licenses = _credentials(rng)
    ties = tuple(
        Affiliation(
            _variant(rng, name, people),
            rng.choice(list(AffiliationKind)),
            _day(rng, -2000, -1) if rng.random() < 0.2 else None,
        )
        for name in rng.sample(names, k=rng.randint(2, 8))
    )
    capacity = rng.randint(5, 15)
    return Reviewer(
        reviewer_id=f"R-{n:05d}",
        name=_person(rng),
        certifications=certs,
        licenses=licenses,
        # A kept panel: a few lapse between checks, most do not.
        years_in_practice=rng.randint(3, 5) if rng.random() < 0.04 else rng.randint(6, 35),
        weekly_hours=rng.choice((16, 20))
        if rng.random() < 0.05
        else rng.choice((24, 28, 32, 40, 50)),
        open_sanctions=1 if rng.random() < 0.01 else 0,
        last_verified=_day(rng, -1200, -1096) if rng.random() < 0.05 else _day(rng, -1090, -1),
        capacity_per_week=capacity,
        open_cases=rng.randint(0, capacity),
        leave=((_day(rng, -10, 10), _day(rng, 11, 30)),) if rng.random() < 0.05 else (),
        affiliations=ties,
        prior_case_numbers=tuple(
            f"CM{rng.randint(10**7, 10**8 - 1)}" for _ in range(rng.randint(0, 15))
        ),
    )


def _parties(
    rng: random.Random, number: str, orgs: list[str], people: list[str]
) -> list[tuple[PartyRole, str]]:
    parties = [
        (PartyRole.EMPLOYEE, _person(rng)),
        (PartyRole.EMPLOYER, rng.choice(orgs)),
        (PartyRole.CLAIMS_ADMINISTRATOR, rng.choice(orgs)),
        (PartyRole.REQUESTING_PHYSICIAN, f"Dr. {rng.choice(people)}"),
        (PartyRole.UR_ORGANIZATION, rng.choice(orgs)),
    ]
    optional = [
        PartyRole.MEDICAL_GROUP,
        PartyRole.FACILITY,
        PartyRole.MANUFACTURER,
        PartyRole.UR_REVIEWER,
    ]
    for role in rng.sample(optional, k=rng.randint(0, 3)):
        parties.append(
            (role, rng.choice(people) if role is PartyRole.UR_REVIEWER else rng.choice(orgs))
        )
    return parties


def _case(
    rng: random.Random, n: int, orgs: list[str], people: list[str], panel: list[Reviewer]
) -> MatchCase:
    number = f"CM26-{n:07d}"
    parties = _parties(rng, number, orgs, people)
    remand: tuple[str, ...] = ()
    if rng.random() < 0.33:  # a party some reviewer is tied to, as the case file spells it
        tie = rng.choice(rng.choice(panel).affiliations)
        parties[rng.randrange(len(parties))] = (parties[0][0], _org_variant(rng, tie.name))
    if rng.random() < 0.05:
        decided = [r for r in panel[:500] if r.prior_case_numbers]
        remand = (rng.choice(rng.choice(decided).prior_case_numbers),)
    items = tuple(
        MatchItem(t, c, codes) for t, c, codes in rng.sample(ITEMS, k=rng.choice((2, 2, 3)))
    )
    return MatchCase(CaseParties(number, tuple(parties), remand), items, rng.random() < 0.05)


class PlainMatcher:
    """The baseline: every party against every tie of every reviewer, exact only. Who holds
    which specialty, and who decided which case, come from the index as for `match()`, so
    that only the conflict check differs."""

    def __init__(self, index: PanelIndex) -> None:
        self.index = index
        self.names = [
            (r.reviewer_id, written, normalise_name(written))
            for r in index.values()
            for written in [r.name, *(a.name for a in r.affiliations)]
        ]

    def candidates(self, party_normalised: str) -> Iterator[tuple[str, str, float]]:
        for rid, written, normalised in self.names:
            if normalised == party_normalised:
                yield rid, written, 100.0

    def with_any_specialty(self, keys: frozenset[str]) -> AbstractSet[str]:
        return self.index.with_any_specialty(keys)

    def decided_by(self, case_number: str) -> AbstractSet[str]:
        return self.index.decided_by(case_number)


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def _timed(
    runs: list[Callable[[MatchCase], object]], cases: list[MatchCase], rounds: int
) -> list[list[float]]:
    """Milliseconds per case for each runner: the median of ``rounds`` runs. The runners
    take turns on each case, so that load from other processes on the machine falls on all
    of them alike and a burst of it does not decide a case's figure."""
    times: list[list[list[float]]] = [[[] for _ in cases] for _ in runs]
    for _ in range(rounds):
        for n, case in enumerate(cases):
            for k, run in enumerate(runs):
                start = time.perf_counter()
                run(case)
                times[k][n].append((time.perf_counter() - start) * 1000)
    return [[statistics.median(t) for t in per_case] for per_case in times]


def _conflicted(result: MatchResult) -> set[str]:
    return {e.reviewer_id for e in result.excluded if any(r.source == SOURCE for r in e.reasons)}


def _row(label: str, samples: list[float], base: tuple[float, float, float]) -> str:
    p = _percentiles(samples)
    ratio = f"{p[0] / base[0]:.2f}x / {p[1] / base[1]:.2f}x"
    return f"| {label} | {p[0]:.2f} ms | {p[1]:.2f} ms | {p[2]:.2f} ms | {ratio} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reviewers", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    orgs = _organisations(rng, 3000)
    people = sorted({_person(rng) for _ in range(2500)})
    panel = [_reviewer(rng, n, orgs + people, set(people)) for n in range(1, args.reviewers + 1)]
    cases = [_case(rng, n, orgs, people, panel) for n in range(args.cases)]
    ties = sum(len(r.affiliations) for r in panel)
    print(f"Python {platform.python_version()}, rapidfuzz {rapidfuzz.__version__}")
    print(f"panel: {len(panel)} reviewers, {ties} disclosed ties; {len(cases)} cases")

    start = time.perf_counter()
    index = PanelIndex(panel)
    print(f"PanelIndex build: {(time.perf_counter() - start) * 1000:.0f} ms")
    plain, table = PlainMatcher(index), default_specialty_table()

    def indexed(case: MatchCase) -> MatchResult:
        return match(case, index, index, table, TODAY)

    def baseline(case: MatchCase) -> MatchResult:
        return match(case, index, plain, table, TODAY)  # type: ignore[arg-type]

    found = [_conflicted(indexed(c)) for c in cases]  # also the warm-up
    found_plain = [_conflicted(baseline(c)) for c in cases]
    missed = sum(len(b - a) for a, b in zip(found, found_plain, strict=True))
    multi = sum(indexed(c).multi_reviewer for c in cases)
    print(
        f"conflicted reviewers of a fitting specialty: index {sum(map(len, found))}, baseline "
        f"(exact only) {sum(map(len, found_plain))}, found by the baseline only: {missed}; "
        f"cases needing several reviewers: {multi}"
    )
    times_base, times_index, conflicts_base, conflicts_index = _timed(
        [
            baseline,
            indexed,
            lambda c: panel_conflicts(c.parties, index, plain, TODAY),
            lambda c: panel_conflicts(c.parties, index, index, TODAY),
        ],
        cases,
        args.rounds,
    )
    base = _percentiles(times_base)
    print("| case | p50 | p95 | p99 | ratio to baseline (p50 / p95) |")
    print("| --- | --- | --- | --- | --- |")
    print(_row("baseline: `match()`, conflicts by a plain loop, exact names", times_base, base))
    print(_row("`match()` with `PanelIndex`", times_index, base))
    print(_row("conflict check only, plain loop", conflicts_base, base))
    print(_row("conflict check only, `PanelIndex`", conflicts_index, base))


if __name__ == "__main__":
    main()
