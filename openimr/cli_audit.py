"""`openimr audit verify`: check the audit trail's hash chain and name every event where it
breaks (changed, removed, inserted, reordered). Exit 0 when the trail is intact, 2 when not."""

import argparse
import json
import sys
from typing import Any

EXIT_BROKEN = 2
SHOWN = 50


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from openimr.cli import _django  # noqa: PLC0415

    _django()
    from openimr.audit.selectors import trail_verify  # noqa: PLC0415

    report = trail_verify()
    if args.json:
        body = {
            "ok": report.ok,
            "checked": report.checked,
            "problems": [
                {"event_id": p.event_id, "kind": p.kind, "message": p.message}
                for p in report.problems
            ],
        }
        print(json.dumps(body, indent=2))
    elif report.ok:
        print(f"audit trail intact: {report.checked:,} event(s), every link and hash checked")
    else:
        for problem in report.problems[:SHOWN]:
            print(f"error: {problem}", file=sys.stderr)
        more = len(report.problems) - SHOWN
        if more > 0:
            print(f"error: ... and {more:,} more problem(s)", file=sys.stderr)
        print(
            f"audit trail broken: {len(report.problems):,} problem(s) in"
            f" {report.checked:,} event(s)",
            file=sys.stderr,
        )
    return 0 if report.ok else EXIT_BROKEN


def register(groups: Any) -> None:
    audit = groups.add_parser("audit", help="the tamper-evident audit trail")
    commands = audit.add_subparsers(dest="command", required=True)
    verify = commands.add_parser(
        "verify", help="check the hash chain; name each changed, removed or reordered event"
    )
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(handler=cmd_audit_verify)
