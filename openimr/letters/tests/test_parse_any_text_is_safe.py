"""Whatever text comes in, the parser returns a ParsedLetter whose case fits the schema, or
raises LetterUnreadable — nothing else — and its time grows with the text, not faster
(no pattern backtracks catastrophically on hostile input)."""

import contextlib
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openimr.cases.interchange import schema_problems
from openimr.letters.parsing import LetterUnreadable, ParsedLetter, parse_text
from openimr.letters.tests.test_parse_support import SEED

# Pieces of real letters, so that random texts reach deep into the parser, not only its door.
PIECES = [
    "Case Number: CM16-0219557",
    "Date Assigned: 11/18/2016 Date of Injury: 10/10/2016",
    "Priority: Standard Application ",
    "Received: ",
    "HOW THE IMR FINAL DETERMINATION WAS MADE",
    "CLINICAL CASE SUMMARY",
    "IMR ISSUES, DECISIONS AND RATIONALES",
    "IMR DECISION(S) AND RATIONALE(S)",
    "ISSUE AT DISPUTE",
    "Notice of Independent Medical Review Determination",
    "State(s) of Licensure: Texas,New York",
    "Certification(s)/Specialty: Family Practice",
    "The applicant is a 34-year-old male",
    "MRI of the lumbar spine: Upheld",
    "is: ",
    "Overturned",
    "Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.",
    "MAXIMUS guideline: Decision based on Non-MTUS Citation ODG, and ACOEM",
    "Decision rationale: ",
    "Item 1: ",
    "1. ",
    "1) Regarding the request for ",
    "Decision: Upheld",
    "Utilization Review: Modified",
    "The remaining IMR eligible portion of the original request, ",
    "Page 1 of 2",
    "\f",
    "\r\n",
    "\n\n",
    " ",
    "-",
    "\ufffe",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_a_valid_case_or_says_it_is_unreadable(text):
    try:
        parsed = parse_text(text)
    except LetterUnreadable as exc:
        assert str(exc)
        return
    assert isinstance(parsed, ParsedLetter)
    assert schema_problems(parsed.case) == []


# Runs that make careless patterns backtrack: labels without values, colons, spaces, a
# heading followed by endless numbered lines, repeated many times.
HOSTILE = [
    "HOW THE IMR FINAL DETERMINATION WAS MADE\n" + "Date Assigned: " * 20 + "\n",
    "IMR ISSUES, DECISIONS AND RATIONALES\n" + "a: " * 30 + "Upheld\n",
    "ISSUE AT DISPUTE\n1. " + "x " * 40 + "\n",
    "CLINICAL CASE SUMMARY\n" + "denied " * 30 + "on \n",
    "State(s) of Licensure: " + "New " * 50 + "\n",
    "Decision based on MTUS " + ", and " * 60 + "\n",
    "IMR ISSUES, DECISIONS AND RATIONALES\nDecision rationale: x\nA: Upheld\n",
]


# The bound is a thousand times a letter's parse time: it catches a pattern that backtracks
# without end, not a slow machine. Speed itself is measured in bench/parser_fields.py.
@settings(max_examples=40, deadline=timedelta(seconds=3))
@given(st.sampled_from(HOSTILE), st.integers(min_value=1, max_value=300))
def test_long_hostile_runs_finish(unit, times):
    with contextlib.suppress(LetterUnreadable):
        parse_text(unit * times)


INSIDE = [
    *HOSTILE,
    "Item 1: x\n",
    "Employee: Employer: " * 10,
    "documen\ufffetation " * 20,
    "a-\nb-\n" * 10,
    " \r\n" * 20,
]


@settings(max_examples=30, deadline=timedelta(seconds=3))
@given(st.sampled_from(INSIDE), st.integers(min_value=1, max_value=300), st.floats(0, 1))
def test_hostile_runs_inside_a_real_letter_finish_and_keep_the_case_valid(unit, times, where):
    seed = SEED.read_text(encoding="utf-8")
    at = int(len(seed) * where)
    parsed = parse_text(seed[:at] + unit * times + seed[at:])
    assert schema_problems(parsed.case) == []
