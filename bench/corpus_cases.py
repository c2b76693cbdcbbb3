"""Seeded ``openimr.case/1`` documents with the distributions of the published corpus
(domain.md §7): 1-4 items a letter, about a third pharmaceuticals (a quarter of those
opioids), 12.7% of items overturned, ages 18-80, decisions 2013-2026 with every date in the
order the case rules require.

Speed matters (the search benchmark wants a million cases): dates are day numbers with their
printed forms precomputed, and weighted draws index precomputed tables.
"""

import random
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

from bench import corpus_credentials as C
from bench import corpus_data as D
from bench import corpus_phrases as P
from bench.corpus_identity import add_identifiers
from bench.corpus_pools import (
    CHRONIC_PAIN_2016,
    DASH,
    DECISION_FIRST,
    DECISION_LAST,
    FIRST,
    ISO,
    LONG,
    RATIONALES,
    SHORT,
    SLASH,
    SUMMARIES,
    YEAR,
)
from bench.corpus_pools import (
    join_words as _join,
)


def day_number(iso: str) -> int:
    return (date.fromisoformat(iso) - FIRST).days


def _table(items: tuple[Any, ...], weights: tuple[float, ...], size: int = 1000) -> list[Any]:
    """A lookup list in which each item fills its weight's share, so a weighted draw is one
    index: ``table[int(random() * len(table))]``."""
    total = sum(weights)
    out: list[Any] = []
    for item, weight in zip(items, weights, strict=True):
        out += [item] * max(1, round(size * weight / total))
    return out


_CATEGORY = _table(D.CATEGORIES, D.CATEGORY_WEIGHTS)
_REGION = _table(D.REGION_NAMES, D.REGION_WEIGHTS)
_STATE = _table(C.STATE_CODES, C.STATE_WEIGHTS)
_ITEM_COUNT = _table((1, 2, 3, 4), (55, 25, 12, 8))
_UR_OUTCOME = _table(("denied", "modified", "delayed"), (80, 18, 2))
# Their lengths, for draws inlined in the hot loop (a function call per draw costs ~10%).
_CATEGORY_N, _REGION_N, _ITEM_N = len(_CATEGORY), len(_REGION), len(_ITEM_COUNT)
_UR_N, _SUMMARY_N = len(_UR_OUTCOME), len(SUMMARIES)
OVERTURN_RATE = 0.127  # DWC annual report, 2024
OPIOID_SHARE = 0.24  # of pharmaceutical items


def _pick(r: Any, seq: Any) -> Any:
    return seq[int(r() * len(seq))]


def _lower_first(text: str) -> str:
    """A diagnosis inside a sentence: "lumbar radiculopathy", but "De Quervain's ..." kept."""
    return text if text[1:2].isupper() or text.startswith("De ") else text[0].lower() + text[1:]


def _treatment(r: Any, category: str, region: dict[str, Any]) -> tuple[str, str]:
    """The request as letters word it, and its kind: the drug class for a pharmaceutical
    (which decides the guideline section cited), else the category."""
    if category == "pharmaceuticals":
        if r() < OPIOID_SHARE:
            return _pick(r, D.OPIOIDS), "opioid"
        return _pick(r, D.OTHER_DRUGS)
    if category in ("injections", "surgery"):
        return _pick(r, region[category]), category
    if category == "dmepos" and r() < 0.5:
        return _pick(r, region["dme"]), category
    return _pick(r, D.TREATMENTS[category]).replace("{part}", region["part"]), category


def _mtus_citation(r: Any, kind: str, region: dict[str, Any], decided: int) -> str:
    year = "2016" if decided >= CHRONIC_PAIN_2016 else "2009"
    sections = D.CHRONIC_PAIN_SECTIONS.get(kind)
    if kind == "acupuncture":
        return "Acupuncture Medical Treatment 2009"
    if sections and r() < 0.85:
        return f"Chronic Pain Medical Treatment {year}, Section(s): {_pick(r, sections)}"
    if r() < 0.4:
        return region["mtus"]
    return f"{region['mtus']}, Section(s): {_pick(r, region['mtus_sections'])}"


def _odg_topic(r: Any, kind: str, category: str) -> str:
    return _pick(r, D.ODG_TOPICS.get(kind) or D.ODG_TOPICS[category])


def _other_citation(r: Any, kind: str, category: str, region: dict[str, Any], decided: int):
    roll = r()
    topic = _odg_topic(r, kind, category)
    if roll < 0.45:
        return f"Official Disability Guidelines (ODG), {region['odg']}, {topic}"
    if roll < 0.7:
        updated = SLASH[decided - 30 - int(r() * 200)]
        return f"ODG {region['odg']} (updated {updated}), {topic}"
    if roll < 0.9:
        page = 50 + int(r() * 700)
        return (
            f"ACOEM Occupational Medicine Practice Guidelines, 3rd ed., {region['acoem3']}, "
            f"{topic}, pg. {page}"
        )
    return _pick(r, D.PEER_REVIEWED)


def _basis(r: Any, kind: str, category: str, region, *, decided: int, mtus_share: float):
    roll = r()
    basis = []
    if roll < mtus_share:
        basis.append((True, _mtus_citation(r, kind, region, decided)))
        if r() < 0.08:
            second = _mtus_citation(r, kind, region, decided)
            if second != basis[0][1]:
                basis.append((True, second))
    if roll >= mtus_share or r() < 0.3:
        basis.append((False, _other_citation(r, kind, category, region, decided)))
    return tuple(basis)


_POOL = 8


@cache
def _basis_pool(kind: str, category: str, region: str, year: int, share: float):
    """8 bases for one kind of request, body region and year, drawn once with a seed of
    their own: the citations of a million items cost one draw each. Dated as of the year's
    first day, so a cited ODG update never postdates the decision."""
    rng = random.Random(f"{kind}|{region}|{year}|{share}")
    decided = (date(year, 1, 1) - FIRST).days
    return [
        _basis(rng.random, kind, category, D.REGIONS[region], decided=decided, mtus_share=share)
        for _ in range(_POOL)
    ]


_CHRONIC_PAIN_KINDS = frozenset(D.CHRONIC_PAIN_SECTIONS)
_NON_MTUS_GUIDES = ("Official Disability Guidelines", "ACOEM guidelines", "guidelines")


def _item(r: Any, category: str, kind: str, treatment: str, *, region: str, year: int):
    pool = _basis_pool(kind, category, region, year, 0.68)
    reviewer_basis = [{"mtus": m, "citation": c} for m, c in pool[int(r() * _POOL)]]
    pool = _basis_pool(kind, category, region, year, 0.72)
    ca_basis = [{"mtus": m, "citation": c} for m, c in pool[int(r() * _POOL)]]
    decision = "overturned" if r() < OVERTURN_RATE else "upheld"
    why_not = None
    if reviewer_basis[0]["mtus"]:
        guide = (
            "MTUS Chronic Pain Medical Treatment Guidelines"
            if kind in _CHRONIC_PAIN_KINDS
            else "MTUS/ACOEM Guidelines"
        )
    else:
        guide = _NON_MTUS_GUIDES[int(r() * 3)]
        if r() < 0.8:
            topic = _odg_topic(r, kind, category).split(" (")[0].lower()
            why_not = _pick(r, P.WHY_NOT_MTUS).format(topic=topic)
    rationales = RATIONALES[kind, decision]
    rationale = rationales[int(r() * len(rationales))]
    return {
        "treatment": treatment,
        "category": category,
        "ur_outcome": _UR_OUTCOME[int(r() * _UR_N)],
        "claims_administrator_basis": ca_basis,
        "reviewer_basis": reviewer_basis,
        "why_not_mtus": why_not,
        "decision": decision,
        "rationale": rationale.format(guide=guide, treatment=treatment, treatment_l=treatment),
    }


def _items(r: Any, region_name: str, year: int) -> list[dict[str, Any]]:
    region = D.REGIONS[region_name]
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    wanted = _ITEM_COUNT[int(r() * _ITEM_N)]
    for _ in range(wanted * 3):  # a few more draws than items, as repeats are skipped
        category = _CATEGORY[int(r() * _CATEGORY_N)]
        treatment, kind = _treatment(r, category, region)
        if treatment.lower() in seen:
            continue
        seen.add(treatment.lower())
        items.append(_item(r, category, kind, treatment, region=region_name, year=year))
        if len(items) == wanted:
            break
    return items


def _reviewer(r: Any, category: str) -> dict[str, Any]:
    states = [_pick(r, _STATE)]
    for _ in range(int(r() * r() * 3)):
        state = _pick(r, _STATE)
        if state not in states:
            states.append(state)
    return {
        "specialties": list(_pick(r, C.SPECIALTIES.get(category, C.SPECIALTIES["other"]))),
        "board_certified": True,
        "licensed_in": states,
        "years_in_practice": 6 + int(r() * 30) if r() < 0.5 else None,
        "weekly_hours": 24 + int(r() * 30) if r() < 0.5 else None,
    }


def _documents(r: Any, days: dict[str, int]) -> list[dict[str, Any]]:
    docs = [
        {
            "title": "Primary treating physician's progress report",
            "author": None,
            "date": ISO[days["note"]],
            "kind": "progress_note",
        },
        {
            "title": "Request for Authorization (DWC Form RFA)",
            "author": None,
            "date": ISO[days["rfa"]],
            "kind": "rfa",
        },
        {
            "title": "Utilization review determination",
            "author": None,
            "date": ISO[days["ur"]],
            "kind": "ur_determination",
        },
    ]
    if r() < 0.6:
        docs.insert(
            0,
            {
                "title": "Imaging report",
                "author": None,
                "date": ISO[days["img"]],
                "kind": "imaging",
            },
        )
    if r() < 0.5:
        docs.insert(
            1,
            {
                "title": "Physical therapy progress notes",
                "author": None,
                "date": ISO[days["note"] - 20],
                "kind": "therapy_note",
            },
        )
    docs.append(
        {
            "title": "Application for Independent Medical Review",
            "author": None,
            "date": ISO[days["app"]],
            "kind": "application",
        }
    )
    return docs


def _one_case(r: Any, serial: int, identifiers: bool) -> dict[str, Any]:
    decided = DECISION_FIRST + int(r() * (DECISION_LAST - DECISION_FIRST))
    records = decided - 3 - int(r() * 12)
    assigned = records - 5 - int(r() * 16)
    app = assigned - 1 - int(r() * 7)
    ur = app - 3 - int(r() * 32)
    injury = ur - 20 - int(r() * r() * 3000)
    rfa = ur - 2 - int(r() * 10)
    days = {
        "note": rfa - int(r() * 5),
        "rfa": rfa,
        "ur": ur,
        "app": app,
        "img": rfa - 30 - int(r() * 300),
    }
    region_name = _REGION[int(r() * _REGION_N)]
    region = D.REGIONS[region_name]
    male = r() < 0.58
    age = 18 + int(r() * 63)
    items = _items(r, region_name, int(YEAR[decided]))
    dx = [region["diagnoses"][(k + int(r() * 3)) % len(region["diagnoses"])] for k in (0, 1)]
    dx = list(dict.fromkeys(dx))
    for item in items:
        if r() < 0.5:
            item["icd10"] = [dx[0][1]]
    facts = {
        "age": age,
        "sex": "male" if male else "female",
        "he": "he" if male else "she",
        "He_": "He" if male else "She",
        "pain": region["pain"],
        "radiating": region["radiating"],
        "part": region["part"],
        "score": 3 + int(r() * 6),
        "dx": _join([_lower_first(d[0]) for d in dx]),
        "injury_long": LONG[injury],
        "injury_dash": DASH[injury],
        "injury_slash": SLASH[injury],
        "note_long": LONG[days["note"]],
        "note_dash": DASH[days["note"]],
        "note_slash": SLASH[days["note"]],
        "img_slash": SLASH[days["img"]],
        "ur_long": LONG[ur],
        "ur_dash": DASH[ur],
        "ur_short": SHORT[ur],
        "exam": _pick(r, region["exam"]),
        "request": _join([i["treatment"] for i in items]),
    }
    priority = "standard"
    if r() < 0.02:
        priority = "expedited"
    elif items[0]["category"] == "pharmaceuticals" and YEAR[decided] >= "2018" and r() < 0.1:
        priority = "formulary"
    case = {
        "format": "openimr.case/1",
        "case_number": f"CM{YEAR[app][2:]}-{serial:07d}",
        "program": "ca-dwc-imr",
        "priority": priority,
        "dates": {
            "injury": ISO[injury],
            "ur_decision": ISO[ur],
            "application_received": ISO[app],
            "assigned": ISO[assigned],
            "records_complete": ISO[records],
            "decision": ISO[decided],
        },
        "employee": {"name": None, "age": age, "sex": facts["sex"]},
        "employer": {"name": None},
        "claims_administrator": {"name": None},
        "requesting_physician": {"name": None, "specialty": _pick(r, C.REQUESTING_SPECIALTIES)},
        "attorney": {"name": None},
        "organization": {"name": "MAXIMUS Federal Services"},
        "reviewer": _reviewer(r, items[0]["category"]),
        "diagnoses": [f"{name} ({code})" for name, code in dx],
        "documents": _documents(r, days),
        "clinical_summary": SUMMARIES[int(r() * _SUMMARY_N)].format_map(facts),
        "items": items,
    }
    if identifiers:
        add_identifiers(case)
    return case


def generate_cases(n: int, seed: int, *, identifiers: bool = False) -> Iterator[dict[str, Any]]:
    """``n`` cases, the same for the same seed; the first k of n are the cases of
    ``generate_cases(k, seed)``. Case numbers are unique within a run of up to 10 million.
    With ``identifiers`` the parties are named and the free text names them too, with
    phone, claim and social security numbers, dates of birth and addresses (see
    corpus_identity.injected_identifiers); the clinical content stays the same."""
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    rng = random.Random(seed)
    r = rng.random
    start = (seed * 104_729) % 10_000_000
    for i in range(n):
        # 7919 is prime to 10**7, so serials do not repeat within 10 million cases.
        yield _one_case(r, (start + i * 7919) % 10_000_000, identifiers)
