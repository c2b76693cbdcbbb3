"""A case whose items were split between reviewers (LC 139.5(c)) was decided by more than one
expert reviewer: its letter says so ("gave the complete case file to two expert reviewers"),
never "an expert reviewer". A case with one reviewer reads as before. The parser reads the
plural letter back to the same case, and an organization's template written before the
plural wording existed still loads, taking the shipped wording for it. The documents
reviewed were "considered by the expert reviewer" in the singular until session 20."""

import copy

import pytest

from openimr.cases.interchange import case_from_document
from openimr.letters.domain.extras import LetterExtras
from openimr.letters.domain.template import DEFAULT_PATH, OPTIONAL, load_template
from openimr.letters.parsing import parse_text
from openimr.letters.rendering import letter_for, render_letter
from openimr.review.tests.conftest import cast, in_qa  # noqa: F401  (fixtures)

SINGLE = "gave the complete case file to an expert reviewer"
SEVERAL = "gave the complete case file to two expert reviewers"


def fold(text):
    return " ".join(text.split())


def _text(doc, reviewers, template=None):
    letter = letter_for(case_from_document(doc), template, LetterExtras(reviewers=reviewers))
    return render_letter(letter, "text").decode("utf-8")


def test_a_case_decided_by_two_reviewers_says_two_expert_reviewers(three_item_doc):
    text = fold(_text(three_item_doc, 2))
    assert SEVERAL in text
    assert SINGLE not in text
    assert "The expert reviewer is board certified" not in text
    assert "The expert reviewers wrote the following clinical case summary" in text
    assert "The expert reviewers considered every document in the case file" in text
    assert "The expert reviewer considered" not in text


def test_two_reviewers_are_neither_of_them_and_three_none_of_them(three_item_doc):
    two, three = fold(_text(three_item_doc, 2)), fold(_text(three_item_doc, 3))
    assert "Neither of them has any affiliation with the employee" in two
    assert "None of them" not in two
    assert "None of them has any affiliation with the employee" in three
    assert "Neither" not in three


def test_a_case_decided_by_one_reviewer_reads_as_before(three_item_doc):
    text = fold(_text(three_item_doc, 1))
    assert SINGLE in text
    assert "expert reviewers" not in text


def test_the_plural_letter_parses_back_to_the_same_case(three_item_doc):
    parsed = parse_text(_text(three_item_doc, 2)).case
    assert parsed["reviewer"]["specialties"] == three_item_doc["reviewer"]["specialties"]
    assert parsed["reviewer"]["licensed_in"] == three_item_doc["reviewer"]["licensed_in"]
    assert parsed["organization"]["name"] == "openimr Independent Review"
    assert fold(parsed["clinical_summary"]) == fold(three_item_doc["clinical_summary"])
    assert len(parsed["documents"]) == len(three_item_doc["documents"])


def test_the_plural_letter_without_recorded_credentials_parses(three_item_doc):
    doc = copy.deepcopy(three_item_doc)
    doc["reviewer"].update(specialties=[], licensed_in=[])
    text = _text(doc, 3)
    assert "to three expert reviewers" in fold(text)
    assert parse_text(text).case["items"][0]["treatment"] == doc["items"][0]["treatment"]


def test_an_older_template_without_the_plural_wording_still_loads(tmp_path, three_item_doc):
    several = {key.rpartition(".")[2] for key in OPTIONAL if key.endswith("_several")}
    assert "independence_several" in several
    kept, dropping = [], False
    for line in DEFAULT_PATH.read_text(encoding="utf-8").splitlines(keepends=True):
        starts = line.split(" =", 1)[0] in several
        if not (starts or dropping):
            kept.append(line)
        # A value may run over lines, to the closing triple quote.
        dropping = (starts or dropping) and not line.rstrip().endswith('"""')
    path = tmp_path / "letter.toml"
    path.write_text("".join(kept).replace("openimr Independent Review", "Acme IMR"), "utf-8")
    assert "_several" not in "".join(k for k in kept if not k.startswith("#"))
    template = load_template(path)
    assert "Acme IMR gave the complete case file to two expert reviewers" in fold(
        _text(three_item_doc, 2, template)
    )


@pytest.mark.django_db
def test_a_split_case_issued_by_qa_names_its_two_reviewers(client, cast, in_qa):  # noqa: F811
    from openimr.letters.models import IssuedLetter
    from openimr.review.tests.conftest import CASE, QA_URL, assign, login

    assign(CASE, cast.other_reviewer, "R-2", "Min Park", items=(2,))
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    text = fold(IssuedLetter.objects.get(case__case_number=CASE).text)
    assert SEVERAL in text
    assert "Min Park" not in text and "Roe" not in text


@pytest.mark.django_db
def test_a_case_with_one_reviewer_issued_by_qa_names_one(client, cast, in_qa):  # noqa: F811
    from openimr.letters.models import IssuedLetter
    from openimr.review.tests.conftest import CASE, QA_URL, login

    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    assert SINGLE in fold(IssuedLetter.objects.get(case__case_number=CASE).text)
