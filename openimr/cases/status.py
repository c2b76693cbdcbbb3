"""Where a case stands, for a party to it (`openimr.cases.domain.party_status`): the stage,
what happens next, and the next due date of its clocks. Read through the selectors. It
holds no name of any party, and never the reviewer's (LC 4610.6(f)): whichever party asks,
the answer is the same."""

import hmac
from datetime import date, datetime
from typing import Any

from openimr.cases import models
from openimr.cases.clocks import due_instant, open_deadlines
from openimr.cases.domain.claims import normalise_claim
from openimr.cases.domain.deadline_status import DEADLINE_LABELS, deadline_status
from openimr.cases.domain.lifecycle import State
from openimr.cases.domain.party_status import stage_of
from openimr.core.clock import now
from openimr.core.errors import NotFound

# The same answer for no such case and for a claim number or date of injury that does not
# match: a guess learns nothing of which it got wrong.
NO_MATCH = "no case matches that case number, claim number and date of injury"


def case_status(case_number: str, at: datetime | None = None) -> dict[str, Any]:
    """NotFound for no such case; callers check first that the asker is a party to it."""
    row = models.Case.objects.filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    moment, state = at or now(), State(row.state)
    stage = stage_of(state)
    pending = sorted(open_deadlines(row), key=due_instant)
    return {
        "case_number": row.case_number,
        "state": row.state,
        "stage": stage.words,
        "next": stage.next,
        "source": stage.source,
        "received_on": row.date_application_received,
        "decided_on": row.date_decision if state is State.ISSUED else None,
        "next_due": _due(pending[0], moment) if pending else None,
    }


def _due(deadline: Any, moment: datetime) -> dict[str, Any]:
    return {
        "name": deadline.name,
        "what": DEADLINE_LABELS.get(deadline.name, deadline.name),
        "due": deadline.due,
        "status": deadline_status(deadline, moment),
        "source": deadline.source,
    }


def case_status_for_party(
    *, case_number: str, claim_number: str, date_of_injury: date
) -> dict[str, Any]:
    """The status of a case for whoever gives its claim number and the employee's date of
    injury with its case number: what every party to it knows, and the published,
    de-identified decisions never print (the claim number). A filed case holds them on its
    application; a case imported whole, on itself when its document gave a claim number
    (`openimr.cases.import_claim`). NotFound (`NO_MATCH`) otherwise, and for a case imported
    without one, which holds no claim number to compare."""
    on_file = _claim_on_file(case_number)
    given = normalise_claim(claim_number).encode()
    if (
        on_file is None
        or not given
        or not hmac.compare_digest(normalise_claim(on_file[0]).encode(), given)
        or on_file[1] != date_of_injury
    ):
        raise NotFound(NO_MATCH)
    return case_status(case_number)


def _claim_on_file(case_number: str) -> tuple[str, date | None] | None:
    """(claim number, date of injury) of the case: its application's, or for a case imported
    whole its own; None for no such case."""
    found = models.Case.objects.select_related("application").filter(case_number=case_number)
    row = found.first()
    if row is None:
        return None
    app = getattr(row, "application", None)
    if app is not None:
        return app.claim_number, app.date_of_injury
    return row.claim_number, row.date_injury
