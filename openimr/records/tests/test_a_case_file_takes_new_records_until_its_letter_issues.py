"""The receipt rules alone (openimr/records/domain/receipt.py), stage by stage: refused once
the letter has issued, taken with a warning while the determination waits in QA, taken
plainly before the reviewer decides."""

from datetime import date

import pytest

from openimr.records.domain.receipt import CaseFileStage, receipt_refusal, receipt_warning

DECIDED = date(2016, 10, 24)


@pytest.mark.parametrize(
    ("issued", "in_qa", "decided_on", "refused", "warned"),
    [
        (False, False, None, None, None),  # in review, or earlier
        (False, True, DECIDED, None, "decided on 10/24/2016"),
        (True, False, DECIDED, "decided on 10/24/2016", None),
        (True, False, None, "was decided and its Final Determination Letter", None),
    ],
)
def test_each_stage_meets_its_answer(issued, in_qa, decided_on, refused, warned):
    stage = CaseFileStage("CM16-0400101", issued=issued, in_qa=in_qa, decided_on=decided_on)
    refusal, warning = receipt_refusal(stage), receipt_warning(stage)
    assert (refusal is None, warning is None) == (refused is None, warned is None)
    if refused:
        assert refused in refusal and "records are no longer accepted" in refusal
    if warned:
        assert warned in warning and "quality assurance" in warning
