"""The body regions a disputed item is for, read the same way for the case under review and
for each item of a published letter (stored with it when the letter is stored, the
``regions`` column of ``DecisionItem``): the regions its treatment names
(``treatment_words.regions``), or, for a course given to a body part naming none, the one
region its diagnoses name (``diagnosed_regions``). The MTUS and the ODG judge
a treatment under the body part's chapter (domain.md section 5), so a precedent's cohort is
the treatment for the same region. No database here."""

import re
from collections.abc import Sequence

from openimr.decisions.domain.treatment_words import FOR_A_PART, regions


def item_diagnoses(diagnoses: Sequence[str], codes: Sequence[str]) -> list[str]:
    """The case's diagnoses ("M54.16 Radiculopathy, lumbar region") that the item's ICD-10
    codes name: a case disputing a lumbar and a shoulder treatment is two conditions. All of
    them when the item has no code the case describes."""
    wanted = {str(code).strip().upper() for code in codes}
    own = [d for d in diagnoses if d.split(" ", 1)[0].upper() in wanted]
    return own or list(diagnoses)


# A sentence of a summary that states the diagnoses: "The current diagnoses are documented
# as lumbar spine sprain/strain." Not "Diagnostic studies included an x-ray of the ankle".
_DIAGNOSES = re.compile(r"\bdiagnos(?:is|es|ed)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.;])\s+")


def letter_diagnoses(diagnoses: Sequence[str], summary: str) -> list[str]:
    """A letter's (or case's) diagnoses: its listed ones, or, listing none, the sentences of
    its clinical summary that state them. A published letter lists none apart (the parser
    finds none in the 182 letters of /work/shared/corpus): its summary says them."""
    listed = [str(d) for d in diagnoses if d]
    if listed:
        return listed
    return [sentence for sentence in _SENTENCE.split(summary) if _DIAGNOSES.search(sentence)]


# An ICD-10-CM code before a diagnosis ("S01.01XA Laceration"): not a spinal level ("S01").
_ICD_CODE = re.compile(r"^\s*[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?\s+")

# A limb named beside a part of it, or beside the spine its nerves leave, is not where the
# item is given: "strain of the shoulder and upper arm level, impingement syndrome of right
# shoulder" is the shoulder (CM17-0008551), "lumbar pain with radiculopathy ... radiating
# to the bilateral lower extremities" the lumbar spine (CM16-0219557; ICD-10-CM codes a
# radiculopathy by its spinal region, M54.12 cervical, M54.16 lumbar).
_ARM = ("shoulder", "elbow", "wrist", "hand", "finger", "thumb")
_LEG = ("hip", "knee", "ankle", "foot")
_LIMB_PARTS = {
    "arm": ("cervical", *_ARM),
    "upper extremity": ("cervical", "arm", *_ARM),
    "leg": ("lumbar", *_LEG[1:]),
    "lower extremity": ("lumbar", "leg", *_LEG),
}
# Regions the guidelines judge under one body part's chapter (the MTUS's ACOEM chapters 11,
# "Forearm, Wrist, and Hand Complaints", 8 CCR 9792.23.4, and 14, "Ankle and Foot
# Complaints", 9792.23.7; the ODG's "Knee & Leg" and "Hip & Pelvis"): an item diagnosed in
# several of them is for that chapter, counted under the region first listed here: the hand
# (whose parts the finger and thumb are), the ankle, the knee, the hip.
_CHAPTERS: tuple[tuple[str, ...], ...] = (("hand", "wrist", "finger", "thumb"), ("ankle", "foot"))
_CHAPTERS += (("knee", "leg"), ("hip", "pelvis"))
_CHAPTER_OF = {region: chapter[0] for chapter in _CHAPTERS for region in chapter}


def diagnosed_regions(diagnoses: Sequence[str], category: str) -> tuple[str, ...]:
    """The one body region ``diagnoses`` name, for an item in ``category`` naming none
    ("PT 2x6" for "M54.16 Radiculopathy, lumbar region": lumbar), in FOR_A_PART only. A limb
    named beside a part of it or the spine it radiates from is that part or spine
    (``_LIMB_PARTS``), and regions of one guideline chapter are the chapter's
    (``_CHAPTERS``). None when they name parts of several chapters (the neck and the low
    back, the shoulder and the hip) or none: a request for several parts is judged for all
    of them, in the published letters mostly by a guideline of no part (the MTUS Chronic
    Pain Guidelines' physical medicine, the Acupuncture Guidelines), and the part named first
    is no guide to it (the hip and pelvis chapter judged CM17-0004133, diagnosed "lumbar ...
    and pelvis"; "Physical therapy ... for the head" CM17-0012593, diagnosed cervical and
    shoulder). Its cohort is then the treatment for any part."""
    if category not in FOR_A_PART:
        return ()
    found = regions(" ; ".join(_ICD_CODE.sub("", d) for d in diagnoses))
    kept = [r for r in found if not set(_LIMB_PARTS.get(r, ())) & set(found)]
    if len(kept) == 1:
        return tuple(kept)  # the wrist alone is the wrist, not its chapter's hand
    chapters = list(dict.fromkeys(_CHAPTER_OF.get(r, r) for r in kept))
    return tuple(chapters) if len(chapters) == 1 else ()


def item_regions(
    treatment: str, category: str, diagnoses: Sequence[str], codes: Sequence[str] = ()
) -> tuple[str, ...]:
    """The body regions an item is for, as both sides of a precedent read them: those its
    ``treatment`` names, or, naming none, the one its diagnoses name (``diagnosed_regions``
    of ``item_diagnoses``). The case under review reads its item so, and a letter's item is
    read so when the letter is stored (``regions_column``), so that "Physical therapy 2x6"
    of a letter diagnosed "Lumbar radiculopathy" is in the lumbar cohort."""
    return regions(treatment) or diagnosed_regions(item_diagnoses(diagnoses, codes), category)


# How a letter's item stores its regions: each between bars ("|lumbar|", "|knee|hip|"), so
# that a cohort tests one region as one substring; a region taken from the diagnoses marked
# before them ("*|lumbar|"), so that the letters holding such an item are one index range
# (the full-text index holds no diagnoses); None for none.
BAR = "|"
DIAGNOSED = "*"


def stored_regions(
    treatment: str, category: str, diagnoses: Sequence[str], codes: Sequence[str] = ()
) -> str | None:
    """A letter's item's regions (``item_regions``) as its ``regions`` column stores them.
    Its treatment is read once (a letter's store pays for it: `bench/ingest.py`)."""
    named = regions(treatment)
    if named:
        return BAR + BAR.join(named) + BAR
    found = diagnosed_regions(item_diagnoses(diagnoses, codes), category)
    return DIAGNOSED + BAR + BAR.join(found) + BAR if found else None


def reads_diagnoses(treatment: str, category: str) -> bool:
    """Whether an item's regions are read from its letter's diagnoses (``item_regions``): a
    course given to a body part (``FOR_A_PART``) whose treatment names none. A letter none
    of whose items does is stored without reading its summary for them."""
    return category in FOR_A_PART and not regions(treatment)
