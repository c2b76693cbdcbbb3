"""Which specialties may review a disputed item: the reviewer must be "in the same or similar
specialty" that evaluates or treats the condition and the treatment (LC 139.5(c);
domain.md §4).

The table is data (``programs/ca_dwc_imr/specialties.toml``) with three parts: treatment
categories (all of ``Category``), ICD-10-CM ranges by body system, and treatment keywords.
The rule: an item's acceptable specialties are those of the keywords its treatment names,
when any keyword matches; otherwise those of its category together with those of its codes.
Specialty names are compared by ``specialty_key`` and mapped through the table's aliases
("PM&R", "Orthopaedic Surgery") to one canonical name each.
"""

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from openimr.core.case import Category
from openimr.core.errors import InvalidInput, Problem

_ICD10 = re.compile(r"([A-Z][0-9][0-9A-Z])(?:\.?[0-9A-Z]{1,4})?")
_KEYS = ("specialties", "aliases", "categories", "icd10", "keywords")

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class IcdRange:
    """ICD-10-CM three-character categories ``first`` to ``last``, inclusive."""

    first: str
    last: str
    specialties: frozenset[str]
    label: str = ""


@dataclass(frozen=True)
class SpecialtyTable:
    specialties: frozenset[str]
    aliases: Mapping[str, str] = field(default_factory=dict, hash=False)
    categories: Mapping[Category, frozenset[str]] = field(default_factory=dict, hash=False)
    icd10: tuple[IcdRange, ...] = ()
    keywords: Mapping[Phrase, frozenset[str]] = field(default_factory=dict, hash=False)
    # Derived by load_specialty_table: phrases by first word, and each name's spellings.
    by_first_word: Mapping[str, tuple[Phrase, ...]] = field(default_factory=dict, hash=False)
    spellings: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)


@lru_cache(maxsize=4096)  # pure; matching asks about the same few dozen names again and again
def specialty_key(name: str) -> str:
    """``"Physical Medicine & Rehabilitation"`` → ``"physical medicine and rehabilitation"``:
    case, "&" and punctuation make no difference."""
    text = name.casefold().replace("&", " and ")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def canonical_specialty(table: SpecialtyTable, name: str) -> str:
    """The table's name for a specialty as a certification spells it."""
    key = specialty_key(name)
    return table.aliases.get(key, key)


def unknown_specialty(table: SpecialtyTable, name: str) -> str | None:
    """Why a certification's specialty fits nothing, or None when the table (or one of its
    aliases) knows it. Matching compares specialties by the table's names only, so a reviewer
    certified under a name it does not know, a typo say, is never chosen for any item under
    it (LC 139.5(c): the same or similar specialty), while looking qualified on the panel."""
    if canonical_specialty(table, name) in table.specialties:
        return None
    known = sorted(table.specialties | set(table.aliases))
    close = difflib.get_close_matches(specialty_key(name), known, n=1, cutoff=0.8)
    hint = f" (did you mean {table.aliases.get(close[0], close[0])!r}?)" if close else ""
    return f"{name!r} is not a specialty of the specialty table{hint}"


def icd10_category(code: str) -> str | None:
    """``"m54.16"`` → ``"M54"``; None when ``code`` is not shaped like an ICD-10-CM code."""
    found = _ICD10.fullmatch(code.strip().upper())
    return found.group(1) if found else None


def _stem(word: str) -> str:
    # "injections" and "injection" are one keyword; "ss" endings ("stress") are not plurals.
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def treatment_words(treatment: str) -> Phrase:
    """The words keywords are looked for in: lower case, no punctuation, final "s" off."""
    return tuple(_stem(w) for w in specialty_key(treatment).split())


def _keyword_specialties(table: SpecialtyTable, words: Phrase) -> set[str]:
    found: set[str] = set()
    for i, word in enumerate(words):
        for phrase in table.by_first_word.get(word, ()):
            if words[i : i + len(phrase)] == phrase:
                found |= table.keywords[phrase]
    return found


def _icd_specialties(table: SpecialtyTable, codes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for category in filter(None, map(icd10_category, codes)):
        for entry in table.icd10:
            if entry.first <= category <= entry.last:
                found |= entry.specialties
    return found


def specialties_for(
    table: SpecialtyTable, treatment: str, category: Category, icd10: Sequence[str]
) -> frozenset[str]:
    """The specialties that may review one item (LC 139.5(c)): the keywords' if the
    treatment names any, else the category's together with the ICD-10 codes'. Codes that
    are not ICD-10-CM shaped are ignored (the readers reject them at the edge)."""
    by_keyword = _keyword_specialties(table, treatment_words(treatment))
    if by_keyword:
        return frozenset(by_keyword)
    return table.categories.get(category, frozenset()) | _icd_specialties(table, icd10)


# Loading: every problem is reported with the key it is under.


def _names(value: Any, where: str, known: frozenset[str] | None) -> list[Problem]:
    if not isinstance(value, list) or not value:
        return [Problem(where, "must be a non-empty list of specialty names")]
    problems = []
    for i, name in enumerate(value):
        if not isinstance(name, str) or not specialty_key(name):
            problems.append(Problem(f"{where}[{i}]", "must be a specialty name"))
        elif known is not None and specialty_key(name) not in known:
            problems.append(Problem(f"{where}[{i}]", f"{name!r} is not in specialties"))
    return problems


def _keyset(value: list[str]) -> frozenset[str]:
    return frozenset(specialty_key(v) for v in value)


def _known(data: dict[str, Any]) -> tuple[frozenset[str], list[Problem]]:
    raw = data.get("specialties")
    problems = _names(raw, "specialties", None)
    if problems or not isinstance(raw, list):
        return frozenset(), problems
    keys = [specialty_key(v) for v in raw]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    return frozenset(keys), [Problem("specialties", f"{k!r} is listed twice") for k in dupes]


def _table(data: dict[str, Any], key: str) -> tuple[dict[str, Any], list[Problem]]:
    value = data.get(key, {})
    if isinstance(value, dict):
        return value, []
    return {}, [Problem(key, "must be a table")]


def _aliases(data: dict[str, Any], known: frozenset[str]) -> tuple[dict[str, str], list[Problem]]:
    raw, problems = _table(data, "aliases")
    aliases = {}
    for alias, target in raw.items():
        where = f"aliases.{alias!r}"
        if not isinstance(target, str) or specialty_key(target) not in known:
            problems.append(Problem(where, f"{target!r} is not in specialties"))
        else:
            aliases[specialty_key(alias)] = specialty_key(target)
    return aliases, problems


def _categories(
    data: dict[str, Any], known: frozenset[str]
) -> tuple[dict[Category, frozenset[str]], list[Problem]]:
    raw, problems = _table(data, "categories")
    values = {c.value for c in Category}
    problems += [
        Problem(f"categories.{k}", "is not a treatment category") for k in raw if k not in values
    ]
    problems += [
        Problem(f"categories.{c.value}", "is missing") for c in Category if c.value not in raw
    ]
    table = {}
    for category in Category:
        found = _names(raw.get(category.value), f"categories.{category.value}", known)
        if category.value in raw and not found:
            table[category] = _keyset(raw[category.value])
        problems += found if category.value in raw else []
    return table, problems


def _icd_range(entry: Any, where: str, known: frozenset[str]) -> IcdRange | list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(where, "must be a table with from, to and specialties")]
    problems = [
        Problem(f"{where}.{k}", "unknown key")
        for k in entry
        if k not in {"from", "to", "specialties", "label"}
    ]
    ends = {k: str(entry.get(k)) for k in ("from", "to")}
    for k, v in ends.items():
        if icd10_category(v) != v:
            problems.append(
                Problem(f"{where}.{k}", f"{entry.get(k)!r} is not an ICD-10-CM category like 'M54'")
            )
    if not problems and ends["from"] > ends["to"]:
        problems.append(Problem(f"{where}.to", f"{ends['to']!r} comes before {ends['from']!r}"))
    problems += _names(entry.get("specialties"), f"{where}.specialties", known)
    if problems:
        return problems
    return IcdRange(
        ends["from"], ends["to"], _keyset(entry["specialties"]), str(entry.get("label", ""))
    )


def _icd10(
    data: dict[str, Any], known: frozenset[str]
) -> tuple[tuple[IcdRange, ...], list[Problem]]:
    raw = data.get("icd10", [])
    if not isinstance(raw, list):
        return (), [Problem("icd10", "must be an array of tables")]
    parsed = [_icd_range(entry, f"icd10[{i}]", known) for i, entry in enumerate(raw)]
    problems = [p for result in parsed if isinstance(result, list) for p in result]
    return tuple(r for r in parsed if isinstance(r, IcdRange)), problems


def _keywords(
    data: dict[str, Any], known: frozenset[str]
) -> tuple[dict[Phrase, frozenset[str]], list[Problem]]:
    raw, problems = _table(data, "keywords")
    keywords = {}
    for text, names in raw.items():
        where, phrase = f"keywords.{text!r}", treatment_words(text)
        found = _names(names, where, known) + ([] if phrase else [Problem(where, "has no words")])
        if not found:
            keywords[phrase] = _keyset(names)
        problems += found
    return keywords, problems


def _spellings(known: frozenset[str], aliases: Mapping[str, str]) -> dict[str, frozenset[str]]:
    return {
        name: frozenset({name} | {a for a, t in aliases.items() if t == name}) for name in known
    }


def _by_first_word(keywords: Mapping[Phrase, frozenset[str]]) -> dict[str, tuple[Phrase, ...]]:
    index: dict[str, list[Phrase]] = {}
    for phrase in sorted(keywords):
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def load_specialty_table(data: dict[str, Any]) -> SpecialtyTable:
    """The table from its parsed TOML, every problem named by its key (``categories.surgery[1]:
    'orthopedic surgey' is not in specialties``); raises ``InvalidInput``."""
    problems = [Problem(k, "unknown key") for k in data if k not in _KEYS]
    known, found = _known(data)
    aliases, a = _aliases(data, known)
    categories, c = _categories(data, known)
    icd10, i = _icd10(data, known)
    keywords, k = _keywords(data, known)
    problems += found + a + c + i + k
    if problems:
        raise InvalidInput(
            problems, f"specialty table: {len(problems)} problem(s), first {problems[0]}"
        )
    return SpecialtyTable(
        known,
        aliases,
        categories,
        icd10,
        keywords,
        _by_first_word(keywords),
        _spellings(known, aliases),
    )


# Staff edits: a rule replaces the shipped entry of the same kind and key.

Override = tuple[str, str, Sequence[str]]


def _icd_key(key: str) -> tuple[str, str] | None:
    ends = [part.strip().upper() for part in key.replace("–", "-").split("-")]
    if len(ends) == 1:
        ends *= 2
    if len(ends) != 2 or any(icd10_category(e) != e for e in ends) or ends[0] > ends[1]:
        return None
    return ends[0], ends[1]


def _override_problem(kind: str, key: str) -> Problem | None:
    where = f"{kind} {key}"
    if kind == "category":
        ok = key in {c.value for c in Category}
        return None if ok else Problem(where, "is not a treatment category")
    if kind == "icd10":
        return None if _icd_key(key) else Problem(where, "is not an ICD-10-CM range like 'M40-M54'")
    if kind == "keyword":
        return None if treatment_words(key) else Problem(where, "has no words")
    return Problem(where, "kind must be category, icd10 or keyword")


def _apply(parts: dict[str, Any], kind: str, key: str, names: frozenset[str]) -> None:
    if kind == "category":
        parts["categories"][Category(key)] = names
    elif kind == "keyword":
        parts["keywords"][treatment_words(key)] = names
        parts["keywords"] = {k: v for k, v in parts["keywords"].items() if v}
    else:
        first, last = _icd_key(key) or (key, key)
        kept = [r for r in parts["icd10"] if (r.first, r.last) != (first, last)]
        parts["icd10"] = kept + ([IcdRange(first, last, names, "staff edit")] if names else [])


def with_overrides(table: SpecialtyTable, rules: Iterable[Override]) -> SpecialtyTable:
    """The table with staff edits ``(kind, key, specialties)`` applied, each replacing the
    shipped entry of its key: ``("category", "surgery", [...])``, ``("icd10", "M40-M54",
    [...])`` (or one category, ``"G89"``), ``("keyword", "lumbar fusion", [...])``. An empty
    list removes a range or keyword. New specialty names join the table."""
    parts: dict[str, Any] = {
        "categories": dict(table.categories),
        "icd10": list(table.icd10),
        "keywords": dict(table.keywords),
    }
    known, problems = set(table.specialties), []
    for kind, key, names in rules:
        problem = _override_problem(kind, key)
        specialties = frozenset(canonical_specialty(table, n) for n in names if specialty_key(n))
        if problem is None:
            _apply(parts, kind, key, specialties)
            known |= specialties
        problems += [problem] if problem else []
    if problems:
        raise InvalidInput(problems, f"specialty rules: {len(problems)} problem(s)")
    keywords = parts["keywords"]
    return replace(
        table,
        specialties=frozenset(known),
        categories=parts["categories"],
        icd10=tuple(parts["icd10"]),
        keywords=keywords,
        by_first_word=_by_first_word(keywords),
        spellings=_spellings(frozenset(known), table.aliases),
    )
