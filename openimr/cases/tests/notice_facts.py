"""The facts of one notice for tests that render a notice straight from its facts, each
party's copy: the case, parties and dates they share, with what a test is about given."""

from openimr.letters.domain.notices import NoticeFacts


def notice_facts(**about: object) -> NoticeFacts:
    shared: dict[str, object] = {
        "case_number": "CM24-0000001",
        "claim_number": "C-1",
        "employee_name": "Rosa Delgado",
        "claims_administrator": "Acme",
        "requesting_physician": "Dr. A",
        "ur_decision_date": "March 1, 2024",
        "application_received": "March 20, 2024",
        "expedited": False,
        "treatments": ("MRI",),
    }
    return NoticeFacts(**{**shared, **about})  # type: ignore[arg-type]
