"""Case + template → Letter. Pure: the same case and template give the same letter."""

import re
from collections.abc import Callable, Iterator
from datetime import date

from openimr.core.case import Case, Decision, Document, Item
from openimr.letters.domain.content import (
    APPEAL,
    DOCUMENTS,
    HOW_MADE,
    ISSUES,
    SERVED,
    SUMMARY,
    Block,
    BulletList,
    Field,
    Letter,
    Paragraph,
    Section,
)
from openimr.letters.domain.extras import REFERENCES, Citations, LetterExtras, citations
from openimr.letters.domain.guidelines import CLAIMS_ADMINISTRATOR, EXPERT_REVIEWER, guideline_line
from openimr.letters.domain.template import LetterTemplate

StateName = Callable[[str], str]
NOT_STATED = "Not stated"


def long_date(value: date | None) -> str:
    """``February 19, 2014``: how published letters write dates in prose."""
    return f"{value:%B} {value.day}, {value.year}" if value else NOT_STATED


def short_date(value: date | None) -> str:
    """``11/18/2016``: the header block's form."""
    return f"{value:%m/%d/%Y}" if value else NOT_STATED


def series(words: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def organization_names(case: Case, template: LetterTemplate) -> tuple[str, str]:
    """The issuing organization and its short name for the ``<short> guideline:`` line.
    A case imported from another organization keeps its name; its short name is its first
    word ("MAXIMUS Federal Services" → "MAXIMUS"), as those letters print it."""
    own = template.get("organization.name")
    name = case.organization.name or own
    short = template.get("organization.short_name") if name == own else name.split()[0]
    return name, short


def _header(case: Case) -> tuple[Field, ...]:
    d = case.dates
    return (
        Field("Case Number", case.case_number),
        Field("Date Assigned", short_date(d.assigned)),
        Field("Date of Injury", short_date(d.injury)),
        Field("Decision Date", short_date(d.decision)),
        Field("UR Denial Date", short_date(d.ur_decision)),
        Field("Priority", case.priority.label),
        Field("Application Received", short_date(d.application_received)),
    )


_COUNTS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def count_word(count: int) -> str:
    """``two``: how the letter spells a small number of reviewers in prose."""
    return _COUNTS.get(count, str(count))


def none_of(count: int) -> str:
    """``Neither of them`` for two reviewers, ``None of them`` for more: English says
    "neither" of two, and a letter reads as written by people who know it."""
    return "Neither of them" if count == 2 else "None of them"


def reviewers_key(key: str, reviewers: int) -> str:
    """The template key of a paragraph about the reviewer: its ``_several`` form when more
    than one reviewer decided the case, each the items of their specialty (LC 139.5(c))."""
    return f"{key}_several" if reviewers > 1 else key


def _how_made(
    case: Case, t: LetterTemplate, organization: str, state_name: StateName, reviewers: int
) -> Section:
    rev = case.reviewer

    def text(key: str, **values: str) -> str:
        return t.text(reviewers_key(f"how_made.{key}", reviewers), **values)

    if rev.specialties and rev.licensed_in:
        states = series([state_name(code) for code in rev.licensed_in])
        credentials = text("credentials", specialties=series(list(rev.specialties)), states=states)
    else:
        credentials = text("credentials_unknown")
    texts = (
        text(
            "independence",
            organization=organization,
            count=count_word(reviewers),
            none_of_them=none_of(reviewers),
        ),
        credentials,
        text("practice"),
        text("selection", organization=organization),
    )
    return Section(HOW_MADE, (Paragraph(" ".join(texts)),))


def written(text: str, refs: Citations) -> list[str]:
    """The paragraphs of what the reviewer wrote (a summary, a rationale), apart by a blank
    line, each with its reference numbers and its own line breaks: a list the reviewer wrote
    ("1. ...", "- ...") prints as a list, not run into one line."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    lines = ("\n".join(s.strip() for s in p.splitlines() if s.strip()) for p in paragraphs)
    return [refs.cite(p) for p in lines if p]


def _reviewers_paragraph(text: str, refs: Citations, label: str | None = None) -> Paragraph:
    return Paragraph(text, label=label, cites=bool(refs.numbers), as_written="\n" in text)


def _summary(case: Case, t: LetterTemplate, refs: Citations, reviewers: int) -> Section:
    text = (case.clinical_summary or "").strip() or t.text("summary.missing")
    paragraphs = [_reviewers_paragraph(p, refs) for p in written(text, refs)]
    intro = Paragraph(t.text(reviewers_key("summary.intro", reviewers)))
    return Section(SUMMARY, (intro, *paragraphs))


def why_label(cites_mtus: bool, t: LetterTemplate) -> str:
    """The label of the reviewer's reason for a non-MTUS source, in the letter and on every
    page that shows the reason. Beside an MTUS citation the reason says why a lower source
    was also needed (the MTUS silent on one aspect, 8 CCR 9792.21.1), not why the MTUS was
    not used: the line above says it was."""
    return t.text("issues.beyond_mtus_label" if cites_mtus else "issues.why_not_mtus_label")


def _why_label(item: Item, t: LetterTemplate) -> str:
    return why_label(any(c.mtus for c in item.reviewer_basis), t)


def _item_blocks(item: Item, t: LetterTemplate, short: str, refs: Citations) -> Iterator[Block]:
    verdict = item.decision.label if item.decision else t.text("issues.undecided")
    yield Paragraph(f"{item.treatment}: {verdict}", role="item")
    yield Paragraph(
        guideline_line(item.claims_administrator_basis, CLAIMS_ADMINISTRATOR),
        label="Claims Administrator guideline:",
    )
    yield Paragraph(
        guideline_line(item.reviewer_basis, EXPERT_REVIEWER), label=f"{short} guideline:"
    )
    if item.why_not_mtus and item.why_not_mtus.strip():
        yield Paragraph(item.why_not_mtus.strip(), label=_why_label(item, t))
    for index, text in enumerate(written(item.rationale or "", refs)):
        yield _reviewers_paragraph(text, refs, "Decision rationale:" if index == 0 else None)


def _issues(
    case: Case, t: LetterTemplate, short: str, extras: LetterExtras, refs: Citations
) -> Section:
    blocks: list[Block] = [Paragraph(t.text("issues.intro"))]
    for item in case.items:
        blocks.extend(_item_blocks(item, t, short, refs))
    if any(i.decision is Decision.OVERTURNED for i in case.items):
        blocks.append(Paragraph(t.text("issues.overturned_note"), role="note"))
        # The dates themselves (8 CCR 9792.10.7(a)), counted from the day of service.
        blocks.extend(Paragraph(sentence, role="note") for sentence in extras.deadlines)
    return Section(ISSUES, tuple(blocks))


def _references(t: LetterTemplate, listed: tuple[str, ...]) -> tuple[Section, ...]:
    """The record pages the summary and rationales cite, numbered as the text cites them."""
    if not listed:
        return ()
    entries = tuple(entry.split("] ", 1)[1] for entry in listed)
    intro = Paragraph(t.text("references.intro"))
    return (Section(REFERENCES, (intro, BulletList(entries, ordered=True, anchor="ref"))),)


def document_line(doc: Document, t: LetterTemplate) -> str:
    """Title, author and date of one record: parties asked for each record by author and
    date, never a date range (domain.md §6)."""
    author = doc.author or t.text("documents.no_author")
    when = long_date(doc.date) if doc.date else t.text("documents.no_date")
    return f"{doc.title}, {author}, {when}"


def _documents(case: Case, t: LetterTemplate, reviewers: int) -> Section:
    if not case.documents:
        return Section(DOCUMENTS, (Paragraph(t.text("documents.empty")),))
    ordered = sorted(case.documents, key=lambda d: (d.date or date.max, d.title))
    lines = tuple(document_line(d, t) for d in ordered)
    intro = Paragraph(t.text(reviewers_key("documents.intro", reviewers)))
    return Section(DOCUMENTS, (intro, BulletList(lines)))


def _appeal(t: LetterTemplate) -> Section:
    """The appeal rights: the determination binds all parties (LC 4610.6(g)); a verified
    petition to the WCAB within 30 days of service, 5 more when served by mail (LC 4610.6(h);
    CCP 1013(a)), on the five grounds of LC 4610.6(h) only. The words are the template's."""
    paragraphs = [Paragraph(text) for text in t.get("appeal.paragraphs")]
    grounds = BulletList(tuple(t.get("appeal.grounds")), ordered=True)
    return Section(APPEAL, (*paragraphs, grounds, Paragraph(t.text("appeal.after"))))


def _served(case: Case, t: LetterTemplate) -> Section:
    physician = case.requesting_physician
    parties = [
        ("Employee", case.employee.name),
        ("Employee's attorney", case.attorney.name),
        ("Employer", case.employer.name),
        ("Claims administrator", case.claims_administrator.name),
        (
            "Requesting physician",
            physician.name and ", ".join(filter(None, [physician.name, physician.specialty])),
        ),
    ]
    lines = tuple(f"{role}: {name}" for role, name in parties if name)
    lines = lines or ("The employee and the claims administrator",)
    return Section(SERVED, (Paragraph(t.text("served.intro")), BulletList(lines)))


def build_letter(
    case: Case,
    template: LetterTemplate,
    state_name: StateName,
    extras: LetterExtras | None = None,
) -> Letter:
    """The Final Determination Letter's content, sections in the seed's order first
    (HOW..., CLINICAL CASE SUMMARY, IMR ISSUES...), then what parties asked for: the
    documents reviewed, the record pages cited (when the sentences carry sources), the
    appeal rights (LC 4610.6(h)) and the parties served. An amended letter says so in its
    title and names the letter it amends in its header."""
    extras = extras or LetterExtras()
    organization, short = organization_names(case, template)
    refs = citations(extras.provenance)
    title = template.text("amended.title" if extras.amends else "title")
    return Letter(
        organization=organization,
        title=title,
        case_number=case.case_number,
        header=(*_header(case), *extras.amends),
        sections=(
            _how_made(case, template, organization, state_name, extras.reviewers),
            _summary(case, template, refs, extras.reviewers),
            _issues(case, template, short, extras, refs),
            _documents(case, template, extras.reviewers),
            *_references(template, refs.listed),
            _appeal(template),
            _served(case, template),
        ),
    )
