"""Which published items are most like a disputed item whose cohort is short: the precedent
panel's last rows, "similar text" (issue 6, point 6: "most similar published decisions,
same treatment and condition first, then text similarity"). An item of the same category is
like it by the treatment's own words they share ("Infrared heat to the low back" and "Heat
wrap, lumbar" share "heat"), a word the fewer candidates name the more (every course of
rehabilitation names "therapy", few "infrared"), then by the body regions they share.

Until session 23 a short cohort was followed by the letters naming the case summary's
longest word ("radiographically", "authorization", "documentation"), each shown by its first
item whatever its category: a facet injection was followed by finger and shoulder MRIs.
No database here."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from openimr.decisions.domain.treatment_words import ABBREVIATIONS, key_words, regions

# How many of an item's words are read: its key takes two; the rest ("Single positional MRI
# of the cervical spine": "single", "positional", "magnetic", "resonance") may be what it
# shares with an item of another key.
WORDS = 8


@dataclass(frozen=True)
class Candidate:
    """A published item: its letter (id), its treatment and anything the caller keeps."""

    letter: int
    treatment: str
    row: tuple[object, ...]


def item_words(treatment: str, category: str, drop: frozenset[str]) -> frozenset[str]:
    """The words naming ``treatment`` (``key_words``, up to ``WORDS``): what two items of
    the category are compared by."""
    return frozenset(key_words(treatment, category, drop=drop, limit=WORDS))


def asked_words(words: Collection[str], category: str) -> list[str]:
    """``words`` and what a letter writes for one of them in ``category`` ("mri" for
    "magnetic"; "esi" for the "injection" of a facet joint injection, which an "L4-5 ESI"
    shares read as its words): what the index is asked for, in order."""
    table = ABBREVIATIONS.get(category, {})
    shorts = [short for short, said in table.items() if set(said.split()) & set(words)]
    return [*sorted(words), *shorts]


def most_similar(
    words: frozenset[str],
    for_regions: Collection[str],
    candidates: Sequence[Candidate],
    *,
    category: str,
    drop: frozenset[str],
) -> list[Candidate]:
    """``candidates`` sharing at least one of ``words``, most similar first: by the sum over
    the words shared of one over the number of candidates naming that word, then by the
    regions shared with ``for_regions``, then in the order given (newest first). A letter's
    best item only."""
    read = [(c, item_words(c.treatment, category, drop) & words) for c in candidates]
    naming = {w: sum(w in shared for _, shared in read) for w in words}
    scored = [
        (sum(1 / naming[w] for w in shared), len(set(regions(c.treatment)) & set(for_regions)), -n)
        for n, (c, shared) in enumerate(read)
    ]
    order = sorted(range(len(read)), key=lambda n: scored[n], reverse=True)
    best: dict[int, Candidate] = {}
    for n in order:
        if read[n][1] and read[n][0].letter not in best:
            best[read[n][0].letter] = read[n][0]
    return list(best.values())
