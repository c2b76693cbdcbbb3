"""The guideline catalog: the sources a determination may cite, and matching a free citation
to one of them. Facts only (names, parts, editions, sections), never guideline text.

The data lives in ``openimr/programs/<program>/guidelines.toml``; ``load_catalog`` checks it
key by key, so a bad entry fails at load time naming its key (docs/guidelines.md).
"""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from openimr.core.case import Citation
from openimr.core.errors import InvalidInput, Problem
from openimr.core.text import unprintable

OTHER = "other"  # a citation the catalog cannot place
# The evidence hierarchy's families, highest first (LC 4610.5(c)(2); 8 CCR 9792.21.1), each
# with the words of the standard it stands for, which pages show: the codes are the data's.
FAMILY_LABELS = {
    "mtus": "MTUS (Medical Treatment Utilization Schedule)",
    "acoem": "ACOEM Practice Guidelines",
    "odg": "ODG (Official Disability Guidelines)",
    "other_guideline": "Other nationally recognized guideline",
    "peer_reviewed": "Peer-reviewed study",
    "expert_opinion": "Expert opinion",
    "standard_practice": "Generally accepted standard of medical practice",
}
FAMILIES = tuple(FAMILY_LABELS)

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_TEXT_KEYS = ("id", "family", "title", "part", "edition", "section")
# The longest value a staff entry's column holds (openimr.guidelines.models.StaffEntry).
STAFF_LIMITS = {"id": 80, "title": 300, "part": 300, "edition": 100, "section": 100}
_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*")
_SECTION = re.compile(r"\d+(?:\.\d+)+")
# Words every citation style sprinkles in; they tell no guideline from another.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "in",
        "on",
        "to",
        "at",
        "by",
        "with",
        "chapter",
        "guideline",
        "guidelines",
        "edition",
        "ed",
        "page",
        "pages",
        "p",
        "pp",
        "updated",
        "ccr",
    ]
)


def words(text: str) -> frozenset[str]:
    """Normalised words: lower case, "&" as "and", a plural "s" dropped, stopwords removed, so
    "Knee & Leg" and "knee and legs" compare equal."""
    found = _WORD.findall(text.lower().replace("&", " and "))
    return frozenset(_singular(w) for w in found if w not in _STOPWORDS)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and word[0].isalpha() else word


@dataclass(frozen=True)
class GuidelineEntry:
    """One citable source. ``section`` is the 8 CCR section adopting it into the MTUS, empty
    outside the MTUS; ``aliases`` are other names citations use for it ("ODG")."""

    id: str
    family: str
    title: str
    part: str = ""
    edition: str = ""
    section: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def section_number(self) -> str:
        found = _SECTION.search(self.section)
        return found.group(0) if found else ""

    def score(self, text_words: frozenset[str]) -> tuple[int, int] | None:
        """How well a citation's words fit this entry, or None when neither its title, an
        alias nor its section appears. Ties go to the entry with fewer unmatched words."""
        names = [words(n) for n in (self.title, *self.aliases)]
        named = max((len(n) for n in names if n and n <= text_words), default=0)
        by_section = bool(self.section_number) and self.section_number in text_words
        if not named and not by_section:
            return None
        detail = words(self.part) | words(self.edition)
        matched = len(detail & text_words)
        return named + matched + (2 if by_section else 0), -len(detail - text_words)


@dataclass(frozen=True)
class Catalog:
    entries: tuple[GuidelineEntry, ...]

    def get(self, entry_id: str) -> GuidelineEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def find(self, text: str, *, families: Collection[str] = ()) -> GuidelineEntry | None:
        """The entry a free citation names, by normalised words; among equals the first in the
        catalog. ``families`` limits the search (empty: all)."""
        text_words = words(text)
        best: tuple[tuple[int, int], GuidelineEntry] | None = None
        for entry in self.entries:
            if families and entry.family not in families:
                continue
            score = entry.score(text_words)
            if score is not None and (best is None or score > best[0]):
                best = (score, entry)
        return best[1] if best else None


def family_of(citation: Citation, catalog: Catalog) -> str:
    """The hierarchy family of a cited source (LC 4610.5(c)(2); 8 CCR 9792.21.1). The author's
    ``mtus`` flag is trusted both ways: an MTUS citation is family "mtus"; a non-MTUS one is
    matched only against non-MTUS entries, and is "other" when none fits."""
    if citation.mtus:
        return "mtus"
    outside = [f for f in FAMILIES if f != "mtus"]
    entry = catalog.find(citation.citation, families=outside)
    return entry.family if entry else OTHER


def load_catalog(data: Mapping[str, Any]) -> Catalog:
    """The catalog from parsed ``guidelines.toml`` (``{"entries": [{...}, ...]}``); raises
    InvalidInput naming the key of every bad entry (``entries[3].family``)."""
    raw = data.get("entries")
    if not isinstance(raw, list) or not raw:
        raise InvalidInput([Problem("entries", "must be a non-empty list of tables")])
    problems = [p for i, table in enumerate(raw) for p in _entry_problems(i, table)]
    problems += _duplicate_ids(raw)
    if problems:
        raise InvalidInput(problems)
    return Catalog(tuple(_entry(table) for table in raw))


def _entry_problems(index: int, table: Any) -> list[Problem]:
    where = f"entries[{index}]"
    if not isinstance(table, dict):
        return [Problem(where, "must be a table")]
    known = {*_TEXT_KEYS, "aliases"}
    problems = [Problem(f"{where}.{key}", "unknown key") for key in table if key not in known]
    for key in _TEXT_KEYS:
        if not isinstance(table.get(key), str):
            problems.append(Problem(f"{where}.{key}", "must be a string"))
    problems += _value_problems(where, table)
    return problems


def _value_problems(where: str, table: dict[str, Any]) -> list[Problem]:
    problems = []
    entry_id, family, title = table.get("id"), table.get("family"), table.get("title")
    if isinstance(entry_id, str) and not _ID.fullmatch(entry_id):
        problems.append(Problem(f"{where}.id", "must be lower-case words joined by '-'"))
    if isinstance(family, str) and family not in FAMILIES:
        problems.append(Problem(f"{where}.family", f"must be one of {', '.join(FAMILIES)}"))
    if isinstance(title, str) and not title.strip():
        problems.append(Problem(f"{where}.title", "must not be empty"))
    # An MTUS source is in force only through the section that adopts it (8 CCR 9792.20 ff.).
    if family == "mtus" and isinstance(table.get("section"), str) and not table["section"]:
        problems.append(Problem(f"{where}.section", "an MTUS entry needs its 8 CCR section"))
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        problems.append(Problem(f"{where}.aliases", "must be a list of non-empty strings"))
    return problems


def _duplicate_ids(raw: list[Any]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, table in enumerate(raw):
        entry_id = table.get("id") if isinstance(table, dict) else None
        if isinstance(entry_id, str) and entry_id in seen:
            problems.append(Problem(f"entries[{index}].id", f"repeats entries[{seen[entry_id]}]"))
        if isinstance(entry_id, str):
            seen.setdefault(entry_id, index)
    return problems


def _entry(table: dict[str, Any]) -> GuidelineEntry:
    return GuidelineEntry(
        **{key: table[key] for key in _TEXT_KEYS}, aliases=tuple(table.get("aliases", []))
    )


def new_entry(table: Mapping[str, Any], *, taken: Collection[str]) -> GuidelineEntry:
    """One entry staff add to the catalog, checked as the program data is; its id must not
    be one the catalog already has. InvalidInput names each bad field ``$.title``."""
    problems = [
        Problem("$." + p.path.split(".", 1)[1], p.message)
        for p in _entry_problems(0, dict(table))
        if "." in p.path
    ]
    if table.get("id") in taken:
        problems.append(Problem("$.id", "the catalog already has an entry with this id"))
    problems += _staff_problems(table)
    if problems:
        raise InvalidInput(problems)
    return _entry(dict(table))


def _staff_problems(table: Mapping[str, Any]) -> list[Problem]:
    """What the program's file may hold but a staff entry may not: a value longer than its
    column, or an 8 CCR section on a source that is not the MTUS, which reviewers would
    then see listed as if the Administrative Director had adopted it (8 CCR 9792.20 ff.)."""
    problems = [
        Problem(f"$.{key}", f"must be at most {limit} characters")
        for key, limit in STAFF_LIMITS.items()
        if isinstance(table.get(key), str) and len(table[key]) > limit
    ]
    if table.get("family") != "mtus" and table.get("section"):
        problems.append(Problem("$.section", "only an MTUS entry has an 8 CCR section"))
    return problems + _unprintable_problems(table)


def _unprintable_problems(table: Mapping[str, Any]) -> list[Problem]:
    """A title, part or edition prints in every letter that cites the entry: no control
    character and no text-direction control, which would print as a box or turn the
    citation backwards (as an application's texts, openimr.core.text.unprintable)."""
    texts = [(f"$.{key}", table.get(key)) for key in ("id", "title", "part", "edition", "section")]
    aliases = table.get("aliases")
    if isinstance(aliases, list):
        texts += [(f"$.aliases[{n}]", alias) for n, alias in enumerate(aliases)]
    return [
        Problem(path, wrong)
        for path, text in texts
        if isinstance(text, str) and (wrong := unprintable(text))
    ]
