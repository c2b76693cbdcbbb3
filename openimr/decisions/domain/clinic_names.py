"""A person's name inside a clinic's name, where a letter says who saw or treated the worker:
"seen by the John Smith Medical Group", "seen at Smith Chiropractic", "treated at Lopez
Family Chiropractic", "referred to Nowak Physical Therapy". The person's words go, the
clinic's words stay ("[redacted] Medical Group").

Why: a clinic named after a person names whoever treated the worker, which a published
decision may not (LC 4610.6(f)), and a person's name is the first identifier of HIPAA's Safe
Harbor (45 CFR 164.514(b)(2)(i)(A)). A clinic named after its place or its system ("Fresno
Community Hospital", "Kaiser Permanente Medical Group", "Bay Area Pain Institute") names no
one and stays whole: the place of a provider is none of the worker's geographic identifiers
((b)(2)(i)(B) lists the individual's, relatives', employers' and household's).

How a clinic's name is read: the capitalized words after the verb and its preposition ("the"
may stand between), one of them a clinic's word ("Chiropractic", "Medical", "Group",
"Acupuncture"); the person's words are the name words before the first clinic word, an
ordinary word of a letter (`name_reading.is_ordinary`), a place or a health system's
word (``_PLACE_OR_SYSTEM``): a first word of these names no person. Pure functions over
text; ``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Container, Iterator

from openimr.decisions.domain.deidentify import UPPER, looks_like_organization, name_key
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import is_ordinary, name_words
from openimr.decisions.domain.names_after_verbs import ORGANIZATION_HEADS
from openimr.decisions.domain.word_starts import word_starts

# The verbs a clinic follows, each with the prepositions it takes ("seen by", "seen at",
# "referred to"): who saw, treated or tested the worker (a clinic does not sign or deny).
_BY_OR_AT = (" by ", " at ")
_PREPOSITIONS: dict[str, tuple[str, ...]] = dict.fromkeys(
    ("seen", "evaluated", "examined", "treated", "performed"), _BY_OR_AT
)
_PREPOSITIONS |= dict.fromkeys(("followed", "then", "interpreted", "done"), _BY_OR_AT)
_PREPOSITIONS |= {"obtained": (" at ",), "referred": (" to ",)}
VERB_WORDS = tuple(_PREPOSITIONS)
# Words of a clinic's name beside those of an organization (`looks_like_organization`).
_CLINIC_WORD_LIST = """
    acupuncture podiatry spine pain wellness care practice physicians doctors surgery
    surgical diagnostics diagnostic neurodiagnostic neurology psychology counseling dental
    massage rehab sports orthopedic orthopaedic
"""
_CLINIC_WORDS = frozenset(_CLINIC_WORD_LIST.split())
# Words of a place, of a health system or of a kind of care that start a clinic's name
# ("Valley Physical Therapy", "Los Angeles Spine Center", "Concentra Medical Center", "Walk
# In Clinic", "Cognitive Behavioral Therapy"): the clinic is named after no person. A
# California place's first word stands for its name ("San", "Santa", "Los": "San Joaquin
# Valley Rehabilitation Hospital"). A clinic named with a word not listed here (nor below)
# reads as named after a person ("Smith Chiropractic" → "[redacted] Chiropractic"): a
# surname and a business's word have the same shape, and one that names its clinician would
# say who treated the worker, where a business's word lost costs a reader little.
_PLACE_OR_SYSTEM_WORDS = """
    kaiser permanente sutter dignity concentra scripps cedars-sinai stanford providence
    adventist memorial mercy sharp hoag keck huntington methodist presbyterian baptist
    catholic shriners mayo healthworks u.s us
    advanced premier comprehensive integrated total complete united american national
    regional community general central coastal pacific valley bay area golden state sierra
    mission summit inland empire southern northern western eastern north south east west
    desert mountain harbor ocean sunset sunrise oak oaks pine cedar lake river hills park
    beach city county metro downtown industrial worksite workers comp alliance elite optimal
    precision performance prime apex pinnacle allied associated walk in st ste saint
    san santa los la el del palo long chula rancho van culver beverly costa west
    sacramento fresno oakland bakersfield stockton modesto riverside bernardino orange
    irvine anaheim pasadena glendale burbank torrance ventura salinas visalia redding
    chico merced fremont hayward berkeley marin napa sonoma temecula ontario pomona
    whittier downey encino tarzana northridge valencia oxnard tustin fullerton vallejo
    roseville folsom davis lodi tracy madera hanford tulare delano porterville yuba eureka
    hollywood compton carson fontana escondido oceanside california
    cognitive behavioral integrative holistic aquatic chronic acute restorative regenerative
    durable open mobile home
    interventional industrial occupational physical medical
    harmony synergy optimum balance motion kinetic evolve elevate thrive restore renew align
    vitality momentum phoenix horizon legacy heritage pioneer liberty freedom victory
"""
# California's counties and landmarks, and its cities and towns a clinic is named after, beside
# those above (no surname among them: "Anderson" is left out, and read as a person's;
# "Corona", "Hawthorne", "Richmond" are read by the case's names, below).
_CALIFORNIA_WORDS = """
    alameda alpine amador butte calaveras colusa contra dorado humboldt imperial inyo kern
    lassen mendocino modoc mono monterey nevada placer plumas benito siskiyou solano
    stanislaus tehama tuolumne yolo tahoe shasta yosemite mojave palomar sequoia redwood
    redwoods diablo cascade cascades sur lancaster palmdale victorville hesperia redlands
    chino upland rialto hemet murrieta indio coachella palm carlsbad vista encinitas poway
    alhambra arcadia monrovia covina azusa claremont montebello norwalk lakewood cerritos
    gardena inglewood lynwood paramount bellflower westminster newport laguna brea
    placentia yorba garden thousand simi camarillo ojai lompoc goleta solvang atascadero
    paso pismo gilroy watsonville capitola cupertino sunnyvale milpitas livermore
    pleasanton danville walnut concord antioch petaluma novato vacaville fairfield woodland
    auburn truckee placerville manteca turlock atwater clovis sanger selma reedley dinuba
    lemoore coalinga wasco tehachapi ridgecrest barstow calexico brawley yreka arcata ukiah
    oroville marysville susanville norcal socal mariposa canyon crescent cypress granite
"""
# Words a business names itself with, none a given name or a surname a letter names ("Zenith
# Chiropractic", "Omega Physical Therapy", "Cornerstone Spine Center"); "Grace", "Trinity",
# "Sage", "Willow", "Sterling" are left out as a person's.
_BRAND_WORDS = """
    zenith omega alpha gamma sigma vertex peak peaks crest coast coastline coastal shore
    shoreline meadow meadows orchard view pointe point gateway crossroads keystone
    cornerstone landmark beacon lighthouse compass anchor haven oasis spectrum covenant
    infinity quantum stellar star polaris orion atlas titan olympus emerald sapphire
    diamond platinum gold silver evergreen juniper lotus zen tranquility wellspring
    lifeline life pathway pathways bridge bridges frontier heartland foothill foothills
    sundance silverado tri-city tri-valley twin eagle falcon cardinal prestige signature
    integrity reliance guardian advantage excel excellence alignment pulse core elevation
    ascend ascent evolution revive revival first choice quality express rapid modern smart
    progressive dynamic dynamics active meridian
"""
# Places that are also surnames ("Washington Hospital" in Fremont, "Lincoln", "Corona",
# "Hawthorne"): a clinic named with one names its place, unless the case names a person of
# that name (a party or a record's author: "Washington Orthopedics" of a case whose
# physician is Dr. Washington names him). The case's names decide, as nothing else in the
# words does; a clinic named after a Dr. Hamilton the case does not name keeps the word.
_SURNAME_PLACE_WORDS = """
    washington lincoln jefferson franklin madison hamilton hawthorne richmond corona
"""
_PLACE_OR_SYSTEM = frozenset(
    _PLACE_OR_SYSTEM_WORDS.split()
    + _CALIFORNIA_WORDS.split()
    + _BRAND_WORDS.split()
    + _SURNAME_PLACE_WORDS.split()
)
# A place's compound ("Lakeside", "Bayview", "Hillcrest", "Northgate", "Oakridge"): a first
# part of a place and its ending; "-wood", "-field", "-brook" end surnames too (Eastwood).
_PLACE_COMPOUND = re.compile(
    r"(?:lake|hill|oak|river|bay|sea|park|sun|pine|cedar|glen|fair|north|south|east|west|"
    r"mountain|valley|clear|spring|rock|stone|shore|harbor|ever|brook|creek|crest|high|green|"
    r"gold|silver|red|blue|twin|mid|ocean|canyon|sky)(?:side|view|crest|mont|gate|haven|point|"
    r"pointe|vale|ridge|cliff|line)"
)


# Places whose word is also a given name ("Carson", "Tracy", "Madison", "Selma"): before a
# name word that is no place's, clinic's or ordinary word, they start a person's name ("the
# Carson Lee Medical Group"), as a place's name runs on with a place's word ("Carson Valley
# Medical Center") or none ("Carson Medical Group").
_GIVEN_NAME_PLACES = frozenset(("carson", "tracy", "madison", "selma"))


def place_word(lower: str) -> bool:
    return lower in _PLACE_OR_SYSTEM or bool(_PLACE_COMPOUND.fullmatch(lower))


def replace_names_in_clinics(text: str, known: Container[str] = ()) -> str:
    """The person's words of a clinic's name after "seen by", "seen at", "treated at",
    "referred to" and the like → ``[redacted]`` ("seen at [redacted] Chiropractic"; LC
    4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). A name whose every word is ``known`` is left to
    the known-name rule: run before it."""
    spans = []
    for first in _clinic_starts(text):
        start: int | None = first
        while start is not None and (run := _CLINIC_RUN.match(text, start)):
            if _is_clinic(run.group(0).split()[1:]):
                span = _person_words(text, run.start(), run.end(), known)
                if span and not all_known(text, span, known):
                    spans.append(span)
            start = _next_clinic(text, run.end())
    return redact_spans(text, spans)


# What lists another clinic after one: "and at", ", and then at", "and by", "and to".
_NEXT_CLINIC = re.compile(r",?\s+and\s+(?:then\s+)?(?:at|by|to)\s+(?:the\s+)?")


def _next_clinic(text: str, end: int) -> int | None:
    """Where the capitalized words of the clinic listed after the one ending at ``end`` start
    ("seen at Santa Cruz Chiropractic and at Wong Chiropractic"), or None."""
    found = _NEXT_CLINIC.match(text, end)
    return found.end() if found and text[found.end() : found.end() + 1].isupper() else None


def _clinic_starts(text: str) -> Iterator[int]:
    """Where capitalized words start after a verb and its preposition (and "the"): each verb
    found where a word starts (``word_starts``, in the pass that finds the other rules'
    words), as a scan of the text for " at " and " to " finds them in every sentence."""
    starts = word_starts(text)
    for verb, prepositions in _PREPOSITIONS.items():
        for at in starts.of(verb):
            after = at + len(verb)
            if text[after : after + 4] not in prepositions:
                continue
            start = after + 4
            if text.startswith("the ", start):
                start += 4
            if text[start : start + 1].isupper():
                yield start


def _is_clinic(words: list[str]) -> bool:
    """Whether a clinic's word follows the run's first word."""
    for word in words:
        lower = word.lower()
        if lower in _CLINIC_WORDS or lower in ORGANIZATION_HEADS or looks_like_organization(word):
            return True
    return False


# What joins two people's names in a clinic's name: "Smith & Jones Orthopedics".
_JOINS = ("", "&", "and")
# A clinic's name: capitalized words and initials parted by spaces, "&" or "and" between.
_WORD_OR_INITIAL = rf"(?:[{UPPER}]\.|[{UPPER}][\w'\u2019&-]*)"
_CLINIC_RUN = re.compile(rf"{_WORD_OR_INITIAL}(?: +(?:(?:&|and) +)?{_WORD_OR_INITIAL})*")


def _person_words(
    text: str, start: int, end: int, known: Container[str] = ()
) -> tuple[int, int] | None:
    """The span of the name words that start the clinic's name, before its first clinic,
    ordinary, place or system word; None when the name starts with one of those or with a
    word not written as a name ("UCLA"). A place's or a business's word that is a name word
    of one of the case's people (``known``) is that person's ("the Carson Lee Medical
    Group" of a case that names a Dr. Carson)."""
    first, last = start, None
    tokens = name_words(text, start, end)
    for n, (token_start, _, word) in enumerate(tokens):
        bare = word.rstrip().removesuffix("'s").removesuffix("\u2019s")
        lower = bare.lower()
        if is_ordinary(bare) or _is_clinic([bare]):
            break
        given = n == 0 and lower in _GIVEN_NAME_PLACES and _person_after(text, tokens)
        if place_word(lower) and name_key(bare) not in known and not given:
            break  # "Lakeside Chiropractic", "Washington Hospital"
        if text[last if last is not None else first : token_start].strip() not in _JOINS:
            break  # a word between not written as a name ends the person's words
        last = token_start + len(bare)
        if bare != word.rstrip():
            break  # "Smith's Chiropractic": the possessive ends the name
    if last is None or not any(c.islower() for c in text[first:last]):
        return None  # initials alone are no name
    return first, last


def _person_after(text: str, tokens: list[tuple[int, int, str]]) -> bool:
    """Whether the clinic's second word, after a space, is a person's: written as a name
    word and no ordinary, clinic or place word ("Lee" of "Carson Lee Medical Group")."""
    if len(tokens) < 2 or text[tokens[0][1] : tokens[1][0]] != " ":
        return False
    word = tokens[1][2].removesuffix("'s").removesuffix("\u2019s")
    if len(word) < 2 or not word[1].islower():
        return False
    return not (is_ordinary(word) or _is_clinic([word]) or place_word(word.lower()))
