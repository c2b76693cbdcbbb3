"""Which words of a disputed item name its treatment, and which name the body part it is for.

A precedent's cohort is the decided items of the same treatment (openimr.decisions.precedents).
The body part a treatment is written for ("Physical therapy for the lumbar spine", "Lumbar
physical therapy", "PT to the low back") is not the treatment: it is where the injury is,
which the case's diagnoses already say ("M54.16 Radiculopathy, lumbar region"). The MTUS
judges a treatment by its guideline (the Chronic Pain guidelines' physical medicine visits,
8 CCR 9792.24.2) for whichever part it treats, and the ODG files it under the part's chapter
(domain.md section 5): the part is the condition, not the treatment. So the body part's
words leave the treatment's key and join the words of its condition, which put the letters
on the same part first; only a key with one word of its own keeps the part as its second.
An abbreviation a letter writes for a rehabilitation treatment ("PT", "OT", two letters, no
key word of their own) is read as the words it stands for.

No database here. A word is a run of letters, a digit ending it ("Norco10/325" reads
"norco").
"""

import re
from collections.abc import Sequence

_ANY_WORD = re.compile(r"[^\W\d_]+")

# Words that name where on the body a treatment goes. Not "spinal" ("spinal cord
# stimulator" is a treatment) nor "low" ("low level laser therapy"), which counts only
# before "back". A side (left, right, bilateral) is dose-like noise already.
BODY_PARTS = frozenset(
    [
        "lumbar",
        "lumbosacral",
        "cervical",
        "thoracic",
        "thoracolumbar",
        "cervicothoracic",
        "sacroiliac",
        "spine",
        "back",
        "neck",
        "shoulder",
        "shoulders",
        "knee",
        "knees",
        "hip",
        "hips",
        "wrist",
        "wrists",
        "hand",
        "hands",
        "elbow",
        "elbows",
        "ankle",
        "ankles",
        "foot",
        "feet",
        "finger",
        "fingers",
        "thumb",
        "thumbs",
        "arm",
        "arms",
        "leg",
        "legs",
        "extremity",
        "extremities",
        "paraspinals",
    ]
)
# Two-letter abbreviations of rehabilitation treatments, read as their words there only:
# elsewhere "PT" is as likely the prothrombin time of a "PT/INR" test.
ABBREVIATIONS = {
    "rehabilitation": {"pt": "physical therapy", "ot": "occupational therapy"},
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


def _read(text: str) -> list[tuple[str, bool]]:
    """Each word of ``text`` that may key a treatment, lowercased, with whether it names a
    body part there: three letters or more, or two in capitals ("CT scan of the lumbar
    spine" is keyed by "ct", not by "scan", which "Bone scan" shares)."""
    words = [
        w.lower() for w in _ANY_WORD.findall(text) if len(w) >= 3 or (len(w) == 2 and w.isupper())
    ]
    after = [*words[1:], ""] if words else []
    return [
        (word, word in BODY_PARTS or (word == "low" and then == "back"))
        for word, then in zip(words, after, strict=True)
    ]


# The everyday name of a part, followed by the word the diagnoses name its region with
# ("M54.5 Low back pain" but "M54.16 Radiculopathy, lumbar region"; "M54.2 Cervicalgia").
_REGION = {"back": "lumbar", "neck": "cervical"}


def body_words(treatment: str) -> list[str]:
    """The body part's words in ``treatment``, in order, once each, with the region a
    diagnosis names it by: "lumbar", "spine"; "low", "back", "lumbar" for "low back"."""
    found = []
    for word, body in _read(treatment):
        if body:
            found += [word, _REGION.get(word, word)]
    return list(dict.fromkeys(found))


def key_words(treatment: str, category: str, *, drop: frozenset[str], limit: int) -> list[str]:
    """The treatment's first ``limit`` words (three letters or more, or two in capitals)
    that are neither in ``drop`` (a dose, form or length of use) nor a body part's,
    abbreviations written out. A key that would be left shorter than ``limit`` takes the
    body part's words after its own ("Cervical pillow": `pillow cervical`): one word alone
    is as broad as the word, and `pillow` counted "Shoulder sling with abduction pillow" as
    the same treatment; "low" before "back" is left to "back". A treatment named by nothing
    but its body part ("Lumbar spine") is keyed by the part."""
    read = [(w, body) for w, body in _read(expanded(treatment, category)) if w not in drop]
    named = [w for w, body in read if not body]
    if len(dict.fromkeys(named)) < limit:
        named += [w for w, body in read if body and w != "low"]
    return list(dict.fromkeys(named))[:limit]
