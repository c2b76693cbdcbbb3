"""A case imported whole with its claim number, on the dispute of the shared application
(`application_doc`): the same claim written another way, the same UR decision, the same
first two treatments. Shared by the screening tests of cases/ and api/."""

import copy
from typing import Any

import time_machine

from openimr.cases import services
from openimr.cases.interchange import case_from_document

IMPORTED = "CM24-0300017"
MRI = "MRI of the right knee without contrast"
PT = "Physical therapy, right knee, 12 sessions"
MRI_AS_IMPORTED = "mri of the Right Knee, without contrast"
# The application's claim is "SCIF-2024-118220": the import wrote it another way.
CLAIM = "scif 2024 118220"
IMPORT_DAY, ISSUE_DAY, FILING_DAY = "2024-03-18 17:00Z", "2024-03-19 17:00Z", "2024-03-20 17:00Z"
DATES = {
    "injury": "2023-06-14",
    "ur_decision": "2024-03-01",  # the application's UR decision
    "application_received": "2024-03-04",
    "assigned": "2024-03-05",
    "records_complete": "2024-03-08",
    "decision": "2024-03-15",
}


def case_doc(
    three_item_doc: dict[str, Any], *, decided: bool, number: str = IMPORTED, **dates: Any
) -> dict[str, Any]:
    """The shared three-item case (`three_item_doc`), moved onto the application's dispute:
    its first two items are the application's treatments, the MRI written otherwise; decided
    on March 15, 2024, or not yet (in review once imported)."""
    doc = copy.deepcopy(three_item_doc)
    doc["case_number"] = number
    doc["dates"] = {**DATES, **dates}
    doc["items"][0]["treatment"], doc["items"][1]["treatment"] = MRI_AS_IMPORTED, PT
    for item in doc["items"]:
        item["rfa_date"] = "2024-02-20"
        if not decided:
            item.update(decision=None, rationale=None, reviewer_basis=[])
    if not decided:
        doc["dates"]["decision"] = None
    return doc


def imported(doc: dict[str, Any], claim: str = CLAIM) -> None:
    """Import ``doc`` on March 18, 2024 with ``claim`` as its claim number ("" for none)."""
    with time_machine.travel(IMPORT_DAY, tick=False):
        services.case_import(case=case_from_document(doc), actor="clerk", claim_number=claim)
