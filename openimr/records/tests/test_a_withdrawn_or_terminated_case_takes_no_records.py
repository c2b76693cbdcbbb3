"""A case withdrawn by the applicant or terminated because the treatment was authorized
(8 CCR 9792.10.6(a)) ends with no review: a record sent to it afterwards is refused, saying
so, and nothing is stored (it had been kept, medical information for nobody to read)."""

import pytest

from openimr.cases import models
from openimr.cases.domain.lifecycle import State
from openimr.cases.selectors import case_row
from openimr.cases.services.flow import case_close
from openimr.core.errors import Conflict
from openimr.records.domain.receipt import CaseFileStage, receipt_refusal
from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE, stored_files

NUMBER = "CM16-0400101"


@pytest.mark.parametrize("ended", ["withdrawn", "terminated"])
def test_the_rule_refuses_a_case_that_ended_without_a_review(ended):
    stage = CaseFileStage(
        NUMBER, issued=False, in_qa=False, decided_on=None, ended_unreviewed=ended
    )
    assert receipt_refusal(stage) == (
        f"case {NUMBER} was {ended} and will not be reviewed; records are no longer accepted"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("target", [State.WITHDRAWN, State.TERMINATED])
def test_a_record_for_a_closed_case_is_refused_and_nothing_is_stored(
    receive, case, target, settings
):
    row = models.Case.objects.get(case_number=NUMBER)
    case_close(row=row, target=target, actor="clerk", note="The applicant wrote to withdraw.")
    with pytest.raises(Conflict, match=f"was {target.value} and will not be reviewed"):
        receive(*PROGRESS_NOTE, case=case_row(NUMBER))
    assert Record.objects.count() == 0
    assert stored_files(settings.MEDIA_ROOT) == []
