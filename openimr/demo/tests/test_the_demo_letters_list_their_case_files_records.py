"""The demo's decided cases issue their letters after their case files are loaded, so each
letter lists the records a reviewer had (author, date), not the two documents of the
imported case marked "author not stated" (found in a QA pass)."""

import pytest

from openimr.letters.models import IssuedLetter
from openimr.records.models import Record

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_issued_demo_letter_lists_every_record_of_its_case_file(demo):
    letters = IssuedLetter.objects.all()
    assert letters.count() >= 3
    for letter in letters:
        records = Record.objects.filter(case_id=letter.case_id)
        assert records.exists()
        listed = letter.text.split("considered every document in the case file:", 1)[1]
        listed = listed.split("YOUR RIGHT TO APPEAL", 1)[0]
        assert "author not stated" not in listed
        assert sum(line.startswith("- ") for line in listed.splitlines()) == records.count()
