"""What the records do not say, the draft does not say: no sentence and no fact."""

import pytest

from openimr.records.domain.summary import CaseFacts
from openimr.records.tests.drafting import annotated_cases, demo_cases, draft, drafted

CASES = annotated_cases() + demo_cases()
SENTENCE_OF = {
    "mechanism": ("reportedly occurred", "reportedly resulted", "mechanism of injury"),
    "imaging": ("showed",),
    "treatment_to_date": ("treatment to date", "has completed", "medications included"),
}


def _unstated(case):
    summary = case.expected["summary"]
    return [name for name in SENTENCE_OF if summary.get(name) in (None, [])]


@pytest.mark.parametrize("case", [c for c in CASES if _unstated(c)], ids=lambda c: c.name)
def test_a_fact_the_person_found_unstated_has_no_sentence_and_no_value(case):
    found = drafted(case)
    for name in _unstated(case):
        assert name not in found.facts
        for words in SENTENCE_OF[name]:
            assert not [s for s in found.sentences if words in s.text.lower()], name


def test_no_records_and_no_case_facts_give_an_empty_draft():
    found = draft()
    assert (found.sentences, dict(found.facts)) == ((), {})


def test_a_record_with_nothing_clinical_gives_nothing_but_what_the_case_knows():
    questionnaire = "PATIENT PAIN QUESTIONNAIRE\nWhere is your pain? Both hands.\nRating: 6"
    found = draft(questionnaire, case=CaseFacts(age=51))
    assert [s.text for s in found.sentences] == ["The injured worker is a 51 year old."]
    assert dict(found.facts) == {"age": "51"}


def test_a_request_under_review_is_not_called_denied_without_a_decision():
    found = draft(case=CaseFacts(treatments=("Tramadol 50 mg #60",)))
    assert [s.text for s in found.sentences] == ["A request was made for tramadol 50 mg #60."]
