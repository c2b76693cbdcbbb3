"""What a letter may write for a treatment's key (domain/treatment_words.py) instead of its
words: an abbreviation ("PT" for physical therapy, "ESI" for an epidural steroid injection),
a drug's brand ("Norco" for hydrocodone and acetaminophen), or, for one word of a key of
several, its own abbreviation ("APAP" for acetaminophen). A cohort counts the items writing
them with those writing the words (openimr.decisions.precedents). No database here."""

from collections.abc import Sequence

from openimr.decisions.domain.drug_names import BRANDS
from openimr.decisions.domain.treatment_words import ABBREVIATIONS, KINDS, key_words


def abbreviations_for(key: Sequence[str], category: str) -> list[str]:
    """What a letter may write for the treatment keyed ``key`` in ``category`` instead of
    its words: "pt" for physical therapy in rehabilitation."""
    table = ABBREVIATIONS.get(category, {})
    return [short for short, words in table.items() if sorted(words.split()) == sorted(key)]


def _form(words: str) -> tuple[str, ...] | None:
    """The kind (``KINDS``) a brand's generic words name by their form, if any."""
    return next((kind for kind, _ in KINDS if set(kind) & set(words.split())), None)


# Each brand's key (as ``key_words`` reads its generic words) and form.
_BRAND_KEYS = {
    # Its generic words as a compound's ingredients, in any order as a letter's are.
    brand: (
        tuple(key_words("/".join(words.split()), "pharmaceuticals", drop=frozenset(), limit=2)),
        _form(words),
    )
    for brand, words in BRANDS.items()
}


def brands_for(key: Sequence[str], category: str) -> list[tuple[str, tuple[str, ...] | None]]:
    """The brands a letter writes for the drug keyed ``key`` ("norco" for hydrocodone and
    acetaminophen), each with the kind its form is (the patch's words for "lidoderm"), or
    None when it names no form."""
    if category != "pharmaceuticals":
        return []
    return [(brand, form) for brand, (of, form) in _BRAND_KEYS.items() if of == tuple(key)]


def synonyms(key: Sequence[str], category: str) -> dict[str, list[str]]:
    """For a key of several words, what a letter may write for each ("apap" for the
    acetaminophen of "hydrocodone acetaminophen": "Hydrocodone/APAP 10/325"); a key of one
    word has them among its ``abbreviations_for``."""
    table = ABBREVIATIONS.get(category, {})
    if len(key) < 2 or not table:
        return {}
    found = {word: [short for short, words in table.items() if words == word] for word in key}
    return {word: shorts for word, shorts in found.items() if shorts}
