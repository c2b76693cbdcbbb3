"""What a deadline means to the people working it: when it runs out, whether it is overdue,
due within two days or on track, and the words staff read for each clock and status. A
work queue's filter and a case page's status use the same rule (`at_risk_until`), so they
never disagree. The deadlines themselves are counted in `deadlines.py`."""

from datetime import datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from openimr.cases.domain.deadlines import Deadline, require_aware

Status = Literal["overdue", "at_risk", "on_track"]
# A queue flags a deadline due within this many days (counted in local dates: today, and the
# next two) so that someone acts before it is missed.
AT_RISK_DAYS = 2


def due_instant(deadline: Deadline, timezone: str = "America/Los_Angeles") -> datetime:
    """When a deadline runs out: an hour clock at its instant, a day clock at the last
    instant of that local day (the whole last day is the party's, CCP 12). The last instant,
    not 23:59:59: the instants compared with it keep their microseconds, and records
    received at 23:59:59.4 on the last day came in time, not late."""
    if isinstance(deadline.due, datetime):
        return deadline.due
    return datetime.combine(deadline.due, time.max, tzinfo=ZoneInfo(timezone))


def at_risk_until(now: datetime, timezone: str = "America/Los_Angeles") -> datetime:
    """The last instant a deadline may run out and still be ``at_risk`` at ``now``: the end
    of the local day AT_RISK_DAYS after today. One rule for a deadline's status and for a
    work queue's filter on the stored due instants, so the two never disagree."""
    require_aware(now, "now")
    last = now.astimezone(ZoneInfo(timezone)).date() + timedelta(days=AT_RISK_DAYS)
    return due_instant(Deadline("at_risk", last, "", ""), timezone)


# What staff read for each clock and status; the names stay the data's (docs/clocks.md).
DEADLINE_LABELS = {
    "eligibility_information_due": "Eligibility information from a party",
    "noarfi_due": "Notice of Assignment",
    "records_due": "Records from the claims administrator",
    "determination_due": "Determination",
}
STATUS_LABELS = {
    "met": "Met",
    "on_track": "On track",
    "at_risk": "Due within 2 days",
    "overdue": "Overdue",
    # Not a status of a running clock: the case closed (withdrawn, screened out) first.
    "stopped": "Stopped: the case closed first",
}


def status_in_sentence(status: str) -> str:
    """A status's label as it reads inside a sentence, "(due within 2 days; 8 CCR ...)".
    The labels start with a capital for a table cell or a list, where they begin what is
    read; none starts with a name that keeps its capital."""
    label = STATUS_LABELS.get(status, status)
    return label[:1].lower() + label[1:]


def deadline_status(
    deadline: Deadline, now: datetime, timezone: str = "America/Los_Angeles"
) -> Status:
    """``overdue`` once the due instant (or the whole due day, in ``timezone``) has passed;
    ``at_risk`` when it runs out by the end of the day after tomorrow (`at_risk_until`), so
    a work queue shows it before it is missed; otherwise ``on_track``."""
    require_aware(now, "now")
    end = due_instant(deadline, timezone)
    if end < now:
        return "overdue"
    return "at_risk" if end <= at_risk_until(now, timezone) else "on_track"
