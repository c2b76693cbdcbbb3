"""Which words of a disputed item name its treatment, and which name the body part it is for.

A precedent's cohort is the decided items of the same treatment for the same body part
(openimr.decisions.precedents): a knee arthroplasty is no precedent for a hip's, and the
MTUS and the ODG judge a treatment under the part's chapter (domain.md section 5). So an
item is read as two things: its key, the words naming the treatment ("physical therapy",
"magnetic resonance"), and its regions, the body parts it is for, each by one name however
a letter writes it ("low back", "lumbosacral" and "lumbar" are the lumbar region; "knees"
the knee). The key leaves out the part, the side, the dose and how many or how often
("Three sessions of physical therapy", "Additional physical therapy" and "Post operative
physical therapy" are physical therapy), so "MRI of the left knee", "Knee MRI" and "MRI
knee" are one treatment for one region. An abbreviation a letter writes for a treatment
("PT", "OT" in rehabilitation; "MRI", "CT", "X-ray" in diagnostics) is read as the words
it stands for. A variant ("Hinged knee brace", "transforaminal epidural steroid
injection"), a plural, a filler ("Chiropractic care"), an aside in parentheses and a drug's
route or how it is taken are no other treatment; an evaluation for a treatment, a drug
applied to the skin and a patch are another kind of it (``KINDS``), and an upper or lower
extremity is a region.

No database here. A word is a run of letters, a digit ending it ("Norco10/325" reads
"norco").
"""

import re
from collections.abc import Sequence
from functools import lru_cache

from openimr.decisions.domain.drug_names import BRANDS

_ANY_WORD = re.compile(r"[^\W\d_]+")

# Each region of the body a treatment is written for, with the words letters name it by. Not
# "spinal" ("spinal cord stimulator" is a treatment) nor "low" ("low level laser therapy"),
# which counts only before "back". A side (left, right, bilateral) is dose-like noise already.
REGIONS: dict[str, tuple[str, ...]] = {
    # And the pain of each by its diagnosis's name (ICD-10-CM M54.2 "Cervicalgia", "Lumbago").
    "lumbar": ("lumbar", "lumbosacral", "back", "lumbago"),
    "cervical": ("cervical", "neck", "cervicalgia"),
    "thoracic": ("thoracic",),  # and "upper back", "mid back" (_BACK)
    "thoracolumbar": ("thoracolumbar",),
    "cervicothoracic": ("cervicothoracic",),
    "sacroiliac": ("sacroiliac",),
    "shoulder": ("shoulder", "shoulders"),
    "knee": ("knee", "knees"),
    "hip": ("hip", "hips"),
    "wrist": ("wrist", "wrists"),
    "hand": ("hand", "hands"),
    "elbow": ("elbow", "elbows"),
    "ankle": ("ankle", "ankles"),
    "foot": ("foot", "feet"),
    "finger": ("finger", "fingers"),
    "thumb": ("thumb", "thumbs"),
    "arm": ("arm", "arms"),
    "leg": ("leg", "legs"),
    "pelvis": ("pelvis",),
}
# The back by its level: "upper back" and "mid back" are the thoracic spine, "low back" and
# "lower back" the lumbar (ICD-10-CM names the regions so: M54.6 "Pain in thoracic spine",
# M54.5 "Low back pain"); "back" alone, as letters write it ("Back brace"), is lumbar.
_BACK = {"upper": "thoracic", "mid": "thoracic", "middle": "thoracic"}
_BACK |= {"low": "lumbar", "lower": "lumbar"}
# What a letter's item may write for a region beside its words, for the index to find it by
# (phrases): the thoracic spine as "upper back" ("back" alone finds the lumbar region's).
PHRASES = {"thoracic": tuple(f"{level} back" for level in ("upper", "mid", "middle"))}
# A limb as a whole: "EMG of the left upper extremity", "NCS/EMG RUE". A region of two words,
# so its cohort asks for one word of each group: "upper" (or an abbreviation, which stands
# for both) and "extremity"; "upper" alone is no region ("upper back").
_EXTREMITY = ("extremity", "extremities")
LIMBS = {
    "upper extremity": (("upper", "rue", "lue", "bue"), (*_EXTREMITY, "rue", "lue", "bue")),
    "lower extremity": (("lower", "rle", "lle", "ble"), (*_EXTREMITY, "rle", "lle", "ble")),
}
_LIMB_OF = {short: limb for limb, (first, _) in LIMBS.items() for short in first[1:]}
_REGION_OF = {word: region for region, words in REGIONS.items() for word in words}
# The spine's words, which "back" after them only repeats ("lumbar back", "thoracic back").
_SPINE = frozenset(["lumbar", "lumbosacral", "thoracic", "thoracolumbar", "cervical"])
# A spinal level names its region: "Right L5-S1 epidural steroid injection" is lumbar, "C5-C6"
# cervical. Written in capitals, as letters write them; each level is also a token of both
# indexes ("l5", "s1"), so a letter's item is found by it as by a word.
LEVELS = {
    "lumbar": (*(f"l{n}" for n in range(1, 6)), "s1"),
    "cervical": tuple(f"c{n}" for n in range(1, 8)),
    "thoracic": tuple(f"t{n}" for n in range(1, 13)),
}
_LEVEL = re.compile(r"(?<![^\W\d_])([LSCT])(\d{1,2})(?!\d)")
_REGION_OF_LEVEL = {level: region for region, levels in LEVELS.items() for level in levels}
# Words of a body part that name no one region: "spine" is cervical, thoracic or lumbar.
BODY_PARTS = frozenset([*_REGION_OF, *_LIMB_OF, "spine", "extremity", "extremities", "paraspinals"])
# Words that say how much, how often or when, not what: "Three sessions of physical therapy",
# "Additional physical therapy" and "Post operative physical therapy" are physical therapy
# (a key of "additional" and "physical" counted "Additional acupuncture" out and "Additional
# physical therapy" apart from "Physical therapy"; "post operative" alone was a cohort of
# every post-operative item, from physical therapy to a cold therapy unit).
MODIFIERS = frozenset(
    [
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "twice", "additional", "continue", "continued", "continuation"),
        *("further", "repeat", "post", "postop", "postoperative", "operative"),
        # When it was asked, not what: "Retrospective CT scan", "Pre-operative medical clearance".
        *("retrospective", "pre", "preop", "preoperative"),
    ]
)
# Words that name a variant of a treatment, judged by the same guideline as the treatment:
# "Hinged knee brace" is a knee brace; a "transforaminal epidural steroid injection" and a
# "Lumbar Spine Epidural Injection" are both epidural injections (MTUS Chronic Pain, Epidural
# steroid injections), which a key of the first two words counted apart.
VARIANTS = frozenset(["hinged", "steroid", "transforaminal", "interlaminar", "caudal"])
# Words that make an item another kind of what its key names, judged apart, in the
# categories where the kind exists. An evaluation for a treatment is no course of it:
# "Functional restoration program evaluation" is no "Functional restoration program x 160
# hours" (not in surgery, "arthroscopy with evaluation of the ACL", in evaluation and
# management, whose items are all evaluations, nor in pharmaceuticals). A drug applied to the
# skin is no drug taken: the MTUS judges topical analgesics and compounds apart (8 CCR
# 9792.24.2, Chronic Pain Medical Treatment Guidelines, Topical analgesics), so
# "Cyclobenzaprine 5% in cream base" is no "Cyclobenzaprine 7.5mg #60".
EVALUATIONS = ("evaluation", "eval", "consultation", "consult", "assessment")
# An evaluation word after "with" or "and" is one given with the treatment, not the item:
# "Lumbar epidural steroid injection with pain interventionist consult" and "ESI and pain
# management consult" are epidural injections, and "Consultation with a pain management
# specialist" and "Pain management evaluation and treatment" still evaluations. Only the
# words before the first of them (``evaluated``) say whether an item is an evaluation, and
# name the procedure of one that is not (``key_words``); the cohort's SQL reads an item's so
# too (precedents_sql).
WITH = " with "
AND = " and "
JOINS = (WITH, AND)
_NO_EVALUATIONS = frozenset(["surgery", "evaluation_management", "pharmaceuticals"])
# A strength in percent (PERCENT) is a concentration, as a drug applied to the skin is
# written ("Diclofenac sodium 3%", "Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%,
# 120grams", "Lidopro 4%-27.5%-0.0325%": CM17-0006634 and CM17-0013716 judged them under
# Topical analgesics); a drug taken is dosed by weight ("Diclofenac 75mg"). No word, so it
# marks the kind only when no word of another kind does ("Lidocaine 5% patch" is a patch).
PERCENT = "%"
# Words saying a strength in percent is not put on the skin: "Lidocaine 2% viscous solution"
# is swished in the mouth, "Ketorolac 0.5% ophthalmic" dropped in the eye.
# Each is tested as a substring of a stored item too ("oral" stands for "orally").
NOT_ON_SKIN = ("viscous", "oral", "mouth", "rinse", "ophthalmic", "drops", "nasal")
_NOT_ON_SKIN = frozenset([*NOT_ON_SKIN, "orally", "mouthwash", "eye"])
TOPICAL = ("cream", "gel", "ointment", "lotion", "topical", "compound", PERCENT)
# A patch apart from the other topicals: the MTUS recommends lidocaine in a patch (Lidoderm)
# for localized neuropathic pain and no other topical lidocaine (creams, lotions, gels). A
# medicated pad is a patch ("Salonpas pad #60", "Lidocaine pad 5%"); "patches" is no
# "patch" and an "s" to the word tests.
PATCHES = ("patch", "patches", "transdermal", "pad", "pads")
KINDS = (
    (EVALUATIONS, lambda category: category not in _NO_EVALUATIONS),
    (TOPICAL, lambda category: category == "pharmaceuticals"),
    (PATCHES, lambda category: category == "pharmaceuticals"),
)
# A category's own name said again in its item: "Home health aide" is a home aide (the
# MTUS judges every home health item under one section, Chronic Pain Medical Treatment
# Guidelines, Home health services), and "Home health care" is the category's home care,
# where a key of "health" and "home" counted none of "Home aide 6 hours per day" and "Home
# care assistance".
CATEGORY_NAMES = {"home_health": frozenset(["health"])}
# Said in passing, not the treatment: what a parenthesis or brackets explain ("MRI (magnetic
# resonance imaging)", "Synapryn (unknown quantity)", "(DOS 11/18/16)"), and the heading a
# surgery's extras are written under ("Associated surgical service: Cold therapy unit").
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|^\s*associated\s+surgical\s+services?\s*:", re.I)
# A drug's dose: its name ends before the first, and a compound's next ingredient follows one
# after "/" or "," ("Flurbiprofen 20%, Baclofen 5%"); what follows otherwise is how it is
# taken ("Diazepam 5mg take 1 tab orally 1 hour before exam").
_DOSE = re.compile(r"\d[\d.%-]*(?:/\d[\d.%-]*)*[^\W\d_]*")
# Two ingredients of a compound, the name of one and the next after "/" or "," ("Flurbiprofen
# 20%, Baclofen 5%" is named "Flurbiprofen , Baclofen" by ``_named``; "Hydrocodone/APAP").
_INGREDIENTS = re.compile(r"[^\W\d_]\s*[/,]\s*[^\W\d_]")
# What a letter writes for a treatment's words, read as those words in the category only:
# elsewhere "PT" is as likely the prothrombin time of a "PT/INR" test. "X-ray" reads "ray"
# (one letter is no word), as "X-rays", "Xray" and "radiographs" do here.
ABBREVIATIONS = {
    "rehabilitation": {"pt": "physical therapy", "ot": "occupational therapy"},
    "diagnostics": {
        "mri": "magnetic resonance",
        "mris": "magnetic resonance",
        "ct": "computed tomography",
        "rays": "ray",
        "xray": "ray",
        "xrays": "ray",
        "radiograph": "ray",
        "radiographs": "ray",
    },
    # An epidural steroid injection, as the MTUS writes it (Chronic Pain Medical Treatment
    # Guidelines, "Epidural steroid injections (ESIs)"): "L4-5 ESI" is the lumbar epidural
    # steroid injection, not a treatment of its own. "Steroid" is a variant's word
    # (``VARIANTS``), no key word, so the abbreviation stands for the key's two.
    "injections": {"esi": "epidural injection", "esis": "epidural injection"},
    # N-acetyl-p-aminophenol, as prescriptions write acetaminophen ("Hydrocodone/APAP").
    "pharmaceuticals": {"apap": "acetaminophen"},
}


# What a word of a treatment is read as: the category's abbreviations, and a drug's brand as
# its generic words ("Norco" reads "hydrocodone acetaminophen"; domain/drug_names.py).
_EXPANDED = {**ABBREVIATIONS, "pharmaceuticals": {**ABBREVIATIONS["pharmaceuticals"], **BRANDS}}


def expanded(treatment: str, category: str) -> str:
    """``treatment`` with the category's abbreviations written out ("PT 2x6 to the low back"
    reads "physical therapy 2x6 to the low back" in rehabilitation)."""
    table = _EXPANDED.get(category)
    if not table:
        return treatment
    return _ANY_WORD.sub(lambda m: table.get(m.group().lower(), m.group()), treatment)


_PART_PAIRS = frozenset(
    [(level, "back") for level in _BACK]
    + [(side, limb) for side in ("upper", "lower") for limb in _EXTREMITY]
)


def _read(text: str) -> list[tuple[str, bool]]:
    """Each word of ``text`` that may key a treatment, lowercased, with whether it names a
    body part there: three letters or more, or two in capitals ("CT scan of the lumbar
    spine" is keyed by "ct", not by "scan", which "Bone scan" shares). "Upper" and "lower"
    before an extremity are the part's ("EMG of the left upper extremity" is keyed "emg")."""
    words = [
        w.lower() for w in _ANY_WORD.findall(text) if len(w) >= 3 or (len(w) == 2 and w.isupper())
    ]
    after = [*words[1:], ""] if words else []
    return [
        (word, word in BODY_PARTS or (word, then) in _PART_PAIRS)
        for word, then in zip(words, after, strict=True)
    ]


# A pure function of one short string, met again letter after letter (a store reads each
# item's treatment: "Physical therapy 2x6", "Norco 10/325mg #90"), as the parser's classifiers.
@lru_cache(maxsize=4096)
def regions(treatment: str) -> tuple[str, ...]:
    """The regions ``treatment`` is written for, once each: ("lumbar",) for "MRI of the low
    back" as for "Lumbosacral MRI" and "L5-S1 epidural steroid injection"; () for "Physical
    therapy 2x6". Named regions in order, then those only a spinal level names."""
    found = [region for _, region in _body_read(_read(treatment))]
    levels = [
        _REGION_OF_LEVEL.get(f"{m[1].lower()}{int(m[2])}") for m in _LEVEL.finditer(treatment)
    ]
    return tuple(dict.fromkeys(r for r in [*found, *levels] if r))


def _body_read(read: Sequence[tuple[str, bool]]) -> list[tuple[str, str | None]]:
    """Each body part word of ``read`` (``_read``), in order, with the region it names there
    (``_region``), read with the words either side of it."""
    words = [word for word, _ in read]
    before, after = ["", *words][: len(words)], [*words[1:], ""][: len(words)]
    return [
        (word, _region(word, then, prior))
        for (word, body), then, prior in zip(read, after, before, strict=True)
        if body
    ]


def _region(word: str, then: str, prior: str = "") -> str | None:
    """The region ``word`` names, followed by ``then`` and after ``prior``: "upper" before
    "extremity" is the upper extremity, before "back" the thoracic spine; "RUE" the right
    upper extremity; "extremity" alone none, "upper" before "back" none (the back is the
    region: after "upper", the thoracic spine)."""
    if word in ("upper", "lower") and then in _EXTREMITY:
        return f"{word} extremity"
    if then == "back" and word in _BACK:
        return None  # "back" names the region, after it
    if word == "back":
        # "Thoracic back pain" is the thoracic spine, not it and the lumbar (CM17-0007376).
        return _REGION_OF[prior] if prior in _SPINE else _BACK.get(prior, "lumbar")
    return _REGION_OF.get(word) or _LIMB_OF.get(word)


# Where an item is a course given to a body part, which letters name beside it ("Physical
# therapy to the low back"): not a drug, a unit, a trigger point injection or a test, whose
# letters name none, so that a part taken from the diagnoses would leave no cohort.
FOR_A_PART = frozenset(["rehabilitation", "chiropractic", "acupuncture"])


def region_words(region: str) -> tuple[tuple[str, ...], ...]:
    """The groups of words a letter's item names ``region`` by, one word of each: its words,
    then its spinal levels; a limb's side and "extremity"."""
    if region in LIMBS:
        return LIMBS[region]
    return (REGIONS[region] + PHRASES.get(region, ()) + LEVELS.get(region, ()),)


def body_words(treatment: str) -> list[str]:
    """The body part's words in ``treatment``, in order, once each, with the region a
    diagnosis names it by: "lumbar", "spine"; "low", "back", "lumbar" for "low back";
    "knees", "knee" ("M17.0 Bilateral primary osteoarthritis of knee")."""
    found = []
    for word, region in _body_read(_read(treatment)):
        found += [word, region or word]
    return list(dict.fromkeys(found))


def key_words(treatment: str, category: str, *, drop: frozenset[str], limit: int) -> list[str]:
    """The treatment's first ``limit`` words (three letters or more, or two in capitals)
    that are neither in ``drop`` (a dose, form or length of use), a modifier (how many, how
    often, when), a variant's, a kind's (``kinds_of``) nor a body part's,
    abbreviations written out, each less a plural "s", in alphabetical order ("NCV/EMG" is
    "EMG/NCV"): the part is the cohort's region (``regions``), not its key. A drug is named
    by the words before its dose (``_named``). A treatment named by nothing but its body part
    ("Lumbar spine") is keyed by the part, less the words only a pair makes a part's."""
    skip = drop | MODIFIERS | VARIANTS | frozenset(w for words, _ in KINDS for w in words)
    skip |= CATEGORY_NAMES.get(category, frozenset())
    name = _named(procedure(treatment, category), category)
    read = [(w, body) for w, body in _read(expanded(name, category))]
    kept = [(w, body) for w, body in read if w not in skip]
    named = [w for w, body in kept if not body] or [
        w for w, body in kept if body and w in BODY_PARTS
    ]
    if category == "pharmaceuticals" and _INGREDIENTS.search(name):
        # A compound's ingredients in any order are one compound: keyed by its first words
        # in alphabetical order, not as written ("Lidocaine/Flurbiprofen/Baclofen cream" and
        # "Flurbiprofen/Baclofen/Lidocaine cream" are both baclofen and flurbiprofen).
        named = sorted(dict.fromkeys(singular(w) for w in named))
    return sorted(dict.fromkeys(singular(w) for w in named[:limit]))


def _named(treatment: str, category: str) -> str:
    """The part of ``treatment`` that names it: without its asides; a drug's name and a
    compound's ingredients, not how it is taken. All of it when that leaves no word."""
    text = _ASIDE.sub(" ", treatment)
    if category != "pharmaceuticals":
        return text if _ANY_WORD.search(text) else treatment
    name, *rest = _DOSE.split(text)
    for between in rest[:-1]:
        if not between.strip().startswith(("/", ",")):
            break
        name += " " + between
    return name if _ANY_WORD.search(name) else treatment


def kinds_of(treatment: str, category: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """For each kind of treatment ``category`` has (``KINDS``): its words, and whether
    ``treatment`` is of that kind (an evaluation; a drug applied to the skin, by a word or
    a strength in percent) or not."""
    read = {word for word, _ in _read(expanded(treatment, category))}
    head = {word for word, _ in _read(expanded(evaluated(treatment), category))}
    found = [
        (kind, any(w in (head if kind is EVALUATIONS else read) for w in kind))
        for kind, applies in KINDS
        if applies(category)
    ]
    if PERCENT in treatment and not any(of for _, of in found) and not read & _NOT_ON_SKIN:
        found = [(kind, PERCENT in kind) for kind, _ in found]  # a strength in percent
    return tuple(found)


def evaluated(treatment: str) -> str:
    """The words of ``treatment`` that say whether it is an evaluation: those before its
    first "with" or "and" (``JOINS``), or all of it."""
    lowered = treatment.lower()
    at = min((i for i in map(lowered.find, JOINS) if i >= 0), default=-1)
    return treatment if at < 0 else treatment[:at]


def procedure(treatment: str, category: str) -> str:
    """What names the treatment of an item asking for a procedure and an evaluation given
    with it: the words before the first "with" or "and" (``evaluated``), when they name no
    evaluation and the rest does ("ESI and pain management consult" is keyed by the ESI, not
    by "pain"); else all of it, as in a category with no evaluations apart (``KINDS``)."""
    head = evaluated(treatment)
    applies = next(applies for kind, applies in KINDS if kind is EVALUATIONS)
    if head == treatment or not applies(category) or not _ANY_WORD.search(head):
        return treatment
    said = [{word for word, _ in _read(text)} & set(EVALUATIONS) for text in (head, treatment)]
    return head if said[1] and not said[0] else treatment


def singular(word: str) -> str:
    """``word`` less a plural "s", so that "braces" keys as "brace" and "injections" is
    counted as "injection" (the word tests allow an "s"). Not below five letters ("tens" is
    no plural of "ten"), nor after "s", "i" or "u" ("wellness", "urinalysis", "stimulus"),
    nor "ies" ("modalities"): the indexes stem those otherwise than the word less its "s"
    ("modal"), and the window is asked for the key's words."""
    plural = word.endswith("s") and word[-2] not in "siu" and not word.endswith("ies")
    return word[:-1] if len(word) >= 5 and plural else word
