"""A blood relative's name after a colon ("Daughter: Maria Chen", "Son: JOSE TRAN"), told from
a family history, which lists a relative's conditions the same way ("Mother: Diabetes",
"Father: Coronary Artery Disease", "Father: deceased, MI at 60", "Sister: breast cancer").

Why the name goes and the history stays: the names of the worker's relatives are identifiers
under HIPAA's Safe Harbor (45 CFR 164.514(b)(2)(i)(A)); a relative's disease without a name
is none, and a reviewer's summary of the family history is part of the medical reasoning a
published decision keeps (LC 4610.6(f) withholds the names, not the reasoning).

How the value after the colon is read: a name is two to four words written as names (or
two or three in capitals), which run to the end of the capitalized words, none of them a
condition's word, a possessive ("Alzheimer's") or a letter's ordinary word. One word alone
("Daughter: Maria", "Mother: Lupus") is not told apart by its shape: a given name and a
disease have the same, and the value stays, unless what the relative does follows it
("Daughter: Maria drives her", "her husband Jose helps at home"): a disease drives no one.
Pure functions over text; ``people_around`` calls them."""

import re

from openimr.decisions.domain.deidentify import LOWER, UPPER
from openimr.decisions.domain.name_reading import (
    PERSON_ACTS,
    capitals_name,
    is_ordinary,
    name_words,
)
from openimr.decisions.domain.names_after_verbs import CAPITALIZED_RUN

# Relatives by blood and step-relatives, whose conditions a family history lists
# after a colon ("Mother: Diabetes"); a spouse's name after a colon is read without this check.
_BLOOD_RELATIVE_WORDS = """
    son daughter mother father sister brother cousin aunt uncle niece nephew grandson
    granddaughter grandmother grandfather stepson stepdaughter stepmother stepfather
    stepsister stepbrother
"""
BLOOD_RELATIVES = frozenset(_BLOOD_RELATIVE_WORDS.split())
# Words of a relative's condition, of the state a family history gives ("Deceased", "Alive
# And Well") and of the words that name a condition with an eponym ("Huntington Disease",
# "Down Syndrome", "Bell Palsy"): a value that holds one is a history, not a name.
_CONDITION_WORDS = """
    disease diseases syndrome disorder disorders condition conditions illness problems
    cancer carcinoma tumor tumors tumour palsy attack failure stroke strokes pressure blood
    heart kidney kidneys renal liver lung lungs breast colon colorectal prostate ovarian
    cervical uterine pancreatic stomach skin bone brain thyroid cholesterol sugar type
    mellitus diabetes diabetic dementia arthritis asthma lupus gout obesity alcoholism
    addiction depression anxiety bipolar schizophrenia epilepsy seizure seizures migraine
    migraines multiple sclerosis muscular dystrophy sickle cell anemia celiac coronary artery
    arteries congestive chronic acute hepatitis cirrhosis glaucoma macular degeneration
    cataract cataracts hearing loss osteoporosis osteoarthritis rheumatoid fibromyalgia
    hypertension hyperlipidemia hypothyroidism hyperthyroidism leukemia lymphoma melanoma
    myeloma sarcoma aneurysm embolism clot clots thrombosis blockage bypass valve murmur
    arrhythmia fibrillation atrial pacemaker dialysis transplant amputation deceased died
    dead death alive living healthy well good health history unknown negative
    noncontributory non-contributory passed age aged high low chorea contracture phenomenon
    lymphoma leukaemia mental psychiatric cardiac vascular pulmonary respiratory spinal back
    neck knee hip shoulder disc degenerative herniated stenosis spondylosis scoliosis
    sclerosis fracture fractures sleep apnea insomnia infection virus viral hiv aids hep
    hepatic copd chf cad als
"""
CONDITION_WORDS = frozenset(_CONDITION_WORDS.split())
# Endings of a condition's word ("Thyroiditis", "Scoliosis", "Leukemia", "Neuropathy",
# "Fibromyalgia"); "-oma" only from seven letters ("Melanoma", "Lymphoma"), as "Paloma" is a
# given name.
_CONDITION_ENDINGS: tuple[str, ...] = (
    "itis",
    "osis",
    "emia",
    "aemia",
    "pathy",
    "algia",
    "plegia",
    "trophy",
)
_CONDITION_ENDINGS += ("ectomy", "ism", "phrenia", "lepsy", "iasis", "penia", "megaly", "itus")


def is_condition(word: str) -> bool:
    """Whether ``word`` is a condition's word, or a state a family history gives."""
    lower = word.lower().strip(".,;:")
    if lower in CONDITION_WORDS or lower.endswith(_CONDITION_ENDINGS):
        return True
    return len(lower) >= 7 and lower.endswith("oma")


def relative_named(text: str, at: int) -> tuple[int, int] | None:
    """The span of the name after a blood relative's colon ending at ``at`` ("Daughter:
    Maria Chen", "SON: JOSE TRAN"), or None for a family history ("Mother: Diabetes",
    "Father: Coronary Artery Disease", "Sister: breast cancer") or one word ("Son: John")."""
    start = at
    while text[start : start + 1] in (" ", "\t"):
        start += 1
    run = CAPITALIZED_RUN.match(text, start)
    if run is None:
        return None
    words = run.group(0).split()
    if any(is_condition(w) or is_ordinary(w) or w.endswith(("'s", "\u2019s")) for w in words):
        return None
    tokens = name_words(text, *run.span())
    if 2 <= len(words) <= 4 and len(tokens) == len(words):
        return run.span()
    # Read up to the run's end: a name in capitals runs on across a line break ("SON: JOSE
    # TRAN\nMOTHER: DIABETES") where the run ends.
    capitals = capitals_name(text[: run.end()], at) if 2 <= len(words) <= 3 else None
    return capitals if capitals and capitals[1] == run.end() else None


# What a relative does, after one word of the relative's name: a disease does none of it.
_RELATIVE_ACT_WORDS = """
    drives drove helps helped lives lived accompanies accompanied translates translated
    interprets interpreted assists assisted cares cared takes took brings brought visits
    visited works worked stays stayed provides provided picks picked attends attended
    watches watched speaks spoke cooks cooked cleans cleaned pays paid supports supported
    reports says
"""
RELATIVE_ACTS = PERSON_ACTS | frozenset(_RELATIVE_ACT_WORDS.split())
# The acts as a pattern's alternatives, the verb after one small word or two told by it.
_RELATIVE_ACTS_PATTERN = "|".join(sorted(RELATIVE_ACTS, key=len, reverse=True))
_ONE_WORD_AND_VERB = re.compile(rf"[ \t]*([{UPPER}][{LOWER}][{LOWER}'\u2019-]*)\s+([a-z]+)\b")


def one_name_acting(text: str, at: int) -> tuple[int, int] | None:
    """The span of one name word after a relative ending at ``at`` when what the relative
    does follows it ("Daughter: Maria drives her", "her husband Jose helps"), not a
    condition's or an ordinary word ("Mother: Lupus treated ...", "her son Spanish speaks")."""
    found = _ONE_WORD_AND_VERB.match(text, at)
    if found is None or found.group(2) not in RELATIVE_ACTS:
        return None
    word = found.group(1)
    return None if is_condition(word) or is_ordinary(word) else found.span(1)


# One or two words in small letters after a relative or a companion, before what the
# person does ("her friend maria lopez drove her", "her friend maria drove her"): a note
# typed without capitals writes a name so.
_SMALL_WORDS_AND_VERB = re.compile(
    rf"[ \t]+([{LOWER}]{{2,}}(?:[ \t]+[{LOWER}]{{2,}})?)[ \t]+({_RELATIVE_ACTS_PATTERN})\b"
)
# Words in small letters that stand between a relative and a verb and are no name: what
# joins, places, times or describes ("her husband from work drove", "her son in turn helps").
_SMALL_NOT_A_NAME_WORDS = """
    and or but also then who that which whom whose usually often sometimes still always
    never now not each every from with at in on of to for by as her his their she he they
    it its him them this who's full part time one two three both all only just even
    already later today yesterday again too very well same other another own next last
"""
# One word alone stands there as a helping verb, a pronoun or an adverb of time does ("her
# husband has helped", "her son himself drove", "her friend once drove").
_ONE_SMALL_NOT_A_NAME_WORDS = """
    has had have does did do will would can could may might must should shall is was
    himself herself themselves itself alone together once twice first since lately soon
    sometimes usually often rarely seldom mostly frequently occasionally generally
    typically normally routinely here there home back daily weekly nightly otherwise
    however therefore thus instead reportedly apparently actually present
    director driver supervisor coworker company store owner manager assistant
"""
_SMALL_NOT_A_NAME = frozenset(_SMALL_NOT_A_NAME_WORDS.split() + _ONE_SMALL_NOT_A_NAME_WORDS.split())


def small_names_acting(text: str, at: int) -> tuple[int, int] | None:
    """The span of one or two words in small letters after the relative or companion ending
    at ``at``, before what the person does ("her friend maria drove her", "her friend maria
    lopez drove her", 45 CFR 164.514(b)(2)(i)(A)): no word a condition's, an ordinary word,
    a joining, helping or describing one, an adverb ("-ly") or a verb's form ("-ed",
    "-ing")."""
    found = _SMALL_WORDS_AND_VERB.match(text, at)
    if found is None:
        return None
    for word in found.group(1).split():
        if word in _SMALL_NOT_A_NAME or word in RELATIVE_ACTS or word.endswith(("ly", "ed", "ing")):
            return None
        if is_condition(word) or is_ordinary(word):
            return None
    return found.span(1)
