"""Realistic, seeded applications for the simulation: names, claims, treatments by the
DWC's category mix (pharmaceuticals about a third), and the usual defects."""

import base64
import io
import random
from datetime import date, datetime, timedelta
from functools import cache

from reportlab.pdfgen import canvas

from openimr.cases.intake_schema import ApplicationIn
from openimr.core.case import Decision

FIRST = (
    "Maria",
    "José",
    "Linh",
    "Aaliyah",
    "Tomás",
    "Priya",
    "Zoë",
    "Kwame",
    "Mei",
    "Olga",
    "Ahmed",
    "Grace",
)
LAST = (
    "García",
    "Nguyễn",
    "Smith",
    "Okafor",
    "Łukasiewicz",
    "Patel",
    "Johnson",
    "Kim",
    "Hernández",
    "Brooks",
)
EMPLOYERS = (
    "Valley Orchards Cooperative",
    "Harbor Freight Logistics LLC",
    "Sunrise Home Care",
    "City of Fresno",
)
ADMINISTRATORS = (
    "State Compensation Insurance Fund",
    "Golden State Claims Services, Inc.",
    "Pacific Mutual",
)
PHYSICIANS = (
    ("Dr. Ramón Ortega", "Orthopedic Surgery"),
    ("Dr. Priya Raghunathan", "Physical Medicine & Rehabilitation"),
    ("Dr. Samuel Okafor", "Psychiatry"),
    ("Dr. Helen Park", "Pain Medicine"),
)
# (treatment, diagnosis, ICD-10, category, weight): weights follow the DWC's published mix.
TREATMENTS = (
    ("Tramadol ER 100 mg #30", "Chronic low back pain", "M54.50", "pharmaceuticals", 12),
    ("Cyclobenzaprine 7.5 mg #60", "Lumbar strain", "S39.012A", "pharmaceuticals", 10),
    ("Lidocaine 5% patch #30", "Neuropathic pain", "M79.2", "pharmaceuticals", 11),
    ("Physical therapy, 12 sessions", "Shoulder strain", "S46.011A", "rehabilitation", 14),
    ("MRI of the lumbar spine", "Lumbar radiculopathy", "M54.16", "diagnostics", 10),
    ("Lumbar epidural steroid injection", "Lumbar radiculopathy", "M54.16", "injections", 8),
    ("Acupuncture, 6 sessions", "Neck pain", "M54.2", "acupuncture", 6),
    ("Chiropractic manipulation, 8 sessions", "Low back pain", "M54.50", "chiropractic", 6),
    ("TENS unit purchase", "Chronic pain", "G89.29", "dmepos", 8),
    ("Right knee arthroscopy", "Meniscus tear, right knee", "S83.241A", "surgery", 6),
    (
        "Cognitive behavioral therapy, 10 sessions",
        "Adjustment disorder",
        "F43.20",
        "behavioral_health",
        4,
    ),
    ("Functional restoration program", "Chronic pain syndrome", "G89.4", "programs", 3),
    (
        "Home health aide, 4 hours a day",
        "Status post knee replacement",
        "Z96.651",
        "home_health",
        2,
    ),
)


@cache
def _tiny_pdf() -> str:
    """A real one-page PDF standing for the UR decision letter, made once per process."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.drawString(72, 720, "Utilization Review Determination: request not certified.")
    page.save()
    return base64.b64encode(buffer.getvalue()).decode()


def _treatments(rng: random.Random) -> list[dict[str, str]]:
    count = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
    chosen = rng.sample(TREATMENTS, k=count, counts=[t[4] for t in TREATMENTS]) if count else []
    unique = {t[0]: t for t in chosen}.values()
    return [
        {
            "treatment": t,
            "diagnosis": d,
            "icd10": c,
            "category": k,
            "ur_outcome": rng.choice(("denied", "modified")),
        }
        for t, d, c, k, _ in unique
    ]


def application_for(rng: random.Random, day: date, at: datetime) -> ApplicationIn:
    """One application received on ``day``; about 10% carry a defect that screening catches."""
    defect = rng.choices(("none", "late", "unsigned", "no_ur", "cnc"), weights=(90, 4, 2, 2, 2))[0]
    served_by = rng.choices(("mail", "electronic"), weights=(55, 45))[0]
    filed_after = rng.randint(40, 60) if defect == "late" else rng.randint(1, 28)
    ur_date = day - timedelta(days=filed_after)
    physician = rng.choice(PHYSICIANS)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    doc = {
        "review_type": "expedited" if rng.random() < 0.02 else "regular",
        "claim_number": f"SIM-{rng.randrange(10**8):08d}",
        "employee": {"name": name},
        "date_of_injury": (ur_date - timedelta(days=rng.randint(20, 900))).isoformat(),
        "employer": {"name": rng.choice(EMPLOYERS)},
        "ur_decision": {"date": ur_date.isoformat(), "service_method": served_by},
        "requesting_physician": {"name": physician[0], "specialty": physician[1]},
        "claims_administrator": {"name": rng.choice(ADMINISTRATORS)},
        "treatments": _treatments(rng),
        "conditional_non_certification": defect == "cnc",
        "formulary_dispute": rng.random() < 0.03,
    }
    if defect != "unsigned":
        doc["signature"] = {
            "signed_by": name,
            "role": "employee",
            "date": (day - timedelta(days=1)).isoformat(),
        }
    if defect != "no_ur":
        doc["ur_decision_document"] = {"filename": "ur.pdf", "content_base64": _tiny_pdf()}
    return ApplicationIn.model_validate(doc)


def decisions_for(rng: random.Random, count: int) -> list[tuple[Decision, str]]:
    """About one denial in eight overturned, as in the DWC's recent reports."""
    return [
        (
            Decision.OVERTURNED if rng.random() < 0.127 else Decision.UPHELD,
            "Simulated determination.",
        )
        for _ in range(count)
    ]
