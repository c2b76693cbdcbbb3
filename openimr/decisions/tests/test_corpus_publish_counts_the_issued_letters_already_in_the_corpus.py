"""`openimr corpus publish` without case numbers says how many issued letters are already in
the corpus, as it does when they are named (it used to print "already in the corpus 0"
whatever was there, which read as if nothing had been published)."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.decisions.models import Decision
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"


@pytest.fixture
def issued(three_item_doc) -> None:
    case_import(case=case_from_document(three_item_doc), actor="test")
    letter_issue(case_number=NUMBER, actor="qa")  # its on-commit publication never ran


def test_a_second_publish_counts_the_letter_the_first_published(issued, capsys):
    assert main(["corpus", "publish"]) == 0
    assert capsys.readouterr().out == "published 1, already in the corpus 0\n"
    assert main(["corpus", "publish"]) == 0
    assert capsys.readouterr().out == "published 0, already in the corpus 1\n"
    assert main(["corpus", "publish", NUMBER]) == 0
    assert capsys.readouterr().out == "published 0, already in the corpus 1\n"
    assert Decision.objects.count() == 1
