"""`openimr clocks timeliness`: the staff page's timeliness report (/cases/timeliness/) as
data a state agency or a compliance officer can fetch on a schedule: a table to read, the
whole report as JSON, or the page's monthly CSV to the byte."""

import argparse
import sys
from datetime import datetime
from typing import Any

from openimr.cli_output import print_json
from openimr.core.errors import InvalidInput, Problem

# Imports inside the functions, as in the other command modules: Django loads only for the
# commands that need it.


def _report(args: argparse.Namespace) -> Any:
    """The page's report over the same months, every missed deadline named (the page's cap
    of LATE_LISTED is for a page). A refused month is named at its option."""
    from openimr.cli import _django

    _django()
    from openimr.cases.selectors import timeliness_report
    from openimr.core.clock import now

    at = now()
    try:
        return timeliness_report(first=args.first, last=args.last, at=at), at
    except InvalidInput as exc:
        raise InvalidInput([Problem(f"--{p.path}", p.message) for p in exc.problems]) from exc


def _audit(report: Any, shape: str) -> None:
    """The table and the JSON name the case of each missed deadline, so each is a
    ``list.viewed`` event naming those cases and who ran the command, written before they
    are printed, as the staff page's showing is (HIPAA 45 CFR 164.312(b)). The CSV counts
    months and names no case."""
    from openimr.audit.services import audit_list_viewed
    from openimr.cli import _os_user

    audit_list_viewed(
        actor="cli",
        page="clocks timeliness",
        cases=[missed.case_number for missed in report.late],
        detail={"from": report.first, "to": report.last, "as": shape, "os_user": _os_user()},
    )


def cmd_clocks_timeliness(args: argparse.Namespace) -> int:
    report, at = _report(args)
    if not args.csv:
        _audit(report, "json" if args.json else "table")
    if args.json:
        print_json(_as_json(report, at))
    elif args.csv:
        from openimr.cases.selectors import timeliness_csv

        sys.stdout.buffer.write(timeliness_csv(report).encode("utf-8"))
        sys.stdout.flush()
    else:
        print(_as_table(report))
    return 0


def _share(row: Any) -> float | None:
    """To four places as the CSV writes it (a half up); a number, or null for no share."""
    return float(row.on_time_rounded(4)) if row.on_time_share is not None else None


def _as_json(report: Any, at: Any) -> dict[str, Any]:
    from openimr.cases.domain.deadline_status import DEADLINE_LABELS

    months = [
        {
            "month": r.month,
            "clock": r.name,
            "deadline": DEADLINE_LABELS.get(r.name, r.name),
            "due": r.due,
            "on_time": r.on_time,
            "late": r.late,
            "overdue": r.overdue,
            "pending": r.pending,
            "on_time_share": _share(r),
        }
        for r in report.months
    ]
    missed = [
        {
            "case_number": m.case_number,
            "clock": m.outcome.name,
            "deadline": DEADLINE_LABELS.get(m.outcome.name, m.outcome.name),
            "due": m.outcome.due.isoformat(),
            "due_at": m.outcome.due_at.isoformat(),
            "met_at": m.outcome.met_at.isoformat() if m.outcome.met_at else None,
            "status": m.outcome.status,
            "claims_administrator": m.claims_administrator,
        }
        for m in report.late
    ]
    administrators = [
        {"name": name, "records_due": due, "records_late_or_overdue": late}
        for name, due, late in report.administrators
    ]
    return {
        "from": report.first,
        "to": report.last,
        "as_of": at.isoformat(),
        "months": months,
        "missed_total": report.late_total,
        "missed": missed,
        "administrators": administrators,
    }


def _as_table(report: Any) -> str:
    from openimr.cases.domain.deadline_status import DEADLINE_LABELS

    lines = [f"Deadlines that fell due from {report.first} to {report.last}"]
    if not report.months:
        return "\n".join([*lines, "No deadline fell due in these months."])
    lines.append(
        f"{'month':<8} {'deadline':<38} {'due':>6} {'on time':>7} {'late':>6} "
        f"{'overdue':>7} {'pending':>7} {'on time %':>9}"
    )
    for r in report.months:
        share = r.on_time_rounded(1, percent=True) + ("%" if r.on_time_share is not None else "")
        label = DEADLINE_LABELS.get(r.name, r.name)
        lines.append(
            f"{r.month:<8} {label:<38} {r.due:>6} {r.on_time:>7} {r.late:>6} "
            f"{r.overdue:>7} {r.pending:>7} {share:>9}"
        )
    lines += ["", f"{report.late_total} deadline(s) met late or overdue"]
    for m in report.late:
        due = _due_text(m.outcome)
        label = DEADLINE_LABELS.get(m.outcome.name, m.outcome.name)
        lines.append(f"  {m.case_number:<16} {label:<38} due {due:<25} {m.outcome.status}")
    if report.administrators:
        lines += ["", "Claims administrators with records late or overdue (records due, missed)"]
        lines += [f"  {name}: {due}, {late}" for name, due, late in report.administrators]
    return "\n".join(lines)


def _due_text(outcome: Any) -> str:
    """A day deadline's day; an hour deadline's instant in California, as the page shows it:
    its UTC form (``2026-04-21T16:00:00+00:00``) read as seven hours later to staff."""
    from openimr.core.clock import CALIFORNIA

    if isinstance(outcome.due, datetime):
        return outcome.due_at.astimezone(CALIFORNIA).strftime("%Y-%m-%d %H:%M %Z")
    return str(outcome.due.isoformat())


def register(clocks_cmds: Any) -> None:
    timeliness = clocks_cmds.add_parser(
        "timeliness",
        help="the deadlines that fell due in a span of months, met on time, late or overdue",
    )
    timeliness.add_argument(
        "--from",
        dest="first",
        metavar="YYYY-MM",
        help="the first month (default: two months before this one)",
    )
    timeliness.add_argument(
        "--to", dest="last", metavar="YYYY-MM", help="the last month (default: this one)"
    )
    shape = timeliness.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="the whole report as JSON")
    shape.add_argument("--csv", action="store_true", help="the monthly table as the page's CSV")
    timeliness.set_defaults(handler=cmd_clocks_timeliness)
