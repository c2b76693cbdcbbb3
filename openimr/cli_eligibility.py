"""`openimr eligibility check`: one application file screened offline, by the same rules
and the same reading of its UR decision as intake, with no database."""

import argparse
import json
from typing import Any

from openimr.core.errors import InvalidInput


def cmd_eligibility_check(args: argparse.Namespace) -> int:
    """Screen one application file offline: no database, so no prior-review or duplicate
    check (those need the IMRO's records); everything else is the same rules, and the
    attached UR decision is checked as intake checks it."""
    from openimr.cases.domain.deadlines import filing_deadline
    from openimr.cases.domain.eligibility import ScreeningContext, screen
    from openimr.cases.intake_schema import (
        parse_application_json,
        received_date_problems,
        to_domain,
    )
    from openimr.cli import read_text_input
    from openimr.cli_intake import _json_default, day_option
    from openimr.programs.loader import load_program

    today = day_option(args.today, "--today")
    # Text first: a file that is not UTF-8 ended in a traceback from the JSON reader.
    try:
        form = parse_application_json(read_text_input(args.file, "APPLICATION.json", "utf-8-sig"))
    except InvalidInput as exc:
        raise exc.located(args.file) from exc
    # As the API and the web form refuse them: a UR decision or a signature after the day of
    # receipt was screened as if it could be (and could come out eligible).
    if problems := received_date_problems(form, today):
        raise InvalidInput(problems).located(args.file)
    _ur_decision_checked(form, args.file)
    app = to_domain(form, received_on=today, attached=form.ur_decision_document is not None)
    program = load_program()
    result = screen(app, ScreeningContext(), program)
    filing = filing_deadline(app.ur_decision_date, app.ur_service_method, program)
    report = {
        "outcome": result.outcome.value,
        "reasons": [{"code": r.code, "text": r.text, "source": r.source} for r in result.reasons],
        "deadlines": {
            filing.name: {"due": filing.due, "rule": filing.rule, "source": filing.source}
        },
    }
    if args.json:
        print(json.dumps(report, default=_json_default, indent=2))
    else:
        print(f"{result.outcome.value}; last day to apply {filing.due}")
        for reason in result.reasons:
            print(f"  - {reason.text} ({reason.source})")
    return 0


def _ur_decision_checked(form: Any, name: str) -> None:
    """The attached UR decision refused as the web form and the API refuse it (not a PDF,
    encrypted, empty, too large, damaged), naming the application file and the document:
    an attachment that was no PDF at all had been screened as "attached" and could come
    out eligible. Read in the same sandbox, under the same limits; no database is opened."""
    if form.ur_decision_document is None:
        return
    from openimr.cli_intake import _django

    _django(migrated=False)
    from openimr.cases.services import ur_decision_read

    try:
        ur_decision_read(form, named=True)
    except InvalidInput as exc:
        raise exc.located(name) from exc


def register(groups: Any) -> None:
    elig = groups.add_parser("eligibility", help="eligibility screening")
    elig_cmds = elig.add_subparsers(dest="command", required=True)
    check = elig_cmds.add_parser("check", help="screen an application file (no database)")
    check.add_argument("file", metavar="APPLICATION.json")
    check.add_argument("--today", metavar="YYYY-MM-DD", help="the date of receipt (default: today)")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(handler=cmd_eligibility_check)
