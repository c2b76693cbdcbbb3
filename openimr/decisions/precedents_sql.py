"""The SQL behind `precedents`, for SQLite FTS5 and PostgreSQL. Words reach the database
only as parameters: quoted FTS5 phrases built from letters alone or from the index's own
letter-and-digit tokens, plainto_tsquery text, or to_tsquery text of letters, a digit and ":*".
Every read is bounded by a window of the newest matching letters: over a million letters,
counting or ranking every letter that names "physical therapy" took tens of seconds."""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from openimr.decisions import precedents_match as match
from openimr.decisions.domain.item_regions import BAR, DIAGNOSED
from openimr.decisions.domain.key_spellings import abbreviations_for, synonyms
from openimr.decisions.domain.treatment_words import (
    EVALUATIONS,
    FOR_A_PART,
    JOINS,
    NOT_ON_SKIN,
    PERCENT,
    region_words,
    singular,
)
from openimr.decisions.glued_sql import fts5_glued

Item = tuple[int, str, Any, str, str]  # decision id, case number, date, treatment, outcome


@dataclass(frozen=True)
class Treatment:
    """A cohort's treatment: decided items in ``category`` naming every word of ``key`` (or
    an abbreviation of them, or one of ``also``: a drug's brands) and, for each of
    ``parts``, one of its words: the kind of the treatment ((("patch", "transdermal",
    "lidoderm"),) for "Lidocaine 5% patch"). No item holding one of ``unless`` anywhere in its
    words (an evaluation's, before its first "with"): a course of a treatment leaves out the
    evaluations for it ("eval" in "evaluation" and "re-evaluation"), a drug taken the creams.
    Each of ``regions`` among the item's regions, as its letter was read when stored (the
    ``regions`` column: "knee" for "MRI of the left knee", "lumbar" for "PT 2x6" of a letter
    diagnosed "Lumbar radiculopathy")."""

    category: str
    key: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...] = ()
    unless: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    also: tuple[str, ...] = ()


def _window_parts(treatment: Treatment) -> list[Sequence[str]]:
    """The words (and phrases) the window asks of the items' text beside the key: the
    treatment's kind, and a word (level, phrase) of each region. An item whose region came
    from its letter's diagnoses names none: those letters are `diagnosed_letters`."""
    # A kind marked by a strength in percent, which no index holds ("Diclofenac sodium 3%"),
    # is asked of the items alone (`cohort_letters`): the window takes the key's letters.
    kinds = [part for part in treatment.parts if PERCENT not in part]
    return [*kinds, *(g for region in treatment.regions for g in region_words(region))]


def diagnosed_letters(cursor: Any, treatment: Treatment, limit: int) -> list[int]:
    """Ids of the ``limit`` newest letters holding an item in the treatment's category whose
    one region, ``treatment``'s, came from the letter's diagnoses ("PT 2x6" of a letter
    diagnosed lumbar): read from the items' index (category, regions, decision), whatever
    the item's treatment (the count tests it). Only where such items are (FOR_A_PART)."""
    if treatment.category not in FOR_A_PART or len(treatment.regions) != 1:
        return []
    cursor.execute(
        "SELECT DISTINCT decision_id FROM decisions_decisionitem WHERE category = %s AND "
        "regions = %s ORDER BY decision_id DESC LIMIT %s",
        [treatment.category, f"{DIAGNOSED}{BAR}{treatment.regions[0]}{BAR}", limit],
    )
    return [row[0] for row in cursor.fetchall()]


def newest_requesting(cursor: Any, vendor: str, treatment: Treatment, limit: int) -> list[int]:
    """Ids of the ``limit`` newest letters whose items name every word of the ``treatment``'s
    key, alone or written against a number ("Norco10/325" for "norco"), or one of its
    abbreviations, and one word of each of its parts, holding an item in its category. The
    items only: most letters name physical therapy in their summary ("has had physical
    therapy"), and those filled the window with letters no item of which was in the
    cohort; and only those with an item of the category (its filter tag, migration 0002):
    the items' rationales advise a "home exercise program", and at 100,000 letters the
    window of "Home health care" held 293 home health items of the 5,000 newest letters
    naming "home" where 2,627 letters hold one."""
    key, parts = treatment.key, _window_parts(treatment)
    also = [*abbreviations_for(key, treatment.category), *treatment.also]
    each = synonyms(key, treatment.category)
    tag = match.category_tag(treatment.category)
    if vendor == "postgresql":
        text = match.pg_key(cursor, key, also, parts, each=each)
        if not text:
            return []
        # The items' lexemes, which an index of their own answers exactly (migration 0018):
        # the document's words weighted ":B" were tested letter by letter, newest first.
        # The planner ands the two indexes' bitmaps (24 ms for "home" in home health).
        held = " AND document @@ %s::tsquery" if tag else ""
        cursor.execute(
            f"SELECT decision_id FROM decisions_search WHERE {match.ITEMS} @@ "
            f"to_tsquery('english', %s){held} ORDER BY decision_id DESC LIMIT %s",
            [text, *([f"'{tag}'"] if tag else []), limit],
        )
    else:
        named = match.naming_key(key, also, fts5_glued(cursor, [*key, *also]), parts, each=each)
        cursor.execute(
            "SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [f"{named} AND {match.fts5_tag(tag)}" if tag else named, limit],
        )
    return [row[0] for row in cursor.fetchall()]


def naming_any(
    cursor: Any,
    vendor: str,
    words: Sequence[str],
    ids: Sequence[int],
    *,
    naming_all: Sequence[str] = (),
    naming_also: Sequence[str] = (),
    naming_each: Mapping[str, Sequence[str]] | None = None,
) -> set[int]:
    """Those of ``ids`` whose letter names at least one of ``words``. ``naming_all``: words
    every one of ``ids`` is known to name (the treatment's key words the window was drawn
    with, alone or glued to a number), or else one of ``naming_also``. On SQLite the index is
    asked for letters naming those AND one of ``words``: it then walks the treatment's few
    postings, seeking in the condition words' long ones, where alone it read every posting of
    a common word like "lumbar" across the ids' range (at a million letters 120-450 ms for a
    common drug, 6-22 ms this way; the same letters)."""
    if not ids or not words:
        return set()
    if vendor == "postgresql":
        query, params = match.pg_words(words, " || ")
        cursor.execute(
            "SELECT decision_id FROM decisions_search "
            f"WHERE decision_id = ANY(%s) AND document @@ {query}",
            [list(ids), *params],
        )
    else:
        query = match.phrases(words, " OR ")
        if naming_all:
            glued = fts5_glued(cursor, [*naming_all, *naming_also])
            query = (
                f"{match.naming_key(naming_all, naming_also, glued, each=naming_each)} AND {query}"
            )
        cursor.execute(
            "SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s "
            "AND rowid BETWEEN %s AND %s",
            [query, min(ids), max(ids)],
        )
    return {row[0] for row in cursor.fetchall()} & set(ids)


def _cohort_where(vendor: str, ids: Sequence[int], treatment: Treatment) -> tuple[str, list[Any]]:
    """The cohort: decided items of ``ids`` in the category whose treatment holds every key
    word, or an abbreviation letters write for them ("PT" for physical therapy), and a word
    of each body part. Shared by the count and the rows, so both always describe the same
    items."""
    also = [*abbreviations_for(treatment.key, treatment.category), *treatment.also]
    # Each key word, or what a letter writes for it ("apap" for acetaminophen).
    each = synonyms(treatment.key, treatment.category)
    forms = [[singular(word), *each.get(word, ())] for word in treatment.key]
    every = (
        " AND ".join("(" + " OR ".join(_contains(vendor, w) for w in form) + ")" for form in forms)
        or "1 = 1"
    )
    named = " OR ".join([f"({every})", *(_contains(vendor, word) for word in also)])
    parts = [" OR ".join(map(partial(_contains, vendor), part)) for part in treatment.parts]
    # An evaluation names one of its words before its first "with" (``_lacks``): "Lumbar
    # epidural steroid injection with pain interventionist consult" is none. The shortest of
    # the words stands for those holding it ("eval" for "evaluation").
    heads = [
        [w for w in part if not any(o != w and o in w for o in part)]
        for part in treatment.parts
        if part == EVALUATIONS
    ]
    # A region is one substring of the stored column: the item was read when stored.
    position = "strpos" if vendor == "postgresql" else "instr"
    where = " AND ".join(
        [f"i.decision_id {_among(vendor)} AND i.category = %s AND i.outcome <> ''"]
        + [f"{position}(i.regions, %s) > 0" for _ in treatment.regions]
        + [f"({text})" for text in [named, *parts]]
        + [_lacks(vendor, word) for word in treatment.unless]
        + [f"NOT ({' AND '.join(_lacks(vendor, word) for word in said)})" for said in heads]
    )
    tested = [*(w for form in forms for w in form), *also]
    tested += [word for part in treatment.parts for word in part]
    return where, [
        _ids(vendor, ids),
        treatment.category,
        *[f"{BAR}{region}{BAR}" for region in treatment.regions],
        *[p for word in tested for p in _word_params(vendor, word)],
        *[p for word in treatment.unless for p in _lacks_params(word)],
        *[p for said in heads for word in said for p in _lacks_params(word)],
    ]


# A word anywhere in an item, case aside (ASCII, as the words of ``unless`` are): one test in
# C a row, where a word's edges cost a lower() and two GLOBs (the panel's CPU rose a fifth).
_LIKE = ("LIKE", "ILIKE")


# SQLite's lower() folds only ASCII letters ("ÉCHOGRAPHIE" stays "Échographie"), so a key word
# with other letters is compared with Python's str.lower, the one that made the key word.
UNICODE_LOWER = "openimr_lower"


# A key word counts only as a word, alone or with a plural "s": "tens" is not the middle of
# "extension", "ice" not the end of "device". A letter is a-z or a Latin-1 or Latin Extended
# letter, in either case (SQLite's lower() leaves "É" as it is); anything else (a digit, a
# space, punctuation) ends a word, as ``precedents.words_of`` reads words.
_LETTER = "a-zA-ZÀ-ÖØ-öø-ɏ"


def _contains(vendor: str, word: str) -> str:
    """The substring test first (cheap, in C), then the word's edges on the rows it kept.
    A percent sign (``PERCENT``) is no word: the substring alone."""
    if word == PERCENT:
        return _ON_SKIN[vendor == "postgresql"]
    if vendor == "postgresql":
        return "(strpos(lower(i.treatment), %s) > 0 AND (' ' || lower(i.treatment) || ' ') ~ %s)"
    lower = "lower" if word.isascii() else UNICODE_LOWER
    padded = f"' ' || {lower}(i.treatment) || ' '"
    return f"(instr({lower}(i.treatment), %s) > 0 AND ({padded} GLOB %s OR {padded} GLOB %s))"


def _strength_on_skin(vendor: str) -> str:
    """A drug written with a strength in percent and put on the skin (``PERCENT``): a
    percent sign, and no word saying it is taken otherwise (``NOT_ON_SKIN``)."""
    position, like = ("strpos", "ILIKE") if vendor == "postgresql" else ("instr", "LIKE")
    otherwise = " OR ".join([f"i.treatment {like} %s"] * len(NOT_ON_SKIN))
    return f"({position}(i.treatment, %s) > 0 AND NOT ({otherwise}))"


_ON_SKIN = (_strength_on_skin("sqlite"), _strength_on_skin("postgresql"))


def _lacks_params(word: str) -> list[str]:
    if word == PERCENT:
        return _word_params("", word)
    if word not in EVALUATIONS:
        return [f"%{word}%"]
    return [f"%{word}%", *(p for join in JOINS for p in (join, word))]


def _lacks(vendor: str, word: str) -> str:
    """An item holding ``word`` nowhere, case aside; a percent sign by its position, which a
    LIKE pattern would read as any text. An evaluation's word only after the item's first
    "with" or "and" (``treatment_words.evaluated``): "Lumbar epidural steroid injection with
    pain interventionist consult" and "ESI and pain management consult" are courses of the
    injection. The position tests are reached only by the few items holding the word."""
    postgresql = vendor == "postgresql"
    if word == PERCENT:
        return f"NOT {_ON_SKIN[postgresql]}"
    lacks = f"i.treatment NOT {_LIKE[postgresql]} %s"
    if word not in EVALUATIONS:
        return lacks
    at = "strpos" if postgresql else "instr"
    after = f"{at}(lower(i.treatment), %s) BETWEEN 1 AND {at}(lower(i.treatment), %s) - 1"
    return f"({' OR '.join([lacks, *[after] * len(JOINS)])})"


def _word_params(vendor: str, word: str) -> list[str]:
    """Parameters of ``_contains``: ``word`` holds only letters, no pattern character, or is
    a percent sign."""
    if word == PERCENT:
        return [PERCENT, *(f"%{w}%" for w in NOT_ON_SKIN)]
    if vendor == "postgresql":
        return [word, f"[^{_LETTER}]{word}s?[^{_LETTER}]"]
    return [word, f"*[^{_LETTER}]{word}[^{_LETTER}]*", f"*[^{_LETTER}]{word}s[^{_LETTER}]*"]


def _lowered(text: Any) -> Any:
    return text.lower() if isinstance(text, str) else text


def _with_unicode_lower(cursor: Any, vendor: str, key: Sequence[str]) -> None:
    """Give this SQLite connection UNICODE_LOWER when a key word needs it: a Python call per
    row is slower than the built-in, so the common ASCII key keeps the built-in."""
    if vendor != "postgresql" and not all(word.isascii() for word in key):
        cursor.db.connection.create_function(UNICODE_LOWER, 1, _lowered, deterministic=True)


def _among(vendor: str) -> str:
    return "= ANY(%s)" if vendor == "postgresql" else "IN (SELECT value FROM json_each(%s))"


def _ids(vendor: str, ids: Sequence[int]) -> Any:
    return list(ids) if vendor == "postgresql" else json.dumps(list(ids))


def cohort_letters(
    cursor: Any, vendor: str, ids: Sequence[int], treatment: Treatment
) -> dict[int, tuple[int, int]]:
    """Each letter with cohort items: (its decided items, its overturned items), counted
    by the database, so only one small row per letter reaches Python."""
    if not ids:
        return {}
    where, params = _cohort_where(vendor, ids, treatment)
    _with_unicode_lower(cursor, vendor, treatment.key)
    cursor.execute(
        "SELECT i.decision_id, COUNT(*), "
        "SUM(CASE WHEN i.outcome = 'overturned' THEN 1 ELSE 0 END) "
        f"FROM decisions_decisionitem i WHERE {where} GROUP BY i.decision_id",
        params,
    )
    return {row[0]: (int(row[1]), int(row[2])) for row in cursor.fetchall()}


def cohort_top(
    cursor: Any,
    vendor: str,
    ids: Sequence[int],
    treatment: Treatment,
    *,
    first: Sequence[int],
    limit: int,
) -> list[tuple[Item, bool]]:
    """At most ``limit`` cohort items, those of the letters ``first`` ahead of the rest, then
    newest decision date first (undated last); each with whether its letter is one of
    ``first``."""
    if not ids:
        return []
    where, params = _cohort_where(vendor, ids, treatment)
    _with_unicode_lower(cursor, vendor, treatment.key)
    cursor.execute(
        f"SELECT d.id, d.case_number, d.decision_date, i.treatment, i.outcome, "
        f"CASE WHEN i.decision_id {_among(vendor)} THEN 1 ELSE 0 END AS preferred "
        "FROM decisions_decisionitem i JOIN decisions_decision d ON d.id = i.decision_id "
        f"WHERE {where} ORDER BY preferred DESC, d.decision_date DESC NULLS LAST, d.id DESC, "
        "i.position LIMIT %s",
        [_ids(vendor, first), *params, limit],
    )
    return [(tuple(row[:5]), bool(row[5])) for row in cursor.fetchall()]


def by_decision_date(cursor: Any, vendor: str, ids: Sequence[int]) -> list[int]:
    """``ids`` oldest decision first, those without a date before any (the panel lists the
    newest first): a letter's id says when it was added to the corpus, not when decided."""
    if not ids:
        return []
    cursor.execute(
        f"SELECT id FROM decisions_decision WHERE id {_among(vendor)} "
        "ORDER BY decision_date NULLS FIRST, id",
        [_ids(vendor, ids)],
    )
    return [row[0] for row in cursor.fetchall()]


def first_items(cursor: Any, ids: Sequence[int], category: str) -> list[Item]:
    """Each letter's first decided item in ``category``, in the order of ``ids``; a letter
    with none is left out: a letter whose rationale mentions "home exercise" or "Norco" in
    passing is no precedent for home health care or a drug, and its first item ("MRI of the
    lumbar spine") was listed under them as similar text."""
    found: dict[int, Item] = {}
    for row in items_of(cursor, ids, category):
        found.setdefault(row[0], row)
    return list(found.values())


def items_of(cursor: Any, ids: Sequence[int], category: str) -> list[Item]:
    """The decided items of ``category`` of the letters ``ids``, in the order of ``ids``,
    each letter's in its order."""
    if not ids:
        return []
    marks = ", ".join(["%s"] * len(ids))
    cursor.execute(
        "SELECT d.id, d.case_number, d.decision_date, i.treatment, i.outcome "
        "FROM decisions_decision d JOIN decisions_decisionitem i ON i.decision_id = d.id "
        f"WHERE d.id IN ({marks}) AND i.category = %s AND i.outcome <> '' ORDER BY i.position",
        [*ids, category],
    )
    at = {n: k for k, n in enumerate(ids)}
    return sorted((tuple(row) for row in cursor.fetchall()), key=lambda row: at[row[0]])


def letter_id(cursor: Any, case_number: str) -> int | None:
    """The id of the published letter of ``case_number``, if there is one."""
    cursor.execute("SELECT id FROM decisions_decision WHERE case_number = %s", [case_number])
    row = cursor.fetchone()
    return None if row is None else int(row[0])
