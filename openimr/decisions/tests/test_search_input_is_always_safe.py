"""Any text is a safe query: no query-syntax error reaches the visitor and nothing typed is
run as SQL. Bad filter values are refused with the parameter named."""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openimr.core.errors import InvalidInput
from openimr.decisions.models import Decision
from openimr.decisions.search import search
from openimr.decisions.search_match import fts5_match
from openimr.decisions.search_terms import ONLY_LEFT_OUT, SearchQuery, parse, plain, words
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

NASTY = [
    '"',
    '"unbalanced',
    "NEAR(lumbar spine, 2)",
    "lumbar*",
    "(((",
    "a OR b AND NOT c",
    "summary: knee",
    "{summary items} : x",
    "col:^start",
    "\x00",
    "knee\x00pain",
    "😀 🦴",
    "'; DROP TABLE decisions_decision; --",
    "%_%",
    "\\",
    "it_cpharmaceuticals_ooverturned",
    'knee -NOT -(pain) -"x',
    "-0",
]


def searched(text: str, **filters: str) -> SearchQuery | None:
    """The query of ``text``, or None when it is refused for holding no word to search for
    (the one refusal of any text under MAX_QUERY characters: no letter or digit at all, or
    only words typed with a leading "-" to leave out)."""
    try:
        return parse({"q": text, **filters})
    except InvalidInput as refused:
        assert [(p.path, p.message) for p in refused.problems] in (
            [("$.q", "holds no letter or digit to search for")],
            *([[("$.q", ONLY_LEFT_OUT)]] if not filters else []),
        )
        assert words(plain(text)) == ()
        return None


@pytest.mark.parametrize("text", NASTY)
def test_query_syntax_and_sql_typed_into_the_box_are_just_words(text):
    make_decision(summary="Knee pain after a fall; lumbar spine strain.")
    query = searched(text)
    assert query is None or search(query).total >= 0
    assert Decision.objects.count() == 1


@pytest.mark.parametrize("text", NASTY)
def test_words_only_left_out_within_a_filter_are_answered_whatever_they_hold(text):
    make_decision(summary="Knee pain after a fall; lumbar spine strain.")
    query = searched(text, year="2016")
    assert query is None or search(query).total >= 0


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_any_text_at_all_searches_without_error(text):
    query = searched(text)
    assert query is None or search(query).total >= 0


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=100).map(lambda text: "-" + text))
def test_any_text_left_out_within_a_filter_searches_without_error(text):
    query = searched(text, outcome="upheld")
    assert query is None or search(query).total >= 0


@given(st.text(max_size=80))
def test_the_match_expression_quotes_every_word(text):
    query = searched(text)
    if query is None:
        return
    expression = fts5_match(query)
    # The text is read in its NFKC form (full-width letters, ligatures: search_terms._typed),
    # a NUL and a bidirectional control as a space (search_terms.plain).
    assert query.words == words(unicodedata.normalize("NFKC", plain(text)))
    for parts in (*query.words, *query.excluded):
        assert '"' + " ".join(parts) + '"' in expression
    assert expression.count('"') % 2 == 0


@given(st.text(max_size=60))
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_specialty_text_filters_without_error(text):
    results = search(parse({"specialty": text}))
    assert results.total >= 0


def test_the_words_typed_do_not_reach_the_filter_tags():
    make_decision(summary="An ordinary letter.")
    assert search(parse({"q": "it_crehabilitation_oupheld"})).total == 0
    assert search(parse({"q": "yr_2016"})).total == 0


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"outcome": "maybe"}, "$.outcome"),
        ({"category": "magic"}, "$.category"),
        ({"family": "cochrane"}, "$.family"),
        ({"mtus_based": "perhaps"}, "$.mtus_based"),
        ({"year": "twenty"}, "$.year"),
        ({"year": "1850"}, "$.year"),
        ({"year": "٢٠١٦"}, "$.year"),
        ({"priority": "urgent"}, "$.priority"),
        ({"page": "0"}, "$.page"),
        ({"page": "-1"}, "$.page"),
        ({"page": "9999"}, "$.page"),
        ({"per_page": "1000"}, "$.per_page"),
        ({"q": "x" * 501}, "$.q"),
        ({"specialty": "s" * 121}, "$.specialty"),
    ],
)
def test_a_bad_parameter_is_refused_naming_it(params, path):
    with pytest.raises(InvalidInput) as refused:
        parse(params)
    assert [p.path for p in refused.value.problems] == [path]


def test_every_bad_parameter_is_reported_at_once():
    with pytest.raises(InvalidInput) as refused:
        parse({"outcome": "x", "year": "y", "priority": "z"})
    assert {p.path for p in refused.value.problems} == {"$.outcome", "$.year", "$.priority"}
