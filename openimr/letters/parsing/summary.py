"""What the clinical case summary says in prose: the employee's age and sex ("a 34-year-old
male", "this 47 year old male"), and, for letters without a header, the dates of injury and
of the UR denial ("injured on February 25, 2013", "denied ... on May 9, 2014")."""

import re
from datetime import date

from openimr.letters.parsing.header import DATE, parse_date

_AGE_SEX = re.compile(
    r"\b(\d{1,3})[\s-]+years?[\s-]+old,?\s+(?:(?:injured|Hispanic|Caucasian|African[\s-]American"
    r"|Asian|white|black|right[\s-]handed|left[\s-]handed)\s+)?"
    r"(male|female|man|woman|gentleman|lady|boy|girl|patient|individual|person|employee"
    r"|injured\s+worker|worker|claimant|applicant)\b",
    re.IGNORECASE,
)
_SEX_WORDS = {
    "male": "male",
    "man": "male",
    "gentleman": "male",
    "boy": "male",
    "female": "female",
    "woman": "female",
    "lady": "female",
    "girl": "female",
}
_PRONOUN = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)
_INJURY = re.compile(
    rf"(?:injured\s+on|injury\s+(?:of|on|dated)|date\s+of\s+injury\s+(?:of|was|is)?:?|"
    rf"injury\s+occurred\s+on)\s+({DATE})",
    re.IGNORECASE,
)
_UR = re.compile(
    rf"On\s+({DATE}),\s+(?:the\s+)?utilization\s+review"
    rf"|utilization\s+review\b[^.]{{0,40}}?(?:dated|of|on|\()\s*({DATE})"
    rf"|(?:denied|non-?certified|modified)\b[^.]{{0,120}}?\bon\s+({DATE})",
    re.IGNORECASE,
)


def age_and_sex(summary: str) -> tuple[int | None, str | None, bool]:
    """(age, sex, sex_from_pronouns): the sex is taken from the words for the employee, or,
    failing those, from the pronouns the summary uses (a guess, flagged)."""
    found = _AGE_SEX.search(summary)
    age = int(found.group(1)) if found and int(found.group(1)) <= 120 else None
    sex = _SEX_WORDS.get(found.group(2).lower()) if found else None
    if sex is not None:
        return age, sex, False
    counts = {"male": 0, "female": 0}
    for pronoun in _PRONOUN.findall(summary[:3000]):
        counts["male" if pronoun.lower() in {"he", "his", "him"} else "female"] += 1
    if counts["male"] != counts["female"] and max(counts.values()) >= 2:
        return age, max(counts, key=lambda k: counts[k]), True
    return age, None, False


def prose_injury_date(summary: str) -> date | None:
    found = _INJURY.search(summary)
    return parse_date(found.group(1)) if found else None


# Where a match of _UR can start, in the lowered text: "on" before a date (a digit or a
# month's name: it may end a word, "utilizati-on 12/3/2014"), or "utilization review" or a
# denial's verb. Two patterns, since a match of one may hold where the other starts; each
# is case-sensitive and cheap to search, where the case-blind _UR is tried at every position.
_UR_ON = re.compile(r"on\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_UR_WORD = re.compile(r"utilization\s+review|denied|non-?certified|modified")


def _first_ur(summary: str) -> re.Match[str] | None:
    """``_UR.search(summary)``; in ASCII text (where lower() keeps every character's place),
    _UR is tried only where a match may start, in order."""
    if not summary.isascii():
        return _UR.search(summary)
    lower = summary.lower()
    starts = [m.start() for m in _UR_ON.finditer(lower)]
    starts += [m.start() for m in _UR_WORD.finditer(lower)]
    for start in sorted(starts):
        if found := _UR.match(summary, start):
            return found
    return None


def prose_ur_date(summary: str) -> date | None:
    found = _first_ur(summary)
    return parse_date(next(g for g in found.groups() if g)) if found else None
