"""What a visitor may ask the corpus: words and filters, read from query parameters and
checked here, once, for the page, the API and the exports alike. A bad value is an
``InvalidInput`` naming the parameter; the words themselves can never be bad (any text is
cut into plain words)."""

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from openimr.core.case import Category, Decision, Priority
from openimr.core.errors import InvalidInput, Problem
from openimr.decisions.search_plain import INVISIBLE, plain
from openimr.decisions.search_plain import typed as _typed

MAX_QUERY = 500
MAX_WORDS = 16
PER_PAGE = 20
MAX_PER_PAGE = 100
# Deep pages cost a scan of everything before them; nobody reads past the first thousands.
MAX_OFFSET = 10_000

FAMILIES = ("mtus", "acoem", "odg", "other")
OUTCOMES = tuple(d.value for d in Decision)
CATEGORIES = tuple(c.value for c in Category)
PRIORITIES = tuple(p.value for p in Priority)
FILTER_NAMES = ("outcome", "category", "specialty", "family", "mtus_based", "year", "priority")
PARAMETERS = ("q", *FILTER_NAMES, "page", "per_page")
# An unknown parameter's name is echoed in the refusal; a name longer than this is cut.
_NAME_SHOWN = 40
# Words only left out, and no filter: every letter but those would come back, as if the
# search had asked nothing. With a filter: the filtered letters less those holding them.
ONLY_LEFT_OUT = "only leaves words out (each starts with a dash): give a word to search for, " + (
    f"or choose a filter ({', '.join(FILTER_NAMES)}) to leave them out of"
)

# A run of a word: letters and digits. An underscore parts runs, as PostgreSQL's parser
# parts words at it ("knee_pain" is 'knee' 'pain'): FTS5, whose tokenizer keeps "_" inside
# a token for its filter tags, had searched the one token "knee_pain" and found nothing
# where PostgreSQL found "knee pain". An underscore alone ("_") is no word, as "%" is none.
RUN = re.compile(r"[^\W_]+")
_WORD = RUN
# A quoted phrase (straight or curly quotes, as a word processor writes them), with an
# optional "-" before it, or a run of text between spaces and quotes. An unbalanced quote
# matches neither and is dropped: its words are searched one by one.
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'),
        # A minus sign, as a formatted page prints "-": "−knee" left nothing out, and inside
        # a word ("L4−5") PostgreSQL read it as a space and missed "L4-5", which FTS5 found.
        "\u2212": "-",
        # Invisible inside a word, pasted from a PDF or a web page: a soft hyphen where the
        # line was broken, zero-width spaces and joiners, a byte order mark. Each had cut
        # "lumbar" into "lum" and "bar", which no letter holds, behind a box showing "lumbar".
        **dict.fromkeys(INVISIBLE),
    }
)
_CHUNK = re.compile(r'-?"[^"]*"|[^\s"]+')
# Words in nearly every letter: they select nothing and cost a pass over the whole index.
# And "not", which PostgreSQL's index leaves out ("not medically necessary" is "medically
# necessary" there): SQLite had required it, so "knee NOT pain" found other letters there.
# And the runs an apostrophe leaves ("s" of "knee's", "t" of "don't") and "am" ("10am" is
# "10" "am" to PostgreSQL's phrase): PostgreSQL's index holds none of them, so "knee's" had
# found every knee letter there and none on SQLite (FTS5's phrase "knee" "s").
STOPWORDS = frozenset(
    (
        *("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have"),
        *("in", "is", "it", "not", "of", "on", "or", "the", "to", "was", "were", "with"),
        *("s", "t", "am"),
    )
)
# Other search engines' operators, typed in capitals: no operators here (every word is
# required; a dash before a word leaves it out), and no word the visitor meant to find, so
# left out as the common words are, and the page says how to ask instead. In lower case
# "near" is a word like any other.
OPERATORS = ("AND", "OR", "NOT", "NEAR")
TRUE = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


@dataclass(frozen=True)
class Filters:
    outcome: str | None = None
    category: str | None = None
    specialty: str | None = None
    family: str | None = None
    mtus_based: bool | None = None
    year: int | None = None
    priority: str | None = None

    def active(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in FILTER_NAMES if getattr(self, k) is not None}


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    per_page: int = PER_PAGE
    # The published decision the text names by its case number (set by the selectors, which
    # can ask the corpus): that decision is searched instead of the text's words.
    case_number: str | None = None
    # Each searched word the index also holds run into a number ("norco10" of "Norco10/325"
    # for "norco"), with those tokens on SQLite (none on PostgreSQL, which asks a prefix):
    # set by the search (`search_match.with_glued`), which can ask the index.
    glued: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def words(self) -> tuple[tuple[str, ...], ...]:
        return () if self.case_number is not None else words(self.text)

    @property
    def excluded(self) -> tuple[tuple[str, ...], ...]:
        """The words a letter must not hold ("knee" of "lumbar -knee")."""
        return () if self.case_number is not None else excluded_words(self.text)

    def with_page(self, page: int) -> "SearchQuery":
        return replace(self, page=page)


def words(text: str) -> tuple[tuple[str, ...], ...]:
    """The query's words, each a tuple of its letter-and-digit runs ("L4-5" -> ("L4", "5"),
    searched as a phrase); punctuation, symbols, NUL and emoji are dropped, and so are
    words like "of" and "the" unless nothing else was typed. A word typed again (in any
    case) is kept once: it selects nothing more, and counted twice it pushed later words
    past the limit. The first MAX_WORDS distinct words."""
    return tuple(_all_words(text)[:MAX_WORDS])


def excluded_words(text: str) -> tuple[tuple[str, ...], ...]:
    """The words typed with a leading "-" (`excludes`), cut as `words` cuts them, each
    once: a letter holding any of them is left out. A common word is never excluded (a
    letter without "the" is rare: "-the" would leave out nearly every letter). The first
    MAX_WORDS distinct ones."""
    return tuple(_all_words(text, excluded=True)[:MAX_WORDS])


def chunks(text: str) -> list[str]:
    """The words as typed: each quoted phrase whole, with its quotes (`"lumbar spine"`,
    `-"physical therapy"`), and each run of text between spaces and quotes. A phrase is
    searched as one word of several runs, its words in that order and adjacent, as an
    inner "-" already made "L4-5" one; before, quotes were dropped and its words were
    searched anywhere in a letter. An empty phrase (`""`) has no runs and is no word."""
    return _CHUNK.findall(text.translate(_QUOTES))


def excludes(chunk: str) -> bool:
    """Whether a word as typed (`chunks`) is one to leave out: a "-" and then at once a
    letter or digit ("-knee", "-L4-5") or a quoted phrase holding one (`-"physical
    therapy"`). A "-" inside a word ("x-ray", "L4-5") or standing alone ("lumbar - knee")
    leaves nothing out."""
    if chunk[:2] == '-"':
        return _WORD.search(chunk) is not None
    return chunk[:1] == "-" and _WORD.match(chunk, 1) is not None


def words_left_out(text: str) -> int:
    """How many of the query's words (searched, and excluded) beyond the first MAX_WORDS
    of each were not used."""
    over = (len(_all_words(text, excluded=e)) - MAX_WORDS for e in (False, True))
    return sum(max(0, n) for n in over)


def typed_words(text: str, *, excluded: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words searched (or with ``excluded``, left out: "knee" of "-knee") as they were
    typed, from their first to their last letter or digit ("L4-5", "fusion" of `"L4-5"
    fusion*`), and the common words left out ("OR" of "lumbar OR knee"), each once: the
    page and the API show them, since "OR", "NOT" and quotes are no operators here."""
    found, kept = _cut(text, excluded=excluded)
    used = tuple(typed for _, typed in _distinct(kept)[:MAX_WORDS])
    # When every word was common, all of them were searched (kept is found) and none left out.
    common = [(p, typed) for p, typed in found if kept is not found and _common(p)]
    return used, tuple(typed for _, typed in _distinct(common))


def _all_words(text: str, *, excluded: bool = False) -> list[tuple[str, ...]]:
    return [parts for parts, _ in _distinct(_cut(text, excluded=excluded)[1])]


# A word as `cut` gives it: its runs ("L4", "5") and its text as typed ("L4-5").
Typed = tuple[tuple[str, ...], str]


@functools.lru_cache(maxsize=64)
def cut(text: str, *, excluded: bool = False) -> tuple[Typed, ...]:
    """Every word of ``text`` to search (or with ``excluded``, to leave out: `excludes`), in
    the order typed, common ones and repeats included: its runs less the common words at
    its ends (`trimmed`), and its text from its first to its last run ("L4-5" of `"L4-5"`,
    "Tramadol 37.5 mg" of `-"Tramadol 37.5 mg"`). The one cut of a query into words: the
    words searched (`words`), the numbers (`search_numbers`) and PostgreSQL's phrases
    (`search_match.pg_phrases`) all read it, so none can cut a word otherwise. Kept for the
    last queries: a search reads it a dozen times."""
    found = []
    for chunk in chunks(text):
        if excludes(chunk) is not excluded:
            continue
        runs = trimmed(list(_WORD.finditer(chunk)))
        if runs:
            # An underscore inside is read as the hyphen whose place it takes ("L4_5" is
            # "L4-5"): PostgreSQL's phrase and the numbers then read the word as typed so.
            typed = chunk[runs[0].start() : runs[-1].end()].replace("_", "-")
            found.append((tuple(m.group() for m in runs), typed))
    return tuple(found)


def _cut(text: str, *, excluded: bool = False) -> tuple[list[Typed], list[Typed]]:
    """`cut`, and the words used: all but the common ones, unless nothing else was typed
    to search."""
    found = list(cut(text, excluded=excluded))
    kept = [w for w in found if not _common(w[0])]
    return found, kept if excluded else kept or found


def trimmed(runs: list[re.Match[str]]) -> list[re.Match[str]]:
    """A word's runs less the common words at its ends ("knee" of "knee:A", of `"the
    knee"`), unless nothing else is left: PostgreSQL's phraseto_tsquery drops them, its
    index holding none, while FTS5's phrase required them ("knee:A" found a letter there
    only). A common word inside keeps its place on both (`"range of motion"`)."""
    kept = [n for n, m in enumerate(runs) if m.group().lower() not in STOPWORDS]
    return runs[kept[0] : kept[-1] + 1] if kept else runs


def _common(parts: tuple[str, ...]) -> bool:
    """A common word, or a phrase of common words alone (`"of the"`): it selects nothing;
    or an operator of other search engines typed in capitals (`OPERATORS`: "NEAR")."""
    if len(parts) == 1 and parts[0] in OPERATORS:
        return True
    return all(part.lower() in STOPWORDS for part in parts)


def _distinct(found: list[Typed]) -> list[Typed]:
    """Each word once, where it first came; the search ignores case, so "Lumbar" is "lumbar"."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for parts, typed in found:
        key = tuple(p.casefold() for p in parts)
        if key not in seen:
            seen.add(key)
            out.append((parts, typed))
    return out


def parse(params: Mapping[str, Any], *, paged: bool = True) -> SearchQuery:
    """A query from request parameters (strings; a QueryDict's repeated values are seen);
    every problem is reported at once. Not ``paged`` (an export, which holds every match),
    `page` and `per_page` are refused rather than ignored."""
    problems = _names(params, paged=paged)
    text = _text(params, problems)
    filters = Filters(
        outcome=_choice(params, "outcome", OUTCOMES, problems),
        category=_choice(params, "category", CATEGORIES, problems),
        specialty=_specialty(params, problems),
        family=_choice(params, "family", FAMILIES, problems),
        mtus_based=_flag(params, problems),
        year=_int(params, "year", 1990, 2100, problems),
        priority=_choice(params, "priority", PRIORITIES, problems),
    )
    if only_left_out(text) and not filters.active():
        problems.append(Problem("$.q", ONLY_LEFT_OUT))
    if not paged:
        if problems:
            raise InvalidInput(problems)
        return SearchQuery(text, filters)
    per_page = _int(params, "per_page", 1, MAX_PER_PAGE, problems) or PER_PAGE
    page = _int(params, "page", 1, MAX_OFFSET, problems) or 1
    if (page - 1) * per_page >= MAX_OFFSET:
        problems.append(Problem("$.page", f"only the first {MAX_OFFSET:,} results can be paged"))
    if problems:
        raise InvalidInput(problems)
    return SearchQuery(text, filters, page, per_page)


def _names(params: Mapping[str, Any], *, paged: bool) -> list[Problem]:
    """A parameter the search does not know, or one given twice, would be ignored or have
    its last value win: the visitor would read the answer as filtered as asked."""
    problems = []
    getlist = getattr(params, "getlist", None)
    for name in params:
        shown = _shown(name)
        count = len(getlist(name)) if getlist is not None else 1
        if not paged and name in ("page", "per_page"):
            message = "an export holds every matching decision; it has no pages"
            problems.append(Problem(f"$.{name}", message))
        elif name not in PARAMETERS:
            known = ", ".join(PARAMETERS)
            problems.append(Problem(f"$.{shown}", f"not a search parameter; one of: {known}"))
        elif count > 1:
            problems.append(Problem(f"$.{name}", f"given {count} times; give it once"))
    return problems


def _shown(name: str) -> str:
    """An unknown parameter's name as the refusal echoes it: cut when long, its invisible
    characters spelled out (a NUL in HTML shows as a replacement character, U+202E turns
    the text after it around)."""
    if not name:
        return "(empty)"
    cut = name if len(name) <= _NAME_SHOWN else name[:_NAME_SHOWN] + "…"
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in cut)


def _raw(params: Mapping[str, Any], name: str) -> str:
    value = params.get(name)
    return "" if value is None else str(value).strip()


def _text(params: Mapping[str, Any], problems: list[Problem]) -> str:
    text = plain(_raw(params, "q"))
    if len(text) > MAX_QUERY:
        # How long it was: a pasted paragraph is over the limit, and by how much says what to cut.
        message = f"is {len(text):,} characters long; at most {MAX_QUERY} characters"
        problems.append(Problem("$.q", message))
        return ""
    text = _typed(text)
    if text.strip() and not _all_words(text) and not only_left_out(text):
        # Its symbols are dropped: nothing left would search, and every letter came back
        # as if it matched "*".
        problems.append(Problem("$.q", "holds no letter or digit to search for"))
        return ""
    return text


def only_left_out(text: str) -> bool:
    """Whether ``text`` only leaves words out ("-knee"): nothing to search for."""
    return not _all_words(text) and any(excludes(chunk) for chunk in chunks(text))


def _choice(
    params: Mapping[str, Any], name: str, allowed: tuple[str, ...], problems: list[Problem]
) -> str | None:
    value = _raw(params, name).lower()
    if not value:
        return None
    if value not in allowed:
        problems.append(Problem(f"$.{name}", f"must be one of: {', '.join(allowed)}"))
        return None
    return value


def _specialty(params: Mapping[str, Any], problems: list[Problem]) -> str | None:
    # A control character parts the name's words as in `q`: PostgreSQL's lexeme had read
    # "Orthopedic\x1bSurgery" as "Orthopedic Surgery", FTS5 as no specialty.
    value = plain(_raw(params, "specialty")).strip()
    if len(value) > 120:
        problems.append(Problem("$.specialty", "at most 120 characters"))
        return None
    return _typed(value) or None


def _flag(params: Mapping[str, Any], problems: list[Problem]) -> bool | None:
    value = _raw(params, "mtus_based").lower()
    if not value:
        return None
    if value not in TRUE:
        problems.append(Problem("$.mtus_based", "must be yes or no"))
        return None
    return TRUE[value]


def _int(
    params: Mapping[str, Any], name: str, low: int, high: int, problems: list[Problem]
) -> int | None:
    value = _raw(params, name)
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        # "from 1 to 10,000" as the page writes its numbers; a year is written without commas.
        shown = str if name == "year" else "{:,}".format
        problems.append(
            Problem(f"$.{name}", f"must be a whole number from {shown(low)} to {shown(high)}")
        )
        return None
    return int(value)
