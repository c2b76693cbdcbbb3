"""The five published letter layouts as blocks of content (layout names: LAYOUTS in
openimr/letters/parsing/__init__.py; descriptions: domain.md §6).

A block is ``(kind, payload)``: ``title``/``heading``/``para``/``line`` carry a string,
``fields`` a list of (label, value) pairs printed on one row, ``list`` numbered entries,
``break`` a page break. corpus_text.py prints blocks as text (clean or as PDF extraction
leaves it) and corpus_pdf.py typesets them; what a layout does not print here is not in
either.
"""

from typing import Any

from bench.corpus_credentials import STATES
from bench.corpus_identity import claim_number

ORG = "MAXIMUS Federal Services"
HOW_MADE = "HOW THE IMR FINAL DETERMINATION WAS MADE"
INDEPENDENCE = (
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
    "affiliation with the employer, employee, providers or the claims administrator."
)
PRACTICE = (
    "He/she has been in active clinical practice for more than five years and is currently "
    "working at least 24 hours a week in active practice."
)
SELECTION = (
    "The expert reviewer was selected based on his/her clinical experience, education, "
    "background, and expertise in the same or similar specialties that evaluate and/or treat "
    "the medical condition and disputed items/services. He/she is familiar with governing laws "
    "and regulations, including the strength of evidence hierarchy that applies to Independent "
    "Medical Review determinations."
)
SUMMARY_INTRO = (
    "The expert reviewer developed the following clinical case summary based on a review of "
    "the case file, including all medical records:"
)
ISSUES = "IMR ISSUES, DECISIONS AND RATIONALES"
ISSUES_INTRO = (
    "The Final Determination was based on decisions for the disputed items/services set forth "
    "below:"
)
MODIFIED = (
    "Utilization review modified the original request. The remaining IMR eligible portion of "
    "the original request,"
)
PRIORITY = {"standard": "Standard", "expedited": "Expedited", "formulary": "Formulary"}
UR_OUTCOME = {"denied": "Non-certified", "modified": "Modified", "delayed": "Delayed"}


def slash(iso: str | None) -> str:
    return f"{iso[5:7]}/{iso[8:10]}/{iso[:4]}" if iso else ""


def _states(case: dict[str, Any], sep: str = ", ") -> str:
    return sep.join(STATES.get(s, s) for s in case["reviewer"]["licensed_in"])


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def board_sentence(case: dict[str, Any]) -> str:
    """The 2013-2014 wording: "Board Certified in X, has a subspecialty in Y and is licensed
    to practice in Z"."""
    spec = case["reviewer"]["specialties"]
    text = f"The expert reviewer is Board Certified in {spec[0]}"
    if len(spec) > 1:
        text += f", has a subspecialty in {_and(spec[1:])}"
    states = [STATES.get(s, s) for s in case["reviewer"]["licensed_in"]]
    return text + f" and is licensed to practice in {_and(states)}."


def basis_line(basis: list[dict[str, Any]], party: str, style: str) -> str:
    """``Decision based on MTUS ...`` / ``... Non-MTUS Citation ...`` as the letters print
    them; several citations of one kind are joined with ", and " as the 2016 letters do."""
    mtus = [b["citation"] for b in basis if b["mtus"]]
    other = [b["citation"] for b in basis if not b["mtus"]]
    parts = []
    if mtus:
        parts.append("Decision based on MTUS " + ", and ".join(mtus) + ".")
    elif style == "2014":
        parts.append(f"{party} did not base their decision on the MTUS. ")
    else:
        parts.append(
            f"{party} based their decision on recommendation(s) outside of the MTUS Guidelines."
        )
    if other:
        parts.append("Decision based on Non-MTUS Citation " + ", and ".join(other) + ".")
    return " ".join(parts).replace("..", ".")


def _items_2014(case: dict[str, Any], style: str, sep: str) -> list[tuple[str, Any]]:
    blocks: list[tuple[str, Any]] = [("heading", ISSUES), ("para", ISSUES_INTRO)]
    for item in case["items"]:
        decision = item["decision"].capitalize()
        if style == "2016" and item["ur_outcome"] == "modified":
            # What UR approved is not in dispute; the heading names what remains (issue 6).
            blocks.append(("para", f"{MODIFIED} {item['treatment']} is: {decision}"))
        else:
            blocks.append(("line", f"{item['treatment']}:{sep}{decision}"))
        ca = basis_line(item["claims_administrator_basis"], "The Claims Administrator", style)
        rev = basis_line(item["reviewer_basis"], "The Expert Reviewer", style)
        blocks.append(("para", f"Claims Administrator guideline: {ca}"))
        blocks.append(("para", f"MAXIMUS guideline: {rev}"))
        blocks.append(("para", f"Decision rationale: {item['rationale']}"))
    return blocks


def _summary(case: dict[str, Any]) -> list[tuple[str, Any]]:
    return [("para", p) for p in (case["clinical_summary"] or "").split("\n\n") if p.strip()]


def fdl_2014(case: dict[str, Any]) -> list[tuple[str, Any]]:
    """The seed: no header block; specialty and state in the first paragraph."""
    how = f"{INDEPENDENCE} {board_sentence(case)} {PRACTICE} {SELECTION}"
    blocks = [("heading", HOW_MADE), ("para", how), ("heading", "CLINICAL CASE SUMMARY")]
    blocks += [("para", SUMMARY_INTRO), *_summary(case)]
    return blocks + _items_2014(case, "2014", "  ")


def fdl_2016(case: dict[str, Any]) -> list[tuple[str, Any]]:
    """The 2016-2017 letters: a header block and a credentials list."""
    d = case["dates"]
    blocks: list[tuple[str, Any]] = [
        ("fields", [("Case Number", case["case_number"])]),
        (
            "fields",
            [("Date Assigned", slash(d["assigned"])), ("Date of Injury", slash(d["injury"]))],
        ),
        (
            "fields",
            [("Decision Date", slash(d["decision"])), ("UR Denial Date", slash(d["ur_decision"]))],
        ),
        (
            "fields",
            [
                ("Priority", PRIORITY[case["priority"]]),
                ("Application Received", slash(d["application_received"])),
            ],
        ),
        ("heading", HOW_MADE),
        ("para", f"{INDEPENDENCE} {PRACTICE} {SELECTION}"),
        ("para", "The Expert Reviewer has the following credentials:"),
        ("line", f"State(s) of Licensure: {_states(case, ',')}"),
        ("line", "Certification(s)/Specialty: " + ", ".join(case["reviewer"]["specialties"])),
        ("heading", "CLINICAL CASE SUMMARY"),
        ("para", SUMMARY_INTRO),
        *_summary(case),
    ]
    return blocks + _items_2014(case, "2016", " ")


def notice_2013(case: dict[str, Any]) -> list[tuple[str, Any]]:
    """The 2013 notice: a cover letter with the numbered determinations, then the reviewer's
    qualifications, the case summary and each item's rationale."""
    d, items = case["dates"], case["items"]
    overturned = sum(i["decision"] == "overturned" for i in items)
    if overturned == 0:
        verdict = "UPHOLD. This means we decided that none of the disputed items/services are"
    elif overturned == len(items):
        verdict = "OVERTURN. This means we decided that all of the disputed items/services are"
    else:
        verdict = (
            "PARTIAL OVERTURN. This means we decided that some of the disputed items/services are"
        )
    name = case["employee"]["name"] or ""
    blocks: list[tuple[str, Any]] = [
        ("line", "MAXIMUS Federal Services, Inc."),
        ("line", "P.O. Box 138009"),
        ("line", "Sacramento, CA 95813-8009"),
        ("title", "Notice of Independent Medical Review Determination"),
        ("fields", [("Dated", slash(d["decision"]))]),
        ("fields", [("Employee", name)]),
        ("fields", [("Claim Number", claim_number(case))]),
        ("fields", [("Employer", case["employer"]["name"] or "")]),
        ("fields", [("Date of UR Decision", slash(d["ur_decision"]))]),
        ("fields", [("Date of Injury", slash(d["injury"]))]),
        ("fields", [("IMR Application Received", slash(d["application_received"]))]),
        ("fields", [("MAXIMUS Case Number", case["case_number"])]),
    ]
    if name:
        blocks.append(("para", f"Dear {name}:"))
    blocks += [
        (
            "para",
            "MAXIMUS Federal Services, Inc. has completed the Independent Medical Review "
            "(IMR) of the above workers' compensation case. This letter provides you with the IMR "
            "Final Determination and explains how the determination was made.",
        ),
        (
            "para",
            f"Final Determination: {verdict} medically necessary and appropriate. A "
            "detailed explanation of the decision for each of the disputed items/services is "
            "provided later in this letter.",
        ),
        (
            "para",
            "This decision is final and binding on all parties. It is the determination "
            "of the Administrative Director of the Division of Workers' Compensation.",
        ),
        ("line", "Sincerely,"),
        ("line", "Medical Director"),
        ("break", None),
        # The 2013 notices' decision section (wording as the published notices print it):
        # the filing, UR and assignment dates in one sentence, then each item's finding,
        # numbered "1)" like the rationales that follow the summary.
        ("heading", "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"),
        (
            "para",
            "An application for Independent Medical Review was filed on "
            f"{slash(d['application_received'])} disputing the Utilization Review Denial dated "
            f"{slash(d['ur_decision'])}. A Notice of Assignment and Request for Information was "
            f"provided to the above parties on {slash(d['assigned'])}. A decision has been made "
            "for each of the treatment and/or services that were in dispute:",
        ),
    ]
    for n, item in enumerate(items, 1):
        verb = "is" if item["decision"] == "overturned" else "is not"
        blocks.append(
            (
                "para",
                f"{n}) {ORG}, Inc. has determined the request for {item['treatment']} {verb} "
                "medically necessary and appropriate.",
            )
        )
    blocks += [
        ("heading", "Medical Qualifications of the Expert Reviewer"),
        (
            "para",
            "The independent Medical Doctor who made the decision has no affiliation with the "
            f"employer, employee, providers or the claims administrator. {board_sentence(case)} "
            f"{PRACTICE} {SELECTION}",
        ),
        ("heading", "Documents Reviewed for the Independent Medical Review"),
        ("list", [_document(doc) for doc in case["documents"]]),
        ("heading", "Expert Reviewer Case Summary"),
        *_summary(case),
    ]
    for n, item in enumerate(items, 1):
        blocks.append(("line", f"{n}) Regarding the request for {item['treatment']}:"))
        cited = (
            "Section of the Medical Treatment Utilization Schedule (MTUS) cited by the Claims "
            "Administrator:"
        )
        relied = (
            "Section of the Medical Treatment Utilization Schedule (MTUS) relied upon by "
            "the Expert Reviewer in making his/her decision:"
        )
        blocks += [
            ("line", "Rationale for the Decision:"),
            ("para", cited),
            (
                "para",
                basis_line(item["claims_administrator_basis"], "The Claims Administrator", "2014"),
            ),
            ("para", relied),
            ("para", basis_line(item["reviewer_basis"], "The Expert Reviewer", "2014")),
            ("para", f"Rationale: {item['rationale']}"),
        ]
    return blocks


def _document(doc: dict[str, Any]) -> str:
    text = doc["title"]
    if doc["date"]:
        text += f" dated {slash(doc['date'])}"
    if doc["author"]:
        text += f", by {doc['author']}"
    return text


def maximus_decisions(case: dict[str, Any]) -> list[tuple[str, Any]]:
    """The later MAXIMUS letter: a header table, the decisions up front, DOCUMENTS REVIEWED
    and IMR DECISION(S) AND RATIONALE(S)."""
    d = case["dates"]
    blocks: list[tuple[str, Any]] = [
        ("title", "MAXIMUS FEDERAL SERVICES, INC."),
        ("title", "Independent Medical Review"),
        ("line", "P.O. Box 138009, Sacramento, CA 95813-8009"),
        ("title", "FINAL DETERMINATION LETTER"),
        (
            "fields",
            [("IMR Case Number", case["case_number"]), ("Date of Injury", slash(d["injury"]))],
        ),
        (
            "fields",
            [
                ("Application Received", slash(d["application_received"])),
                ("UR Denial Date", slash(d["ur_decision"])),
            ],
        ),
        (
            "fields",
            [("Date Assigned", slash(d["assigned"])), ("Decision Date", slash(d["decision"]))],
        ),
        ("fields", [("Review Type", PRIORITY[case["priority"]])]),
    ]
    if case["employee"]["name"]:
        blocks.append(
            (
                "fields",
                [
                    ("Employee", case["employee"]["name"]),
                    ("Employer", case["employer"]["name"] or ""),
                ],
            )
        )
        blocks.append(("fields", [("Claim Number", claim_number(case))]))
    blocks.append(("para", "The Final Determination was based on the following decisions:"))
    blocks.append(
        ("list", [f"{i['treatment']}: {i['decision'].capitalize()}" for i in case["items"]])
    )
    blocks += [
        ("heading", HOW_MADE),
        ("para", f"{INDEPENDENCE} {PRACTICE} {SELECTION}"),
        ("line", "Board Certification(s): " + ", ".join(case["reviewer"]["specialties"])),
        ("line", f"State(s) of Licensure: {_states(case)}"),
        ("heading", "DOCUMENTS REVIEWED"),
        ("list", [_document(doc) for doc in case["documents"]]),
        ("heading", "CLINICAL CASE SUMMARY"),
        *_summary(case),
        ("heading", "IMR DECISION(S) AND RATIONALE(S)"),
    ]
    for n, item in enumerate(case["items"], 1):
        blocks += [
            ("line", f"Item {n}: {item['treatment']}"),
            ("line", f"Decision: {item['decision'].capitalize()}"),
            (
                "para",
                "Claims Administrator Guideline(s): "
                + basis_line(
                    item["claims_administrator_basis"], "The Claims Administrator", "2016"
                ),
            ),
            (
                "para",
                "Expert Reviewer Guideline(s): "
                + basis_line(item["reviewer_basis"], "The Expert Reviewer", "2016"),
            ),
        ]
        if item["why_not_mtus"]:
            blocks.append(("para", f"Reason the MTUS was not used: {item['why_not_mtus']}"))
        blocks.append(("para", f"Decision Rationale: {item['rationale']}"))
    return blocks
