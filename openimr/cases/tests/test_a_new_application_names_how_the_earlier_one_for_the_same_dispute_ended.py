"""A second application about a UR decision already on file was told "That application is
the one we review, so this copy is closed", code ``duplicate``, whatever had become of the
first: a first one terminated because the claims administrator authorized the treatment is
reviewed by nobody, and one whose letter issued was decided. Each is now said as it ended:
terminated, ``already_authorized`` (8 CCR 9792.10.6(a)); decided, ``already_decided`` alone;
withdrawn, not held against the new one; still under way, ``duplicate``."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import time_machine

from openimr.cases import models, services
from openimr.cases.domain.eligibility import ScreeningContext, screen
from openimr.cases.domain.lifecycle import State
from openimr.cases.tests.conftest import decided_through_intake, filed
from openimr.cases.tests.test_eligibility import EARLIER, GOOD, PROGRAM
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db

LATER = datetime(2024, 3, 27, 17, 0, tzinfo=UTC)  # a week after the first was received


def _codes(row: models.Case) -> list[str]:
    return [r["code"] for r in row.application.reasons]


@pytest.mark.usefixtures("intake_day")
def test_a_copy_of_a_terminated_application_says_the_treatment_was_authorized(application_doc):
    first = filed(application_doc)
    services.case_close(row=first, target=State.TERMINATED, actor="clerk", note="MRI authorized")
    again = filed(application_doc)
    assert again.state == "ineligible"
    assert _codes(again) == ["already_authorized"]
    (reason,) = again.application.reasons
    assert f"reference {first.case_number}" in reason["text"]
    assert "ended on March 20, 2024 because the claims administrator authorized" in reason["text"]
    assert "the one we review" not in reason["text"] and "duplicate" not in reason["text"]
    assert reason["source"] == "8 CCR 9792.10.6(a); 8 CCR 9792.10.3(a)(2)"


@pytest.mark.usefixtures("intake_day")
def test_a_copy_of_a_withdrawn_application_is_screened_on_its_own(application_doc):
    first = filed(application_doc)
    services.case_close(row=first, target=State.WITHDRAWN, actor="clerk", note="worker withdrew")
    assert filed(application_doc).state == "eligible"


@pytest.mark.usefixtures("intake_day")
def test_a_copy_of_an_application_under_review_is_still_its_duplicate(application_doc):
    first = filed(application_doc)
    again = filed(application_doc)
    assert _codes(again) == ["duplicate"]
    assert (
        f"reference {first.case_number}. That application is the one we review"
        in (again.application.reasons[0]["text"])
    )


def test_a_copy_of_a_decided_application_is_said_to_be_decided_not_under_review(
    application_doc,
):
    first = decided_through_intake(application_doc, datetime(2024, 3, 20, 17, tzinfo=UTC))
    with time_machine.travel(datetime(2024, 3, 26, 17, tzinfo=UTC), tick=False):
        letter_issue(case_number=first.case_number, actor="qa")
    assert models.Case.objects.get(pk=first.pk).state == "issued"
    with time_machine.travel(LATER, tick=False):
        again = filed(application_doc, at=LATER)
    treatments = len(application_doc["treatments"])
    assert _codes(again) == ["already_decided"] * treatments
    assert all("the one we review" not in r["text"] for r in again.application.reasons)


@pytest.mark.parametrize(
    ("state", "codes"),
    [
        (None, ["duplicate"]),
        (State.SCREENING, ["duplicate"]),
        (State.DEFERRED, ["duplicate"]),
        (State.IN_REVIEW, ["duplicate"]),
        (State.QA, ["duplicate"]),
        (State.TERMINATED, ["already_authorized"]),
        (State.ISSUED, []),  # already_decided says it, from the decided items
    ],
)
def test_each_state_of_the_one_on_file_gets_its_own_words(state, codes):
    on_file = replace(EARLIER, state=state, ended_on=date(2024, 5, 15))
    result = screen(GOOD, ScreeningContext(received=(on_file,)), PROGRAM)
    assert [r.code for r in result.reasons] == codes
    assert all(r.source.startswith("8 CCR ") for r in result.reasons)
