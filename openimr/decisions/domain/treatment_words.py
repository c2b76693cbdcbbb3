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
it stands for.

No database here. A word is a run of letters, a digit ending it ("Norco10/325" reads
"norco").
"""

import re
from collections.abc import Sequence

_ANY_WORD = re.compile(r"[^\W\d_]+")

# Each region of the body a treatment is written for, with the words letters name it by. Not
# "spinal" ("spinal cord stimulator" is a treatment) nor "low" ("low level laser therapy"),
# which counts only before "back". A side (left, right, bilateral) is dose-like noise already.
REGIONS: dict[str, tuple[str, ...]] = {
    "lumbar": ("lumbar", "lumbosacral", "back"),
    "cervical": ("cervical", "neck"),
    "thoracic": ("thoracic",),
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
_REGION_OF = {word: region for region, words in REGIONS.items() for word in words}
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
BODY_PARTS = frozenset([*_REGION_OF, "spine", "extremity", "extremities", "paraspinals"])
_LIMBS = ("extremity", "extremities")
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
    ]
)
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
}


def abbreviations_for(key: Sequence[str], category: str) -> list[str]:
    """What a letter may write for the treatment keyed ``key`` in ``category`` instead of
    its words: "pt" for physical therapy in rehabilitation."""
    table = ABBREVIATIONS.get(category, {})
    return [short for short, words in table.items() if words.split() == list(key)]


def expanded(treatment: str, category: str) -> str:
    """``treatment`` with the category's abbreviations written out ("PT 2x6 to the low back"
    reads "physical therapy 2x6 to the low back" in rehabilitation)."""
    table = ABBREVIATIONS.get(category)
    if not table:
        return treatment
    return _ANY_WORD.sub(lambda m: table.get(m.group().lower(), m.group()), treatment)


_PART_PAIRS = frozenset(
    [("low", "back")] + [(side, limb) for side in ("upper", "lower") for limb in _LIMBS]
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


def regions(treatment: str) -> tuple[str, ...]:
    """The regions ``treatment`` is written for, once each: ("lumbar",) for "MRI of the low
    back" as for "Lumbosacral MRI" and "L5-S1 epidural steroid injection"; () for "Physical
    therapy 2x6". Named regions in order, then those only a spinal level names."""
    found = [_REGION_OF[word] for word, body in _read(treatment) if word in _REGION_OF and body]
    levels = [
        _REGION_OF_LEVEL.get(f"{m[1].lower()}{int(m[2])}") for m in _LEVEL.finditer(treatment)
    ]
    return tuple(dict.fromkeys([*found, *(r for r in levels if r)]))


def region_words(region: str) -> tuple[str, ...]:
    """What a letter's item may name ``region`` by: its words, then its spinal levels."""
    return REGIONS[region] + LEVELS.get(region, ())


def body_words(treatment: str) -> list[str]:
    """The body part's words in ``treatment``, in order, once each, with the region a
    diagnosis names it by: "lumbar", "spine"; "low", "back", "lumbar" for "low back";
    "knees", "knee" ("M17.0 Bilateral primary osteoarthritis of knee")."""
    found = []
    for word, body in _read(treatment):
        if body:
            found += [word, _REGION_OF.get(word, word)]
    return list(dict.fromkeys(found))


def key_words(treatment: str, category: str, *, drop: frozenset[str], limit: int) -> list[str]:
    """The treatment's first ``limit`` words (three letters or more, or two in capitals)
    that are neither in ``drop`` (a dose, form or length of use), a modifier (how many, how
    often, when) nor a body part's, abbreviations written out: the part is the cohort's
    region (``regions``), not its key. A treatment named by nothing but its body part
    ("Lumbar spine") is keyed by the part, less the words only a pair makes a part's."""
    read = [
        (w, body)
        for w, body in _read(expanded(treatment, category))
        if w not in drop and w not in MODIFIERS
    ]
    named = [w for w, body in read if not body] or [
        w for w, body in read if body and w in BODY_PARTS
    ]
    return list(dict.fromkeys(named))[:limit]
