"""The "MEDICAL PROFESSIONAL REVIEW" layout (domain.md §6): ISSUE AT DISPUTE first, the
reviewer's guidelines and why, the rationale, and the reviewer's qualifications last. It
prints the UR outcome, the patient's age and sex and the reviewer's years and hours of
practice, but not the claims administrator's guidelines.
"""

from typing import Any

from bench.corpus_credentials import STATES
from bench.corpus_layouts import PRIORITY, UR_OUTCOME, basis_line, slash

GUIDELINES = "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY"
RATIONALE = "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY"
MTUS_FIRST = (
    "The MTUS addresses the request and was applied first, as the strength of evidence "
    "hierarchy requires."
)
VERDICT = {
    "upheld": "UPHELD. The requested treatment/service is not medically necessary.",
    "overturned": "OVERTURNED. The requested treatment/service is medically necessary.",
}


def _document(doc: dict[str, Any]) -> str:
    who = f" ({doc['author']})" if doc["author"] else ""
    return f"{slash(doc['date']) or 'Undated'}: {doc['title']}{who}"


def _qualifications(case: dict[str, Any]) -> str:
    rev = case["reviewer"]
    states = ", ".join(STATES.get(s, s) for s in rev["licensed_in"])
    text = (
        f"The professional reviewer is board certified in {', '.join(rev['specialties'])} and "
        f"holds an active, non-restricted license to practice in {states}."
    )
    if rev["years_in_practice"] is not None:
        text += f" The reviewer has {rev['years_in_practice']} years of clinical practice"
    else:
        text += " The reviewer has more than five years of clinical practice"
    if rev["weekly_hours"] is not None:
        text += f" and currently practices {rev['weekly_hours']:g} hours a week."
    else:
        text += " and currently practices at least 24 hours a week."
    return text + (
        " The reviewer has no material professional, familial or financial conflict of "
        "interest with any party to this review."
    )


def professional_review(case: dict[str, Any]) -> list[tuple[str, Any]]:
    d, emp = case["dates"], case["employee"]
    patient = f"{emp['age']} year old {emp['sex']}" if emp["age"] is not None else ""
    blocks: list[tuple[str, Any]] = [
        ("title", "MEDICAL PROFESSIONAL REVIEW"),
        ("title", "Independent Medical Review - California Division of Workers' Compensation"),
        (
            "fields",
            [("Case Number", case["case_number"]), ("Review Type", PRIORITY[case["priority"]])],
        ),
        (
            "fields",
            [("Date of Injury", slash(d["injury"])), ("UR Decision Date", slash(d["ur_decision"]))],
        ),
        (
            "fields",
            [
                ("Application Received", slash(d["application_received"])),
                ("Date Assigned", slash(d["assigned"])),
            ],
        ),
        ("fields", [("Determination Date", slash(d["decision"])), ("Patient", patient)]),
        ("heading", "ISSUE AT DISPUTE"),
    ]
    for n, item in enumerate(case["items"], 1):
        blocks += [
            ("line", f"{n}. {item['treatment']}"),
            ("line", f"Utilization Review: {UR_OUTCOME[item['ur_outcome']]}"),
            ("line", f"Determination: {VERDICT[item['decision']]}"),
        ]
    blocks.append(("heading", "CASE SUMMARY"))
    blocks += [("para", p) for p in (case["clinical_summary"] or "").split("\n\n") if p.strip()]
    blocks.append(("heading", "DOCUMENTS REVIEWED FOR DETERMINATION"))
    blocks.append(("list", [_document(doc) for doc in case["documents"]]))
    blocks.append(("heading", GUIDELINES))
    for n, item in enumerate(case["items"], 1):
        blocks.append(("line", f"{n}. {item['treatment']}"))
        blocks.append(("para", basis_line(item["reviewer_basis"], "The reviewer", "2016")))
        if item["why_not_mtus"]:
            blocks.append(("para", f"Why the MTUS was not used: {item['why_not_mtus']}"))
        elif any(b["mtus"] for b in item["reviewer_basis"]):
            blocks.append(("para", MTUS_FIRST))
    blocks.append(("heading", RATIONALE))
    for n, item in enumerate(case["items"], 1):
        blocks.append(("line", f"{n}. {item['treatment']}"))
        blocks.append(("para", item["rationale"]))
    blocks.append(("heading", "MEDICAL REVIEWER QUALIFICATIONS"))
    blocks.append(("para", _qualifications(case)))
    return blocks
