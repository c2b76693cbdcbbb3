"""The injured worker and the injury as the records state them: age, sex, date and
mechanism of injury."""

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from openimr.core.case import DocumentKind, Sex
from openimr.records.domain.dates import find_dates
from openimr.records.domain.evidence import Found, Record, SourceRef, newest_first
from openimr.records.domain.prose import lower_first, sentence, soften_capitals, strip_end
from openimr.records.domain.sections import SectionName
from openimr.records.domain.service_dates import label_before
from openimr.records.domain.treatment import CLINICAL

_K = DocumentKind
_AGE_SEX = re.compile(
    r"\b(?P<age>\d{2})[- ]?(?:years?|yrs?|y/?o)(?:[- ]old)?,?\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<sex>male|female|man|woman|gentleman|lady|M|F)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(\d{2})[- ](?:years?|yrs?)[- ]old\b|\bage\s*:\s*(\d{2})\b", re.I)
_SEX = re.compile(r"\b(?:sex|gender)\s*:\s*(male|female|m|f)\b", re.IGNORECASE)
_SEXES = {"male": Sex.MALE, "man": Sex.MALE, "gentleman": Sex.MALE, "m": Sex.MALE}
_SEXES |= {"female": Sex.FEMALE, "woman": Sex.FEMALE, "lady": Sex.FEMALE, "f": Sex.FEMALE}
_INJURY_LABELS = frozenset({"date of injury", "doi", "d.o.i", "injury date"})
_INJURED_ON = re.compile(r"\binjur(?:y|ed)\b[^.]{0,40}?\b(?:on|of|dated)\s*$", re.IGNORECASE)
_MECHANISM = re.compile(
    r"\b(?:injur(?:ed|y|ies)|hurt|strained|sprained|twisted|sustained|developed)\b[^.;]{0,100}?"
    r"\b(?P<clause>(?:while|when|after|as a result of|from)\s+[^;]{4,160})",
    re.IGNORECASE,
)
_MECHANISM_STATED = re.compile(
    r"\bmechanism of (?:the )?injury\s*(?::|was|is|involved|:?\s*(?:the )?(?:patient|she|he))"
    r"\s*(?P<what>.{4,200})",
    re.IGNORECASE,
)
# An event told without the word "injury" ("she was assaulted", "he slipped and fell") is a
# mechanism only in the injury's history, or beside the injury date or the words "at work".
_EVENT = re.compile(
    r"\b(?P<aux>was|were|got)\s+(?P<passive>(?:assaulted|struck|hit|attacked|bitten|rear-ended"
    r"|crushed|pinned|caught|thrown|kicked|pushed)\b[^;]{0,140})"
    r"|\b(?P<active>(?:slipped|tripped|fell|stepped|lifted|twisted|collided|caught|crushed"
    r"|jammed|cut|burned|struck|strained|lifting|carrying)\b[^;]{3,140})",
    re.IGNORECASE,
)
# "At work", or a while-clause of work ("while delivering mail"), marks the injury's event.
_AT_WORK = re.compile(
    r"\bat work\b|\bon the job\b|\bwhile (?:working|at work|on duty|\w+ing\b)|\bindustrial",
    re.IGNORECASE,
)
_NOT_STATED = re.compile(
    r"\b(?:not (?:listed|documented|stated|provided|known|described|specified)|unknown|unclear"
    r"|not available|none given)\b",
    re.IGNORECASE,
)


def age_and_sex(records: Sequence[Record]) -> tuple[Found | None, Found | None]:
    """From the newest clinical record that states them ("52-year-old female"); an age
    stated alone ("a 40-year-old letter carrier") when none gives both."""
    age_only = sex_only = None
    for record in newest_first(records, *CLINICAL):
        for passage in record.passages:
            match = _AGE_SEX.search(passage.text)
            if match:
                refs = record.refs(passage.pages)
                sex = _SEXES[match["sex"].lower()].value
                return Found(match["age"], match["age"], refs), Found(sex, sex, refs)
            age_only = age_only or _labelled(_AGE, passage.text, record, passage.pages)
        for line in record.lines:
            sex_only = sex_only or _labelled(_SEX, line.text, record, (line.page,))
    return age_only, sex_only


def _labelled(
    pattern: re.Pattern[str], text: str, record: Record, pages: Sequence[int]
) -> Found | None:
    """An age or a sex stated on its own ("a 40-year-old letter carrier", "Sex: F")."""
    match = pattern.search(text)
    if match is None:
        return None
    value = next(v for v in match.groups() if v)
    value = _SEXES[value.lower()].value if pattern is _SEX else value
    return Found(value, value, record.refs(pages))


def date_of_injury(records: Sequence[Record]) -> Found | None:
    """The injury date the records give most often (cumulative-trauma claims give ranges;
    a lone typo should not win), with the pages that give it."""
    seen: Counter[date] = Counter()
    pages: dict[date, list[SourceRef]] = {}
    for record in records:
        for line in record.lines:
            for value in _injury_dates(line.text):
                seen[value] += 1
                pages.setdefault(value, []).extend(record.refs([line.page]))
    if not seen:
        return None
    value = seen.most_common(1)[0][0]
    return Found(value.isoformat(), value.isoformat(), tuple(dict.fromkeys(pages[value]))[:3])


def _injury_dates(text: str) -> list[date]:
    out, previous_end = [], 0
    for match in find_dates(text):
        before = text[previous_end : match.start]
        if label_before(before) in _INJURY_LABELS or _INJURED_ON.search(before):
            out.append(match.value)
        previous_end = match.end
    return out


def mechanism(records: Sequence[Record], injured: date | None = None) -> Found | None:
    """How the injury happened, when a record says so; None rather than a guess.
    ``injured``, the date of injury, lets an event told beside it count."""
    for record in newest_first(records, *CLINICAL) + newest_first(records, _K.UR_DETERMINATION):
        found = _stated_mechanism(record) or _mechanism_clause(record) or _event(record, injured)
        if found:
            return found
    return None


def _stated_mechanism(record: Record) -> Found | None:
    for passage in record.section_passages(SectionName.MECHANISM):
        if not _NOT_STATED.search(passage.text):
            what = strip_end(passage.text)
            return Found(what, _stated(what), record.refs(passage.pages))
    for passage in record.passages:
        match = _MECHANISM_STATED.search(passage.text)
        if match and not _NOT_STATED.search(match["what"]):
            what = strip_end(match["what"])
            return Found(what, _stated(what), record.refs(passage.pages))
    return None


def _stated(what: str) -> str:
    # Quoted: a label's value ("Motor vehicle accident; his truck was struck ...") rarely
    # reads as the end of a sentence.
    return f'The mechanism of injury is described as "{lower_first(soften_capitals(what))}."'


def _mechanism_clause(record: Record) -> Found | None:
    for passage in record.passages:
        match = _MECHANISM.search(passage.text)
        if match and not _NOT_STATED.search(match["clause"]):
            clause = _one_clause(match["clause"])
            verb = "resulted" if clause.lower().startswith("from") else "occurred"
            text = sentence(f"The injury reportedly {verb} {soften_capitals(clause)}")
            return Found(clause, text, record.refs(passage.pages))
    return None


def _one_clause(text: str) -> str:
    """The clause up to where the sentence turns to something else (", and ...")."""
    return strip_end(re.split(r",\s+(?:and|but|which|then)\b|;", text, maxsplit=1)[0])


def _event(record: Record, injured: date | None) -> Found | None:
    history = record.section_passages(SectionName.INJURY_HISTORY)
    for passage in record.passages:
        match = _EVENT.search(passage.text)
        if match and (passage in history or _about_the_injury(passage.text, injured)):
            what = _one_clause(match["passive"] or match["active"])
            text = sentence(_event_sentence(match, soften_capitals(what)))
            return Found(what, text, record.refs(passage.pages))
    return None


def _event_sentence(match: re.Match[str], what: str) -> str:
    if match["passive"]:
        return f"The injured worker {match['aux'].lower()} reportedly {what}"
    if what.split(" ", 1)[0].lower().endswith("ing"):
        return f"The injury reportedly occurred while {what}"  # "since lifting a transmission"
    return f"The injured worker reportedly {what}"


def _about_the_injury(text: str, injured: date | None) -> bool:
    if _AT_WORK.search(text):
        return True
    return injured is not None and any(d.value == injured for d in find_dates(text))
