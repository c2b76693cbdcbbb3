"""The de-identification rules ask ``word_starts`` where their role words and labels start a
word; ``openimr.decisions.deidentify`` answers with one pass of an Aho-Corasick automaton.
What it finds must be what a ``str.find`` scan a word finds, or a label would be missed and
a name published."""

import pytest

import openimr.decisions.deidentify  # noqa: F401  (installs the automaton)
from openimr.decisions.domain.word_starts import WordStarts

TEXTS = [
    "Patient: John Smith. The patient's attorney, Ana Ruiz of Castellanos LLP, represented by",
    "outpatient non-patient co-attorney claimsadministrator claim# claims administrator",
    "ADJUSTER/adjustor:adjusted (examiner) 'counsel' counselor paralegal\x00nurse case manager",
    "cc: Ana Ruiz\nATTN: Wendy Liang\nSincerely, Hana Sato; Respectfully, Tom Reyes",
    "employee employer employed unemployed Employee ID 12345 age: 93, aged 92, image",
    "Ärzte patient Ｐatient élan-patient ½claim 2claim _claim phone/fax tel. mobile cell",
    "",
]
WORDS = ["patient", "attorney", "claims", "claim", "adjust", "examiner", "counsel", "cc:"]
WORDS += ["sincerely,", "respectfully,", "attn:", "employee", "employed", "age", "phone", "tel"]
WORDS += ["nurse", "case", "represented", "not-a-label-word", "mobile", "cell", "fax"]


def _by_find(text: str, word: str) -> list[int]:
    lower, found, at = text.lower(), [], text.lower().find(word)
    while at >= 0:
        if at == 0 or not lower[at - 1].isalnum():
            found.append(at)
        at = lower.find(word, at + 1)
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_each_word_starts_where_a_scan_of_the_lowercased_text_finds_it(text):
    assert WordStarts.scanner is not None
    starts = WordStarts(text)
    assert {word: starts.of(word) for word in WORDS} == {w: _by_find(text, w) for w in WORDS}


def test_without_the_automaton_each_word_is_found_by_a_scan_with_the_same_places(monkeypatch):
    monkeypatch.setattr(WordStarts, "scanner", None)
    for text in TEXTS:
        starts = WordStarts(text)
        assert {word: starts.of(word) for word in WORDS} == {w: _by_find(text, w) for w in WORDS}


@pytest.mark.parametrize("text", TEXTS)
def test_the_words_a_text_holds_are_those_a_scan_a_word_finds(text):
    # The capitals-after-roles rule asks only for the roles a text holds: a role missed here
    # would leave the name after it in the public corpus.
    words, starts = frozenset(WORDS), WordStarts(text)
    expected = {word for word in words if _by_find(text, word)}
    assert starts.holding(words) == expected
    assert starts.holding(words) == expected  # asked again, after ``of`` has looked


@pytest.mark.parametrize("text", [*TEXTS, "Sam Ortiz saw her; Tarn reported it. She noted it, saw"])
def test_the_places_of_a_set_of_words_are_those_a_scan_of_each_finds(text, monkeypatch):
    # The sentence-subject rule asks for its verbs' places at once: a verb missed here would
    # leave the name before it in the public corpus; with or without the automaton, and with
    # a word it does not scan among them.
    scanned = frozenset(("saw", "reported", "noted", "patient", "claim"))
    for words in (scanned, scanned | {"not-a-label-word", "ortiz"}):
        expected = sorted(at for word in words for at in _by_find(text, word))
        assert sorted(WordStarts(text).places(words)) == expected
        monkeypatch.setattr(WordStarts, "scanner", None)
        assert sorted(WordStarts(text).places(words)) == expected
        monkeypatch.undo()
