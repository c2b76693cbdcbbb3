"""Provenance over every synthetic case file: a sentence's words that are not the drafter's
own wording, a document's title or the case's facts are printed on the pages it cites."""

import re

import pytest

from openimr.records.domain.dates import find_dates
from openimr.records.domain.inference import infer_record
from openimr.records.tests.drafting import CaseFile, annotated_cases, demo_cases, drafted

TEMPLATE = frozenset(
    """
    injured worker reported industrial injury year female male reportedly occurred resulted
    mechanism described most recent progress note dated documented complaints noted that
    physical mental status examination demonstrated both according showed treatment date
    included medications underwent symptoms persisted despite request requests authorization
    submitted made were denied modified delayed utilization review issued determination
    """.split()  # noqa: SIM905 - a paragraph of words reads better than a list of strings
)
CASES = annotated_cases() + demo_cases()


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z'-]{3,}", text.lower()))


def _allowed(case: CaseFile) -> set[str]:
    titles = " ".join(infer_record(pages).title for pages in case.documents.values())
    return set(TEMPLATE) | _words(titles) | _words(" ".join(case.facts.treatments))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_cited_sentence_is_made_of_the_words_on_its_pages(case):
    allowed = _allowed(case)
    for sentence in drafted(case).sentences:
        if not sentence.sources:
            continue
        pages = " ".join(case.documents[ref.document_id][ref.page - 1] for ref in sentence.sources)
        printed = _words(pages)
        missing = _words(sentence.text) - allowed - printed
        assert not missing, f"{sentence.text!r} cites {sentence.sources} but says {missing}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_date_in_a_cited_sentence_is_on_its_pages_or_in_the_case(case):
    known = {case.facts.date_of_injury, case.facts.ur_decision_date}
    for sentence in drafted(case).sentences:
        if not sentence.sources:
            continue
        pages = " ".join(case.documents[ref.document_id][ref.page - 1] for ref in sentence.sources)
        printed = {m.value for m in find_dates(pages)}
        for match in find_dates(sentence.text):
            assert match.value in printed | known, f"{sentence.text!r}: {match.value}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_citation_names_a_real_page_of_a_real_document(case):
    for sentence in drafted(case).sentences:
        for ref in sentence.sources:
            assert 1 <= ref.page <= len(case.documents[ref.document_id])


def test_a_sentence_built_only_from_the_case_facts_cites_nothing():
    [case] = [c for c in CASES if c.name == "case-01"]
    first, *_, last = drafted(case).sentences
    assert first.text.startswith("The injured worker is a 44 year old female")
    assert (first.sources, last.sources) == ((), ())
