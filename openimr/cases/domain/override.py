"""The reason a staff override gives the parties (8 CCR 9792.10.3): staff's written words,
framed in the wording each party's copy of the notice reads in its role, as the screening
rules' reasons are (`openimr.core.addressing`)."""

from openimr.cases.domain.eligibility import Outcome, Reason
from openimr.core.addressing import address, literal

_FOUND = {
    Outcome.INELIGIBLE: "who found it not eligible for Independent Medical Review",
    Outcome.DEFERRED: "who found that its review must wait",
}


def override_reason(outcome: Outcome, written: str) -> Reason:
    """The reason staff give for setting an application ineligible or deferred by hand
    (8 CCR 9792.10.3(a), (d)). The notice that carries it is served on every party, and staff
    cannot know who reads it: the frame names the application as each reader knows it ("your
    application", "your client's application", "the application filed by your patient"),
    and staff's words follow as written, braces and all. Its ``text`` is the worker's
    reading, as for every other reason."""
    if outcome not in _FOUND:
        raise ValueError(f"an override to {outcome.value} gives no reason")
    wording = (
        f"{{Application}} was screened again by the staff of the IMR organization, "
        f"{_FOUND[outcome]}, for this reason: {literal(written.strip())}"
    )
    return Reason("staff_override", address(wording, "employee", ""), "8 CCR 9792.10.3", wording)
