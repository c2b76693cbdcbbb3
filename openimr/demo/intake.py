"""An application filed through intake on the day the demo loads, so that `make run` shows
the clocks running: the demo's other cases are imported decided or in review, their 2016 and
2017 clocks dropped (they would be years overdue), and the work queue had no deadline to show.
Filed once, under an idempotency key: a later load finds it and files nothing."""

from base64 import b64encode
from datetime import date, timedelta

from openimr.cases.intake_schema import parse_application
from openimr.cases.selectors import application_filed_with
from openimr.cases.services import application_submit
from openimr.core.clock import local_date, now
from openimr.demo.record_files import text_pdf

CLIENT, KEY = "demo", "demo-application-filed-today"
UR_LETTER = (
    "Utilization review determination\n\nRequest for authorization dated {rfa}: lumbar "
    "epidural steroid injection, L5-S1. The request is non-certified: the records do not "
    "document radiculopathy corroborated by imaging (MTUS, Chronic Pain Medical Treatment "
    "Guidelines, Epidural steroid injections, page 46)."
)

ADDRESSES = {
    "employee": "2417 Olive Avenue\nFresno, CA 93704",
    "requesting_physician": "1540 East Shaw Avenue, Suite 210\nFresno, CA 93710",
    "claims_administrator": "P.O. Box 24680\nSacramento, CA 95824",
    "attorney": "2300 Tulare Street, Suite 400\nFresno, CA 93721",
    "employer": "4620 East Jensen Avenue\nFresno, CA 93725",
}


def _application(today: date) -> dict[str, object]:
    """Filed today, ten days after a UR decision served by mail: well within the 35 days
    (LC 4610.5(h)(1); CCP 1013(a)), so it screens eligible."""
    ur, rfa = today - timedelta(days=10), today - timedelta(days=16)
    letter = text_pdf(UR_LETTER.format(rfa=rfa.isoformat()))
    return {
        "claim_number": "DEMO-2026-0415",
        # Each party with the postal address its notices and letter are mailed to (DWC Form
        # IMR's address blocks; the employer, served the letter only, LC 4610.6(f)), so the
        # print queue shows them addressed.
        "employee": {"name": "Rosa Delgado Marín", "address": ADDRESSES["employee"]},
        "date_of_injury": (today - timedelta(days=400)).isoformat(),
        "employer": {"name": "Central Valley Packing Co.", "address": ADDRESSES["employer"]},
        "ur_decision": {"date": ur.isoformat(), "service_method": "mail"},
        "requesting_physician": {
            "name": "Dr. Alan Whitford",
            "specialty": "Pain Medicine",
            "address": ADDRESSES["requesting_physician"],
        },
        "claims_administrator": {
            "name": "Golden State Claims Services, Inc.",
            "address": ADDRESSES["claims_administrator"],
        },
        "attorney": {"name": "Lena Ortiz, Esq.", "address": ADDRESSES["attorney"]},
        "treatments": [
            {
                "treatment": "Lumbar epidural steroid injection, L5-S1",
                "diagnosis": "Lumbar radiculopathy",
                "icd10": "M54.16",
                "category": "injections",
                "rfa_date": rfa.isoformat(),
            }
        ],
        "signature": {
            "signed_by": "Rosa Delgado Marín",
            "role": "employee",
            "date": today.isoformat(),
        },
        "ur_decision_document": {
            "filename": "ur-decision.pdf",
            "content_base64": b64encode(letter).decode("ascii"),
        },
    }


def demo_application_file() -> str:
    """File the demo's application as the web form would (once); its case number. Looked
    up first: a later day's load builds it with that day's dates, another application that
    the key would refuse."""
    filed = application_filed_with(client=CLIENT, idempotency_key=KEY)
    if filed is not None:
        return str(filed.case.case_number)
    at = now()
    form = parse_application(_application(local_date(at)))
    submitted = application_submit(
        form=form, via="web", actor="demo", client=CLIENT, idempotency_key=KEY, at=at
    )
    return str(submitted.application.case.case_number)
