"""Criteria checklists for common requests: structured facts in, each criterion met, not met
or unknown out, with the guideline it comes from. They help a reviewer; the reviewer decides
(LC 4610.6(c)). Sources are named per checklist; docs/guidelines.md lists them."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Condition = Literal["myalgia", "neuralgia", "postsurgical"]

CHRONIC_PAIN = "MTUS Chronic Pain Medical Treatment Guidelines (8 CCR 9792.24.2)"
# Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99:
# (visits, weeks) for each condition the guideline gives a course for.
PHYSICAL_MEDICINE = {"myalgia": (10, 8), "neuralgia": (10, 4)}
ACUPUNCTURE_TRIAL = 6  # 8 CCR 9792.24.1(c)(1): functional improvement within 3-6 treatments
CONSERVATIVE_WEEKS = 4  # ACOEM 2nd ed., ch. 12: imaging after 4-6 weeks of failed care


@dataclass(frozen=True)
class Criterion:
    text: str
    met: bool | None  # None: the records do not tell
    evidence: str = ""


@dataclass(frozen=True)
class Checklist:
    """``any_suffices``: the criteria are alternatives (red flags), one met is enough."""

    title: str
    source: str
    criteria: tuple[Criterion, ...]
    any_suffices: bool = False


@dataclass(frozen=True)
class PhysicalTherapyFacts:
    visits_requested: int
    visits_completed: int
    condition: Condition
    functional_improvement_documented: bool | None = None
    postsurgical_visits_allowed: int | None = None  # from the surgery's general course


@dataclass(frozen=True)
class AcupunctureFacts:
    treatments_requested: int
    treatments_completed: int
    functional_improvement_documented: bool | None = None


@dataclass(frozen=True)
class OpioidFacts:
    treatment_plan_with_goals: bool | None = None
    baseline_pain_and_function: bool | None = None
    risk_screen: bool | None = None
    urine_drug_testing: bool | None = None
    cures_checked: bool | None = None


@dataclass(frozen=True)
class LumbarMRIFacts:
    progressive_neurologic_deficit: bool | None = None
    cauda_equina_signs: bool | None = None
    suspected_fracture_infection_or_tumor: bool | None = None
    weeks_of_conservative_care: int | None = None
    radiculopathy: bool | None = None
    surgery_considered: bool | None = None


@dataclass(frozen=True)
class HomeExerciseEquipmentFacts:
    exercises_need_equipment: bool | None = None
    primarily_medical_purpose: bool | None = None


def verdict(checklist: Checklist) -> bool | None:
    """Met, not met, or None when an unknown criterion could change the answer."""
    found = [c.met for c in checklist.criteria]
    if checklist.any_suffices:
        return True if True in found else (None if None in found else False)
    return False if False in found else (None if None in found else True)


def all_known(values: Iterable[bool | None]) -> bool | None:
    """Every value true; False if any is false, None if undecided by an unknown."""
    values = list(values)
    return False if False in values else (None if None in values else True)


def physical_therapy(facts: PhysicalTherapyFacts) -> Checklist:
    """MTUS Chronic Pain, Physical Medicine, pp. 98-99 (8 CCR 9792.24.2): 9-10 visits over
    8 weeks for myalgia/myositis, 8-10 over 4 weeks for neuralgia/neuritis/radiculitis;
    postsurgical therapy follows the Postsurgical Treatment Guidelines (8 CCR 9792.24.3)."""
    total = facts.visits_requested + facts.visits_completed
    criteria = [_visit_allowance(facts, total)]
    if facts.visits_completed:
        # Further therapy is earned by what earlier visits achieved (8 CCR 9792.20, "functional
        # improvement").
        criteria.append(
            Criterion(
                "functional improvement is documented from the visits completed",
                facts.functional_improvement_documented,
                f"{facts.visits_completed} visits completed",
            )
        )
    source = (
        "MTUS Postsurgical Treatment Guidelines (8 CCR 9792.24.3)"
        if facts.condition == "postsurgical"
        else f"{CHRONIC_PAIN}, Physical Medicine, pages 98-99"
    )
    return Checklist("physical therapy", source, tuple(criteria))


def _visit_allowance(facts: PhysicalTherapyFacts, total: int) -> Criterion:
    evidence = f"{facts.visits_requested} requested + {facts.visits_completed} completed"
    if facts.condition == "postsurgical":
        allowed = facts.postsurgical_visits_allowed
        met = None if allowed is None else total <= allowed
        text = f"visits within the postsurgical course ({allowed or 'unknown'} visits)"
        return Criterion(text, met, evidence)
    visits, weeks = PHYSICAL_MEDICINE[facts.condition]
    text = f"visits within the {visits} allowed over {weeks} weeks for {facts.condition}"
    return Criterion(text, total <= visits, evidence)


def acupuncture(facts: AcupunctureFacts) -> Checklist:
    """MTUS Acupuncture Medical Treatment Guidelines (8 CCR 9792.24.1(c)(1), (d)): an initial
    trial of 3-6 treatments; more only with documented functional improvement."""
    if not facts.treatments_completed:
        criteria = (
            Criterion(
                f"an initial trial of at most {ACUPUNCTURE_TRIAL} treatments",
                facts.treatments_requested <= ACUPUNCTURE_TRIAL,
                f"{facts.treatments_requested} requested, none completed",
            ),
        )
    else:
        criteria = (
            Criterion(
                "functional improvement is documented from the treatments completed",
                facts.functional_improvement_documented,
                f"{facts.treatments_completed} completed",
            ),
        )
    source = "MTUS Acupuncture Medical Treatment Guidelines (8 CCR 9792.24.1)"
    return Checklist("acupuncture", source, criteria)


def opioid_monitoring(facts: OpioidFacts) -> Checklist:
    """MTUS Opioids Treatment Guideline (8 CCR 9792.24.4) and Chronic Pain, Opioids, criteria
    for use, pp. 76-80; the CURES check (Health & Safety Code 11165.4)."""
    rows = (
        ("a treatment plan with functional goals", facts.treatment_plan_with_goals),
        ("baseline pain and function are recorded", facts.baseline_pain_and_function),
        ("a risk screen for misuse is done", facts.risk_screen),
        ("urine drug testing is done", facts.urine_drug_testing),
        ("the CURES database is checked", facts.cures_checked),
    )
    criteria = tuple(Criterion(text, met) for text, met in rows)
    source = "MTUS Opioids Treatment Guideline (8 CCR 9792.24.4); CURES (H&S Code 11165.4)"
    return Checklist("opioid monitoring", source, criteria)


def lumbar_mri(facts: LumbarMRIFacts) -> Checklist:
    """MTUS ACOEM 2nd ed., ch. 12 Low Back Complaints, pp. 303-304 (8 CCR 9792.23.5):
    imaging for red flags, or for radiculopathy after 4-6 weeks of failed conservative care
    when surgery is considered. Any one suffices."""
    weeks = facts.weeks_of_conservative_care
    failed_care = all_known(
        (
            None if weeks is None else weeks >= CONSERVATIVE_WEEKS,
            facts.radiculopathy,
            facts.surgery_considered,
        )
    )
    criteria = (
        Criterion("a progressive neurologic deficit", facts.progressive_neurologic_deficit),
        Criterion("signs of cauda equina syndrome", facts.cauda_equina_signs),
        Criterion(
            "a suspected fracture, infection or tumor",
            facts.suspected_fracture_infection_or_tumor,
        ),
        Criterion(
            f"radiculopathy after at least {CONSERVATIVE_WEEKS} weeks of failed conservative "
            "care, with surgery considered",
            failed_care,
            "" if weeks is None else f"{weeks} weeks of conservative care",
        ),
    )
    source = "MTUS ACOEM Practice Guidelines, Chapter 12, Low Back Complaints (8 CCR 9792.23.5)"
    return Checklist("lumbar MRI", source, criteria, any_suffices=True)


def home_exercise_equipment(facts: HomeExerciseEquipmentFacts) -> Checklist:
    """MTUS Chronic Pain, Exercise (8 CCR 9792.24.2) recommends exercise, not equipment; ODG,
    Knee & Leg, Exercise kits, and Durable medical equipment: equipment is needed only when
    the exercises cannot be done without it, and must primarily serve a medical purpose."""
    criteria = (
        Criterion("the home exercises cannot be done without it", facts.exercises_need_equipment),
        Criterion("it primarily serves a medical purpose", facts.primarily_medical_purpose),
    )
    source = f"{CHRONIC_PAIN}, Exercise; ODG, Knee & Leg, Exercise kits"
    return Checklist("home exercise equipment", source, criteria)


def rationale_outline(checklist: Checklist) -> str:
    """Plain words for the rationale's skeleton: whether the request meets the checklist,
    and why. The reviewer writes the rationale; this only outlines it."""
    result = verdict(checklist)
    lead = f"{checklist.title} criteria of the {checklist.source}"
    if result is True:
        met = [c for c in checklist.criteria if c.met]
        return f"The request meets the {lead}: {_listed(met)}."
    if result is False:
        unmet = [c for c in checklist.criteria if c.met is False]
        return f"The request does not meet the {lead}; not met: {_listed(unmet)}."
    unknown = [c for c in checklist.criteria if c.met is None]
    return f"The records do not show whether the request meets the {lead}; unknown: " + (
        f"{_listed(unknown)}."
    )


def _listed(criteria: list[Criterion]) -> str:
    return "; ".join(f"{c.text} ({c.evidence})" if c.evidence else c.text for c in criteria)
