"""A refusal that names a case's state reads as a sentence: "an eligible case has no
screening outcome to override", not "a eligible case"; "an in review case", not "a in_review
case". Refusals of a program's or a letter template's TOML say what a value must be in words
("must be a whole number", not "must be a int")."""

import pytest

from openimr.cases import models, services
from openimr.cases.domain.eligibility import Outcome
from openimr.cases.domain.lifecycle import State, state_words
from openimr.cases.interchange import case_from_document
from openimr.core.errors import InvalidInput
from openimr.core.words import article, kind_words


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (State.ELIGIBLE, "an eligible"),
        (State.INELIGIBLE, "an ineligible"),
        (State.ISSUED, "an issued"),
        (State.IN_REVIEW, "an in review"),
        (State.ASSIGNED, "an assigned"),
        (State.RECEIVED, "a received"),
        (State.RECORDS_COMPLETE, "a records complete"),
        (State.QA, "a QA"),
    ],
)
def test_a_state_takes_the_article_it_is_read_with(state, words):
    assert state_words(state) == words


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("eligible", "an"), ("MRI", "an"), ("QA", "a"), ("X-ray", "an"), ("knee", "a")],
)
def test_the_article_follows_the_sound_not_the_letter(phrase, expected):
    assert article(phrase) == expected


@pytest.mark.parametrize(
    ("kind", "words"),
    [(int, "a whole number"), (bool, "true or false"), (str, "text"), (dict, "a table")],
)
def test_a_toml_value_is_named_in_words_not_by_its_python_type(kind, words):
    assert kind_words(kind) == words


@pytest.mark.django_db
def test_overriding_an_issued_case_is_refused_in_a_sentence(three_item_doc):
    services.case_import(case=case_from_document(three_item_doc), actor="test")
    row = models.Case.objects.get()
    row.state = State.ISSUED.value
    with pytest.raises(InvalidInput) as refused:
        services.application_override(
            row=row, outcome=Outcome.ELIGIBLE, reason="The claim was accepted.", actor="clerk"
        )
    assert refused.value.problems[0].message == (
        "an issued case has no screening outcome to override"
    )
