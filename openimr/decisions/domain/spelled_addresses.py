"""E-mail and web addresses written with words, as a note types one to spare a mail filter or
as a person reads one out: "jane dot smith at gmail dot com", "jane.smith [at] example.com",
"www dot smithlaw dot com". An e-mail address and a Web URL are identifiers of HIPAA's Safe
Harbor (45 CFR 164.514(b)(2)(i)(F), (N)); the one written with "@" is read by its shape in
``identifiers``.

A guideline's address written as an address stays ("http://www.drugs.com/famotidine.html",
"www.mdguidelines.com": the 182 real letters cite such addresses, and they name no one); an
address written with words is no citation. Pure functions over text, run by
``identifiers.replace_identifiers`` where its clues are ("dot", a bracketed "at").
"""

import re

from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.word_starts import WordStarts

# A dot and an "at" as words: bracketed ("[at]", "(dot)", "{at}", "<dot>"), or between spaces.
_BRACKETED_DOT = r"\s*[\[({<]\s*dot\s*[\])}>]\s*"
_SPOKEN_DOT = r"\s+dot\s+"
_DOT = rf"(?:{_BRACKETED_DOT}|{_SPOKEN_DOT}|\.)"
_BRACKETED_AT = r"\s*[\[({<]\s*at\s*[\])}>]\s*"
# The ends of the names a mail or web address has: a word after "dot" that is one of these
# ends the address, so "Dr dot Smith" or "at the clinic dot" is none.
_TOP_LEVEL = r"(?:com|net|org|edu|gov|mil|us|io|co|info|biz|me|ca|uk|ai|app)"
_DOMAIN = rf"[a-z0-9][\w-]*(?:{_DOT}[a-z0-9][\w-]*)*?{_DOT}{_TOP_LEVEL}\b"
_LOCAL = rf"[\w+'-]+(?:{_DOT}[\w+'-]+)*"
# Words before a spoken "at" that are no address's: "she reads it at gmail dot com".
_NOT_LOCAL = r"(?:it|her|him|them|me|us|is|was|email|e-mail|mail|address|account)"
# An "at" between spaces marks an e-mail only with a word written for a dot in it: "she was
# seen at drugs.com" names a site; "jane dot smith at gmail dot com" is an address.
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.@])(?:{_LOCAL}{_BRACKETED_AT}{_DOMAIN}"
    rf"|(?=[^\n\x00]*?(?:{_BRACKETED_DOT}|{_SPOKEN_DOT}))"
    rf"(?!{_NOT_LOCAL}\s){_LOCAL}\s+at\s+{_DOMAIN})",
    re.IGNORECASE,
)
# An "at" between spaces with real dots on both sides: "jane.smith at example.com". The local
# part holds a dot between letters, as a person's address does ("works at Amazon.com" and
# "seen at 3.5 at drugs.com" have none before the "at").
_PLAIN_AT_EMAIL = re.compile(
    rf"[a-z][\w+'-]*(?:\.[a-z][\w+'-]*)+[ \t]+at[ \t]+[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*"
    rf"\.{_TOP_LEVEL}\b",
    re.IGNORECASE,
)
# Or one word in lower case before it with no dot ("jsmith at example.com"), as a mailbox is
# named: a word of prose before "at" and a site is no mailbox ("works at amazon.com", "available at
# www.odg-twc.com"), nor a word of a verb's "-ing" ("working at kaiser.org").
_ONE_WORD_AT_EMAIL = re.compile(
    rf"[a-z][\w+'-]*[ \t]+at[ \t]+[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*\.{_TOP_LEVEL}\b",
    re.IGNORECASE,
)
_PROSE_WORDS = """
    works work worked lives lived shops shopped stays stayed volunteers volunteered trains
    studies studied attends attended employed hired based located stationed placed seen
    found available online posted listed published accessed read reads obtained retrieved
    viewed bought buys purchased ordered orders looked looks sold sells registered enrolled
    info information guidelines guideline guidance policy article site website web page
    home here there it its him her them me us you we they is was are were be been job
    clerk cashier picker driver worker employee manager nurse student member customer
    now currently only also still then again even records notes reports forms resources
    details instructions materials data references criteria
"""
_PROSE = frozenset(_PROSE_WORDS.split()) | frozenset(
    _NOT_LOCAL.removeprefix("(?:").removesuffix(")").split("|")
)
# A web address with its dots written as words: "www dot smithlaw dot com", "smithlaw (dot)
# com/jane", "https colon slash slash ...".
_SPELLED_URL = re.compile(
    rf"(?<![\w.@])(?:https?\s*(?::|\s+colon\s+)\s*(?://|slash\s+slash)\s*)?"
    rf"(?:[a-z0-9][\w-]*(?:{_BRACKETED_DOT}|{_SPOKEN_DOT}))+{_TOP_LEVEL}\b"
    r"(?:\s*(?:/|\s+slash\s+)\s*[\w.-]+)*",
    re.IGNORECASE,
)
_LOCAL_MAX = 64
# A site's name after the "at": a word with a dot and a letter or digit after the dot.
_DOMAIN_START = re.compile(r"[ \t]*[a-z0-9][\w-]*\.[a-z0-9]", re.IGNORECASE)
# The words the patterns need, as the automaton of ``word_starts`` finds them at a word's
# start ("dot" of " dot " and "(dot)", "at]" of "[at]"): a substring scan of the text for
# each cost a microsecond a letter.
CLUES = ("dot", "at]", "at)")


def has_spelled_address(starts: WordStarts) -> bool:
    """Whether the text of ``starts`` holds a word written for a dot or a bracketed "at"."""
    return any(starts.of(clue) for clue in CLUES)


def replace_spelled_addresses(text: str) -> str:
    """Each e-mail address and web address written with words for its "@" or its dots →
    ``[redacted]`` (45 CFR 164.514(b)(2)(i)(F), (N)): "jane dot smith at gmail dot com",
    "jane.smith [at] example.com", "jane (at) example (dot) com", "www dot smithlaw dot
    com". An address written as one stays for ``identifiers``' e-mail pattern, and a
    guideline's web address as a letter cites it ("www.mdguidelines.com") stays."""
    return _SPELLED_URL.sub(REDACTED, _SPELLED_EMAIL.sub(REDACTED, text))


def replace_plain_at_addresses(text: str) -> str:
    """Each e-mail address written with a plain "at" for its "@" and real dots →
    ``[redacted]`` (45 CFR 164.514(b)(2)(i)(F)): "jane.smith at example.com", "jsmith at
    example.com". Read back from each " at " (a find in C; a pattern tried at every place of
    a letter costs more) to the word before it, which needs a dot or is no word of prose:
    "works at Amazon.com" stays for the web address's own rule."""
    out, done = [], 0
    at = text.find(" at ")
    while at >= 0:
        # "at this time", "at work": no site after the "at", nothing read back.
        start = _word_before(text, at) if _DOMAIN_START.match(text, at + 4) else None
        found = None if start is None else _plain_at_email(text, start, at)
        if found and start is not None and start >= done:
            out += [text[done:start], REDACTED]
            done = found.end()
        at = text.find(" at ", max(at + 3, done))
    return "".join(out) + text[done:] if out else text


def _word_before(text: str, at: int) -> int | None:
    """Where the word before ``at`` starts, past an opening mark ("(jane.smith at ..."), or
    None when it is longer than a local part's 64 characters (RFC 5321, 4.5.3.1.1), looked
    for no further back: three searches back to the text's start cost a microsecond."""
    floor = max(0, at - _LOCAL_MAX - 1)
    start = max(text.rfind(" ", floor, at), text.rfind("\n", floor, at))
    start = max(start, text.rfind("\t", floor, at)) + 1
    if start == 0 and floor > 0:
        return None
    while start < at and not text[start].isalnum():
        start += 1
    return start if start == 0 or not text[start - 1].isalnum() else None


def _plain_at_email(text: str, start: int, at: int) -> re.Match[str] | None:
    """The e-mail address written from ``start`` with a plain "at" at ``at``: its local
    part with a dot, or one word that is no word of prose (``_PROSE``)."""
    word = text[start:at]
    if "." in word:
        return _PLAIN_AT_EMAIL.match(text, start)
    lower = word.lower()
    # A mailbox is written in lower case: "Records at Kaiser.org" starts a sentence.
    if not word[:1].islower() or lower in _PROSE or lower.endswith("ing"):
        return None
    return _ONE_WORD_AT_EMAIL.match(text, start)
