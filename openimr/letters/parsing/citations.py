"""An item's guideline line → ``[{mtus, citation}]``, and a citation's guideline family.

Letters say it in a few fixed phrases (domain.md §5): "Decision based on MTUS <citations>",
"Decision based on Non-MTUS Citation <citations>", "... did not cite any medical evidence",
"... based their decision on recommendation(s) outside of the MTUS Guidelines". Several MTUS
sources are joined with ", and " in published letters and with "; " in ours.
"""

import re
from functools import lru_cache

# Case-sensitive on purpose: the literal prefix makes the search fast, and letters print it so.
_BASED = re.compile(
    r"[Dd]ecision\s+based\s+on\s+(?:(?P<non>[Nn]on[-\s]?MTUS)(?:\s+[Cc]itations?)?"
    r"|(?P<mtus>(?:the\s+)?MTUS))\s*:?\s*"
)
_NONE = re.compile(
    r"did\s+not\s+cite\s+any|no\s+(?:guideline|citation|medical\s+evidence)", re.IGNORECASE
)
# Published letters join several sources of one kind with ", and "; a title may contain
# ", and" itself ("Forearm, Wrist, and Hand Complaints"), so a join is recognised by the
# start of the next source's title.
_MTUS_TITLES = (
    r"Chronic\s+Pain|Low\s+Back|Neck\s+and\s+Upper|Shoulder|Knee|Forearm|Elbow|Ankle|Stress"
    r"|Acupuncture|Post-?surgical|Opioid|Eye|Initial\s+Approaches|General\s+Approaches"
    r"|Independent\s+Medical|Pain,\s+Suffering|Cornerstones|Work\s+Relatedness|Prevention"
    r"|Drug\s+Formulary|Medical\s+Treatment\s+Utilization|MTUS|ACOEM"
)
_OTHER_TITLES = (
    r"ACOEM|ODG|Official\s+Disability|American\s+(?:College|Academy|Society|Medical)"
    r"|Work\s+Loss\s+Data|Other\s+Medical|Medical\s+Disability\s+Advisor|National|MTUS"
    r"|[A-Z][a-z]+\s+[A-Z]{1,3}[,.]"  # an article's first author: "Chou R, ..."
)
_AND_MTUS = re.compile(rf",\s+and\s+(?=(?:{_MTUS_TITLES})\b)")
_AND_OTHER = re.compile(rf",\s+and\s+(?=(?:{_OTHER_TITLES}))")
_SEMI = re.compile(r";\s+")
# "(ACOEM chapters incorporated in it, Chronic Pain Medical Treatment Guidelines, ...)":
# the MTUS parts a citation may name without saying "MTUS" (8 CCR 9792.20 et seq.).
_MTUS_PARTS = re.compile(
    r"\bMTUS\b|Medical\s+Treatment\s+Utilization\s+Schedule|Chronic\s+Pain\s+Medical\s+Treatment"
    r"|Post-?surgical\s+Treatment|Acupuncture\s+Medical\s+Treatment|Drug\s+Formulary"
    r"|Opioids?\s+(?:Treatment\s+)?Guideline|9792\.2[0-6]"
    r"|(?:Low\s+Back|Neck\s+and\s+Upper\s+Back|Shoulder|Elbow|Knee|Ankle\s+and\s+Foot"
    r"|Forearm,\s+Wrist,\s+and\s+Hand|Eye|Stress\s+Related\s+Conditions)\s+(?:Disorders|Complaints)"
    r"\s+(?:\d{4}|\(?ACOEM)",
    re.IGNORECASE,
)
_ACOEM = re.compile(r"\bACOEM\b|American\s+College\s+of\s+Occupational", re.IGNORECASE)
_ODG = re.compile(r"\bODG\b|Official\s+Disability\s+Guidelines", re.IGNORECASE)


def _split(text: str, mtus: bool) -> list[str]:
    text = " ".join(text.split()).strip(" ,;")
    if text.endswith("."):
        text = text[:-1].rstrip()
    if not text:
        return []
    joins = _SEMI if ";" in text else _AND_MTUS if mtus else _AND_OTHER
    parts = joins.split(text)
    return [p.strip(" ,;")[:1000] for p in parts if p.strip(" ,;.")]


def basis(line: str) -> list[dict[str, object]]:
    """The citations of one guideline line, MTUS ones first as letters print them."""
    cited = _cited(line) if len(line) <= _MEMO_LONGEST else _read_cited(line)
    # Fresh dicts each time: the caller owns (and may change) what it is given.
    return [{"mtus": mtus, "citation": citation} for mtus, citation in cited]


# Memoized: guideline lines repeat across letters (over half of the 822 of the 182 corpus
# letters are repeats), and the citations are the line's alone. At most 1,024 lines of at
# most 2,000 characters kept (2 million characters); a longer line is read anew each time.
_MEMO_LONGEST = 2000


@lru_cache(maxsize=1024)
def _cited(line: str) -> tuple[tuple[bool, str], ...]:
    return _read_cited(line)


def _read_cited(line: str) -> tuple[tuple[bool, str], ...]:
    found = list(_BASED.finditer(line))
    out: list[tuple[bool, str]] = []
    for index, match in enumerate(found):
        stop = found[index + 1].start() if index + 1 < len(found) else len(line)
        mtus = match.group("non") is None
        out += [(mtus, c) for c in _split(line[match.end() : stop], mtus)]
    return tuple(out)


def states_no_evidence(line: str) -> bool:
    """The line says the party cited nothing (as opposed to a line we could not read)."""
    return bool(_NONE.search(line))


# Memoized: a corpus repeats a few hundred citations, and the family is the string's alone.
# At most 1,024 answers kept (the parser cuts a citation at 1,000 characters: about 1 MB).
@lru_cache(maxsize=1024)
def guideline_family(citation: str) -> str:
    """``mtus``, ``acoem``, ``odg`` or ``other`` — the guideline family of a citation, for the
    public search filter and the analytics (issue 6). The MTUS comes first because it
    incorporates ACOEM chapters (8 CCR 9792.23): "MTUS ACOEM Chapter 12" is MTUS."""
    if _MTUS_PARTS.search(citation):
        return "mtus"
    if _ODG.search(citation):
        return "odg"
    if _ACOEM.search(citation):
        return "acoem"
    return "other"
