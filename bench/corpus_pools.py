"""Precomputed tables that keep the generator fast: every date's printed forms, and pools of
rationales and summaries with the case's facts left as placeholders, drawn once from the
phrase banks (with a fixed seed, so every run has the same pools)."""

import random
from datetime import date, timedelta

from bench import corpus_data as D
from bench import corpus_phrases as P


def join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


FIRST = date(2000, 1, 1)
DAYS = (date(2027, 12, 31) - FIRST).days + 1
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_tables() -> tuple[list[str], ...]:
    iso, slash, long_, dash, short, year = [], [], [], [], [], []
    for n in range(DAYS):
        d = FIRST + timedelta(days=n)
        iso.append(d.isoformat())
        slash.append(f"{d.month:02d}/{d.day:02d}/{d.year}")
        long_.append(f"{MONTHS[d.month - 1]} {d.day}, {d.year}")
        dash.append(f"{d.month:02d}-{d.day:02d}-{d.year % 100:02d}")
        short.append(f"{d.month}-{d.day}-{d.year % 100:02d}")
        year.append(str(d.year))
    return iso, slash, long_, dash, short, year


ISO, SLASH, LONG, DASH, SHORT, YEAR = date_tables()
DECISION_FIRST = (date(2013, 6, 1) - FIRST).days  # the first determinations: mid-2013
DECISION_LAST = (date(2026, 10, 31) - FIRST).days
CHRONIC_PAIN_2016 = (date(2016, 7, 18) - FIRST).days  # the MTUS update of that date


def rationale_pool(kind: str, decision: str) -> list[str]:
    """Every rationale the banks make for one kind of request and decision, with {guide}
    and {treatment} left to fill: one draw per item instead of five."""
    says = P.GUIDELINE_SAYS.get(kind, P.GUIDELINE_SAYS_OTHER)
    general = P.UPHELD_FINDINGS if decision == "upheld" else P.OVERTURNED_FINDINGS
    specific = P.SPECIFIC_FINDINGS.get((kind, decision), ())
    ends = P.UPHELD_CONCLUSIONS if decision == "upheld" else P.OVERTURNED_CONCLUSIONS
    found = [f"{a} {b}" for a in specific for b in general] + list(specific or general)
    found += [f"{a} {b}" for a in general for b in general if a != b][: 3 * len(general)]
    return [f"{a} {b} {c}" for a in says for b in found for c in ends]


KINDS = {*D.CHRONIC_PAIN_SECTIONS, *D.ODG_TOPICS, *D.TREATMENTS, "pharmaceuticals"}
RATIONALES = {(k, d): rationale_pool(k, d) for k in KINDS for d in ("upheld", "overturned")}


def summary_skeletons(count: int = 4096) -> list[str]:
    """Summaries with the case's facts left as placeholders, drawn once from the banks (with
    a fixed seed, so every run has the same pool); a case then costs one draw and one
    ``format``."""
    rng = random.Random(20130101)
    pick, r = rng.choice, rng.random
    history, drugs = P.TREATMENT_HISTORY, D.OTHER_DRUGS
    out = []
    for _ in range(count):
        tx = join_words(rng.sample(history, 2 + int(r() * 3)))
        meds = join_words([name.split(" ")[0] for name, _ in rng.sample(drugs, 2)])
        sentences = [
            pick(P.OPENINGS),
            pick(P.MECHANISMS),
            pick(P.DIAGNOSES),
            pick(P.NOTES),
            pick(P.EXAMS),
        ]
        if r() < 0.7:
            sentences.append(pick(P.IMAGING))
        sentences.append(pick(P.TREATMENTS_SO_FAR).replace("{tx}", tx))
        if r() < 0.6:
            sentences.append(pick(P.MEDICATIONS).replace("{meds}", meds))
        if r() < 0.6:
            sentences.append(pick(P.WORK))
        sentences.append(pick(P.REQUESTS))
        if r() < 0.3:  # some summaries run to a second paragraph
            cut = len(sentences) // 2 + 1
            sentences[cut] = "\n\n" + sentences[cut]
        out.append(" ".join(sentences).replace(" \n\n", "\n\n"))
    return out


SUMMARIES = summary_skeletons()
