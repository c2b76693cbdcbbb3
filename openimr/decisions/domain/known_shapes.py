"""The case's known names in shapes the known-name rule does not read: an organization's
first word with a business's word it does not hold ("Sunrise Acres" for "Sunrise Valley
Farms, Inc.", as a note shortens a workplace's name) and a nickname after a known name
("Guadalupe, called Lupe,", "Hernandez-Whitfield, known as Lupe").

Why they go: the State's letters name neither the worker nor the employer (LC 4610.6(f)),
and a nickname or an employer's name with the worker's age, sex and date of injury narrows
down who the worker is (45 CFR 164.514(b)(2)(i)(A), the names of the individual and of
their employers; Civil Code 56.10). The case's names are the strongest sign a word is one:
both rules start from them. Pure functions over text; ``openimr.decisions.deidentify.scrub``
runs them.
"""

import re
from collections.abc import Container

from openimr.decisions.domain.deidentify import LOWER, UPPER, NameIndex, name_key, role_after
from openimr.decisions.domain.identifiers import redact_spans
from openimr.decisions.domain.name_reading import CALENDAR, is_ordinary
from openimr.decisions.domain.role_names import BUSINESS_HEADS
from openimr.decisions.domain.word_starts import word_starts

_NEXT_WORD = re.compile(rf" ([{UPPER}][{LOWER}]+)\b")


# The kinds of business the words of ``BUSINESS_HEADS`` name: a note shortens a workplace's
# name with a word of its own kind ("Sunrise Acres" for "Sunrise Valley Farms"), where a
# business of another kind sharing the first word is another business ("Sunrise Bakery").
_KIND_LIST = """
    farm:farm,farms,ranch,ranches,acres,orchards,growers,nursery,winery,vineyards,dairy
    farm:packing,packers
    shop:store,stores,market,markets,mart,foods,grocers,grocery,shop,depot,salon
    food:restaurant,restaurants,cafe,diner,bakery
    goods:trucking,logistics,transport,freight,warehouse,warehouses
    works:plant,factory,mill,manufacturing,industries
    building:construction,builders,contractors
    lodging:hotel,motel,casino
"""
_KINDS = {
    word: line.split(":")[0]
    for line in _KIND_LIST.split()
    for word in line[line.find(":") + 1 :].split(",")
}
# A legal form or "services" names no kind: the organization's own name, shortened.
_ANY_KIND = BUSINESS_HEADS - _KINDS.keys()


def same_kind(word: str, organization: frozenset[str]) -> bool:
    """Whether ``word`` (a business's word, lower case) may shorten the name of an
    organization of ``organization``'s words: a legal form or "services" always, a kind's
    word when one of the organization's words is of that kind."""
    if word in _ANY_KIND:
        return True
    kind = _KINDS.get(word)
    return kind is not None and any(_KINDS.get(own) == kind for own in organization)


def replace_organization_heads(text: str, index: NameIndex) -> str:
    """A known organization's first word and a business's word of its kind after it → the
    party's role words: "Sunrise Acres" of a case whose employer is "Sunrise Valley Farms,
    Inc." reads "the employer" (45 CFR 164.514(b)(2)(i)(A)). Not a first word that is a
    letter's ordinary word ("Valley"), nor one no business's word follows ("Sunrise Medical
    Group", "Harbor UCLA" stay: a clinic or a hospital of the same first word is another's),
    nor a business of another kind ("Sunrise Bakery", "Harbor Motel": ``same_kind``)."""
    for head, role, words in index.heads:
        at = text.find(head + " ")
        while at >= 0:
            after = _NEXT_WORD.match(text, at + len(head))
            if (
                after
                and same_kind(after.group(1).lower(), words)
                and (at == 0 or not text[at - 1].isalnum())
                and not is_ordinary(head)
            ):
                text = text[:at] + role_after(role, text, at) + text[after.end() :]
            at = text.find(head + " ", at + 1)
    return text


# A nickname after a name: "Guadalupe, called Lupe,", "Guadalupe (known as Lupe)".
_NICKNAME_AFTER = re.compile(
    rf"(?:called|known\s+as|goes\s+by|nicknamed|a\.?k\.?a\.?)\s+[\"'\u201c]?([{UPPER}][{LOWER}]+)\b"
)
_NAME_BEFORE = re.compile(rf"([{UPPER}][\w'\u2019-]*)\s*([,(]?)\s*$")
NICKNAME_CUES = ("called", "known", "goes", "nicknamed", "aka", "a.k.a")
_CUES = frozenset(NICKNAME_CUES)


def replace_nicknames(text: str, known: Container[str]) -> str:
    """A word after "known as", "goes by", "nicknamed", "aka", or "called" set off by a
    comma or a parenthesis, right after a known name word → ``[redacted]``: "Guadalupe,
    called Lupe, reported", "Guadalupe goes by Lupe" (45 CFR 164.514(b)(2)(i)(A): any name
    of the individual). Not "called" as a call ("Dr. Okonkwo called Tran"), an ordinary
    word or a day ("Okonkwo, called Monday,"), or a known word, which the known-name rule
    reads."""
    starts = word_starts(text)
    spans = []
    for cue in starts.holding(_CUES):  # one set's intersection: the scanner finds the cues
        for at in starts.of(cue):
            found = _NICKNAME_AFTER.match(text, at)
            before = found and _NAME_BEFORE.search(text, max(0, at - 40), at)
            if not (found and before) or name_key(before.group(1)) not in known:
                continue
            if cue == "called" and not before.group(2):
                continue  # "Dr. Okonkwo called Tran": a call, not a nickname
            nickname = found.group(1)
            if not _ordinary(nickname) and name_key(nickname) not in known:
                spans.append(found.span(1))
    return redact_spans(text, spans)


def _ordinary(word: str) -> bool:
    return is_ordinary(word) or word.lower() in CALENDAR
