"""A correction sent twice (a double click, a browser resubmitting the form) used to issue
two identical amended letters, each served again on every party. A correction identical to
the last amended letter, reason included, is refused and changes nothing; the same wording
with a new reason is a new amended letter."""

from dataclasses import replace

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core.errors import InvalidInput
from openimr.letters.models import AmendedLetter, LetterService
from openimr.letters.selectors import issued_case
from openimr.letters.services import letter_amend, letter_issue

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"


@pytest.fixture
def corrected(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    letter_issue(case_number=CASE, actor="qa")
    case = issued_case(CASE)
    assert case is not None
    return replace(case, clinical_summary=f"{case.clinical_summary} Corrected.")


def test_the_same_correction_twice_is_refused_the_second_time(corrected):
    first = letter_amend(case_number=CASE, corrected=corrected, reason="a typo", actor="qa")
    services = LetterService.objects.count()
    with pytest.raises(InvalidInput, match="amended letter 1") as caught:
        letter_amend(case_number=CASE, corrected=corrected, reason="a typo", actor="qa")
    assert "nothing was issued" in str(caught.value)
    assert [p.path for p in caught.value.problems] == ["$.reason"]
    assert list(AmendedLetter.objects.values_list("number", flat=True)) == [first.number]
    assert LetterService.objects.count() == services
    assert AuditEvent.objects.filter(action="letter.amended").count() == 1


def test_the_same_wording_with_a_new_reason_is_a_new_amended_letter(corrected):
    letter_amend(case_number=CASE, corrected=corrected, reason="a typo", actor="qa")
    second = letter_amend(
        case_number=CASE, corrected=corrected, reason="served on the wrong address", actor="qa"
    )
    assert second.number == 2


def test_a_further_change_is_a_new_amended_letter(corrected):
    letter_amend(case_number=CASE, corrected=corrected, reason="a typo", actor="qa")
    again = replace(corrected, clinical_summary=f"{corrected.clinical_summary} Again.")
    assert letter_amend(case_number=CASE, corrected=again, reason="a typo", actor="qa").number == 2
