"""Notices before the determination, as letter content: the Notice of Assignment and Request
for Information (8 CCR 9792.10.4(b)) and the notices of ineligibility or deferral
(8 CCR 9792.10.3), the request to a party for information about eligibility
(8 CCR 9792.10.3(c)), and the notice that a review became expedited (8 CCR 9792.10.4(c)). The
same renderers as the letter turn them into text, HTML and PDF."""

from dataclasses import dataclass

from openimr.core.addressing import address, addressed
from openimr.letters.domain.content import BulletList, Field, Letter, Paragraph, Section
from openimr.letters.domain.template import LetterTemplate


@dataclass(frozen=True)
class NoticeFacts:
    case_number: str
    claim_number: str
    employee_name: str
    claims_administrator: str
    requesting_physician: str
    ur_decision_date: str
    application_received: str
    expedited: bool
    treatments: tuple[str, ...]
    records_due: str = ""
    reasons: tuple[str, ...] = ()
    # The reasons are wordings with the placeholders of `addressed`, read by each party in
    # its role; False in a notice issued before, whose reasons were written to the worker
    # and read as issued on every copy.
    reasons_worded: bool = False
    last_day: str = ""
    sent_on: str = ""
    # One per treatment, "not stated" where unknown; empty in the facts of a notice issued
    # before the date was kept, which therefore reads as it was issued.
    rfa_dates: tuple[str, ...] = ()
    # A drug-formulary dispute (LC 4610.6(d)(1)(A)); False in a notice issued before it was kept.
    formulary: bool = False
    # A request for eligibility information (8 CCR 9792.10.3(c)): the party asked, by role
    # and in words ("the claims administrator (Acme Insurance)"), what staff wrote is
    # needed, and by when.
    party_role: str = ""
    party_asked: str = ""
    information: str = ""
    information_due: str = ""
    # The last day to apply about the UR decision had passed when the notice was written
    # (`openimr.cases.domain.eligibility.filing_period_over`): a notice of ineligibility then
    # invites no new application. False in a notice issued before it was kept.
    filing_closed: bool = False


def _header(facts: NoticeFacts) -> tuple[Field, ...]:
    return (
        Field("Case Number", facts.case_number),
        Field("Date", facts.sent_on),
        Field("Claim Number", facts.claim_number),
        Field("Employee", facts.employee_name),
        Field("Claims Administrator", facts.claims_administrator),
        Field("Requesting Physician", facts.requesting_physician),
        Field("UR Decision Date", facts.ur_decision_date),
        Field("Application Received", facts.application_received),
        Field("Review", _track(facts)),
    )


def _track(facts: NoticeFacts) -> str:
    return "Expedited" if facts.expedited else "Formulary" if facts.formulary else "Regular"


def _values(facts: NoticeFacts, t: LetterTemplate, reader: str = "") -> dict[str, str]:
    asked = "you" if reader and reader == facts.party_role else facts.party_asked
    return {
        **addressed(reader, facts.employee_name),
        "organization": str(t.get("organization.name")),
        "case_number": facts.case_number,
        "records_due": facts.records_due,
        "last_day": facts.last_day,
        "application_received": facts.application_received,
        "party_asked": asked,
        "information_due": facts.information_due,
    }


def _letter(
    facts: NoticeFacts, t: LetterTemplate, kind: str, sections: tuple[Section, ...]
) -> Letter:
    return Letter(
        organization=str(t.get("organization.name")),
        title=t.text(f"{kind}.title"),
        case_number=facts.case_number,
        header=_header(facts),
        sections=(*sections, Section("CONTACT", (Paragraph(t.text("organization.address")),))),
    )


def _identified(facts: NoticeFacts, t: LetterTemplate) -> tuple[str, ...]:
    """Each disputed treatment with the date of its Request for Authorization, "if
    available" (8 CCR 9792.10.4(b)(2)); the requesting physician and the UR decision date
    are in the header."""
    if len(facts.rfa_dates) != len(facts.treatments):
        return facts.treatments
    return tuple(
        t.text("noarfi.treatment", treatment=treatment, rfa_date=rfa_date)
        for treatment, rfa_date in zip(facts.treatments, facts.rfa_dates, strict=True)
    )


def build_noarfi(facts: NoticeFacts, t: LetterTemplate, reader: str = "") -> Letter:
    """Contents per 8 CCR 9792.10.4(b): the organization, the disputed treatment with its
    RFA date, the requesting physician and the UR decision date, the application date, the
    track (regular, expedited, or a drug-formulary dispute's shorter one, LC 4610.6(d)(1)(A)),
    and the records due and by when."""
    v = _values(facts, t, reader)
    track = t.text(f"noarfi.track_{_track(facts).lower()}")
    assignment = Section("ASSIGNMENT", (Paragraph(t.text("noarfi.intro", **v)), Paragraph(track)))
    disputed = Section("DISPUTED TREATMENT", (BulletList(_identified(facts, t)),))
    records = Section(
        "RECORDS REQUESTED",
        (
            Paragraph(t.text("noarfi.records_request", **v)),
            BulletList(tuple(t.get("noarfi.records"))),
            Paragraph(t.text("noarfi.others", **v)),
        ),
    )
    return _letter(facts, t, "noarfi", (assignment, disputed, records))


def build_screening_notice(
    facts: NoticeFacts, t: LetterTemplate, kind: str, reader: str = ""
) -> Letter:
    """The notice of ineligibility or deferral, with every reason in plain words
    (8 CCR 9792.10.3), and what the employee can do: a notice of ineligibility invites a
    corrected application by the last day to apply (LC 4610.5(h)(1)), only while that day
    has not passed."""
    v = _values(facts, t, reader)
    said = facts.reasons
    if facts.reasons_worded:
        said = tuple(address(r, reader, facts.employee_name) for r in facts.reasons)
    reasons = Section("REASONS", (Paragraph(t.text(f"{kind}.intro", **v)), BulletList(said)))
    disputed = Section("DISPUTED TREATMENT", (BulletList(facts.treatments),))
    # A new application "by" a day already past could only be refused again as late.
    closed = kind == "ineligible" and facts.filing_closed
    after_key = f"{kind}.after_closed" if closed else f"{kind}.after"
    after = Section("WHAT YOU CAN DO", (Paragraph(t.text(after_key, **v)),))
    return _letter(facts, t, kind, (reasons, disputed, after))


def build_conversion_notice(facts: NoticeFacts, t: LetterTemplate, reader: str = "") -> Letter:
    """The review became expedited (8 CCR 9792.10.4(c)): the parties are told, with the
    records' new due date while they are still awaited, since the Notice of Assignment
    they hold gives a later one."""
    v = _values(facts, t, reader)
    records = t.text("converted.records" if facts.records_due else "converted.records_in", **v)
    conversion = Section(
        "EXPEDITED REVIEW", (Paragraph(t.text("converted.intro", **v)), Paragraph(records))
    )
    disputed = Section("DISPUTED TREATMENT", (BulletList(facts.treatments),))
    return _letter(facts, t, "converted", (conversion, disputed))


def as_written(text: str) -> tuple[Paragraph, ...]:
    """What staff wrote, "printed on the request as written": a paragraph for each run of
    lines between blank lines, each line kept on its own (a numbered list prints as a list),
    its trailing blanks dropped."""
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            paragraphs[-1].append(line.rstrip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return tuple(Paragraph("\n".join(p), as_written=True) for p in paragraphs if p)


def build_information_request(facts: NoticeFacts, t: LetterTemplate, reader: str = "") -> Letter:
    """A request to one party for what screening needs (8 CCR 9792.10.3(c)): what is asked,
    as staff wrote it, the day it is due and where to send it, and that eligibility is
    decided on what is on file if nothing arrives; that the application is on hold
    meanwhile, and, when another party is asked, that the employee is served a copy."""
    v = _values(facts, t, reader)
    asked = Section(
        "INFORMATION REQUESTED",
        (
            Paragraph(t.text("information_request.intro", **v)),
            *as_written(facts.information),
            Paragraph(t.text("information_request.send", **v)),
        ),
    )
    hold = t.text("information_request.on_hold", **v)
    if facts.party_role != "employee":
        hold = f"{t.text('information_request.copy', **v)} {hold}"
    after = Section(
        "IF NOTHING ARRIVES",
        (Paragraph(t.text("information_request.otherwise", **v)), Paragraph(hold)),
    )
    disputed = Section("DISPUTED TREATMENT", (BulletList(facts.treatments),))
    return _letter(facts, t, "information_request", (asked, after, disputed))
