"""The panel CSV importer: each row read and checked, the good ones stored (audited by
``store.reviewer_store``), the bad ones reported by line and column (docs/reviewers.md)."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from openimr.audit.services import Actor
from openimr.core.clock import local_date, now
from openimr.core.errors import InvalidInput, Problem
from openimr.reviewers.domain.panel import Reviewer
from openimr.reviewers.domain.specialties import SpecialtyTable, unknown_specialty
from openimr.reviewers.panel_csv import reviewer_from_csv_row
from openimr.reviewers.selectors import specialty_table
from openimr.reviewers.store import reviewer_store


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    rejected: list[tuple[int, list[Problem]]] = field(default_factory=list)
    # (reviewer_id, "kept 1 tie staff entered, ..."): what the file did not replace.
    kept: list[tuple[str, str]] = field(default_factory=list)


def _check_imported(
    reviewer: Reviewer, line: int, first_line: dict[str, int], today: date, table: SpecialtyTable
) -> None:
    """Refuse a reviewer listed twice in one file (the second would silently replace the
    first), a verification dated after today (a typed year of 2062 would keep the
    credentials "verified" for decades) and a specialty the specialty table does not know,
    under which matching would never choose the reviewer (LC 139.5(c); docs/reviewers.md)."""
    problems = [
        Problem(f"line {line}: specialties", why)
        for c in reviewer.certifications
        if (why := unknown_specialty(table, c.specialty))
    ]
    if reviewer.reviewer_id in first_line:
        said = f"{reviewer.reviewer_id!r} is also on line {first_line[reviewer.reviewer_id]}"
        problems.append(Problem(f"line {line}: reviewer_id", said))
    if reviewer.last_verified is not None and reviewer.last_verified > today:
        when = reviewer.last_verified.isoformat()
        problems.append(Problem(f"line {line}: last_verified", f"{when} is after today"))
    if problems:
        raise InvalidInput(problems)
    first_line[reviewer.reviewer_id] = line


def _records(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and each row with its number (the header is 1). A file the csv module cannot
    read to its end is refused whole before anything is stored, at the line where the broken
    row starts: a quote left open swallowed every row after it into one cell, reported as a
    control character in a name, and a cell past the csv field limit raised halfway through
    the import, the rows before it stored and the rows after it never read."""
    reader, rows, starts = csv.DictReader(io.StringIO(text), strict=True), [], 1
    try:
        header = list(reader.fieldnames or [])
        starts = reader.line_num + 1
        for number, row in enumerate(reader, start=2):
            rows.append((number, row))
            starts = reader.line_num + 1
    except csv.Error as exc:
        where = f"line {starts}"
        said = f"cannot be read as CSV ({exc}): a quote left open, or a cell far too long"
        raise InvalidInput(
            [Problem(where, f"{said}; nothing was imported")], "not a panel CSV"
        ) from exc
    return header, rows


def reviewers_import_csv(*, text: str, actor: Actor) -> ImportReport:
    """Import a panel CSV (columns in docs/reviewers.md). A row with impossible data is
    rejected with its line and field named; every other row imports. The report says, by
    reviewer, what staff entered that the file left standing (LC 139.5(d): a disclosed
    conflict is not lost by a routine import)."""
    report = ImportReport()
    header, rows = _records(text)
    if "reviewer_id" not in header or "name" not in header:
        # Not a panel file at all (another CSV, a PDF, a spreadsheet): said once, not as a
        # report of nothing imported.
        raise InvalidInput(
            [
                Problem(
                    "line 1",
                    "is not a panel CSV header: it must name the columns "
                    "reviewer_id, name, specialties, ... (docs/reviewers.md)",
                )
            ],
            "not a panel CSV",
        )
    first_line: dict[str, int] = {}
    today, table = local_date(now()), specialty_table()
    for line, row in rows:
        try:
            reviewer = reviewer_from_csv_row(row, line)
            _check_imported(reviewer, line, first_line, today, table)
        except InvalidInput as exc:
            report.rejected.append((line, list(exc.problems)))
            continue
        if said := reviewer_store(reviewer=reviewer, actor=actor).said():
            report.kept.append((reviewer.reviewer_id, said))
        report.imported.append(reviewer.reviewer_id)
    if not report.imported and not report.rejected:
        raise InvalidInput([Problem("line 2", "the file names its columns but holds no reviewer")])
    return report
