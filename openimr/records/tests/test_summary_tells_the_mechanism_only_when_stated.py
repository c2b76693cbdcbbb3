from datetime import date

import pytest

from openimr.records.domain.summary import CaseFacts
from openimr.records.tests.drafting import draft, sentences_with


@pytest.mark.parametrize(
    ("history", "sentence", "mechanism"),
    [
        (
            "She injured her low back on August 3, 2015, while lifting cartons from a pallet at work.",
            "The injury reportedly occurred while lifting cartons from a pallet at work.",
            "while lifting cartons from a pallet at work",
        ),
        (
            "He injured his right shoulder when he fell from a loading dock, and was seen in urgent care.",
            "The injury reportedly occurred when he fell from a loading dock.",
            "when he fell from a loading dock",
        ),
        (
            "She developed numbness in both hands from repetitive keyboarding.",
            "The injury reportedly resulted from repetitive keyboarding.",
            "from repetitive keyboarding",
        ),
        (
            "Mechanism of Injury: Motor vehicle accident; his truck was struck on the driver's side.",
            'The mechanism of injury is described as "motor vehicle accident; his truck was struck on the driver\'s side."',
            "Motor vehicle accident; his truck was struck on the driver's side",
        ),
        (
            "On April 11, 2016, she was assaulted by a client's family member at work.",
            "The injured worker was reportedly assaulted by a client's family member at work.",
            "assaulted by a client's family member at work",
        ),
    ],
    ids=["while", "when, cut at the next clause", "from", "labelled", "event at work"],
)  # fmt: skip
def test_the_mechanism_is_told_as_the_record_states_it(history, sentence, mechanism):
    found = draft(f"PROGRESS NOTE\nDOS: 1/2/2017\nHistory: {history}")
    told = [s.text for s in found.sentences if "reportedly" in s.text or "mechanism" in s.text]
    assert told == [sentence]
    assert found.facts["mechanism"] == mechanism


def test_an_event_counts_on_the_date_of_injury_or_in_the_injurys_history():
    beside_the_date = "PROGRESS NOTE\nDOS: 1/2/2017\nOn 4/11/2016 she slipped on a wet floor."
    in_history = "PROGRESS NOTE\nDOS: 1/2/2017\nHISTORY OF INJURY:\nShe slipped on a wet floor."
    elsewhere = "PROGRESS NOTE\nDOS: 1/2/2017\nPlan: She tripped over the dog last week."
    case = CaseFacts(date_of_injury=date(2016, 4, 11))
    assert "mechanism" in draft(beside_the_date, case=case).facts
    assert "mechanism" in draft(in_history).facts
    assert "mechanism" not in draft(elsewhere, case=case).facts


@pytest.mark.parametrize(
    "text",
    [
        "Mechanism of injury: not documented.",
        "The mechanism of injury is not documented in the records provided to me.",
        "He does not recall a specific incident.",
        "Low back pain for two years.",
    ],
)
def test_an_unstated_mechanism_gives_no_sentence(text):
    found = draft(f"PROGRESS NOTE\nDOS: 1/2/2017\n{text}")
    assert "mechanism" not in found.facts
    assert not sentences_with(found, "mechanism")
