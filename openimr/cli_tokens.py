"""`openimr tokens create|list|revoke`: API tokens for clients (a claims administrator's
portal). The secret is printed once, at creation; only its SHA-256 is kept."""

import argparse
import json
import sys
from typing import Any

from openimr.api.domain.scopes import CLAIMS_ADMINISTRATOR_SCOPES, SCOPES


def _django() -> None:
    from openimr.cli import _django as setup

    setup()


def cmd_create(args: argparse.Namespace) -> int:
    _django()
    from openimr.api.services import token_create

    scopes = tuple(args.scope or CLAIMS_ADMINISTRATOR_SCOPES)
    print(
        token_create(
            name=args.name,
            username=args.user,
            scopes=scopes,
            administrator=args.administrator,
            actor="cli",
            days=args.days,
        )
    )
    print(
        f"Scopes: {', '.join(scopes)}. Keep this token now: it is stored only as a hash and "
        "cannot be shown again. `openimr tokens list` shows when it expires.",
        file=sys.stderr,
    )
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    _django()
    from openimr.cases.services import administrator_register

    done = administrator_register(
        name=args.administrator,
        username=args.user,
        actor="cli",
        address=_lines(args.address),
        email=args.email,
    )
    print(f"{done.username} acts for {done.name}; {done.cases_linked} more case(s) linked")
    return 0


def _lines(address: str | None) -> str | None:
    # A shell argument cannot easily hold a line break: "|" separates the address's lines.
    return None if address is None else "\n".join(p.strip() for p in address.split("|"))


def cmd_contact(args: argparse.Namespace) -> int:
    if args.address is None and args.email is None:  # the command's own mistake: no database
        from openimr.core.errors import InvalidInput, Problem

        raise InvalidInput([Problem("--address, --email", "give --address, --email or both")])
    _django()
    from openimr.cases.services import administrator_contact_set

    now_set = administrator_contact_set(
        name=args.administrator, actor="cli", address=_lines(args.address), email=args.email
    )
    address = now_set["address"].replace("\n", " | ") or "none"
    print(f"{args.administrator}: address {address}; e-mail {now_set['email'] or 'none'}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    _django()
    from openimr.api.selectors import token_list
    from openimr.core.clock import now

    rows, at = token_list(include_revoked=not args.active), now()
    if args.json:
        print(json.dumps([_json(row, at) for row in rows], indent=2))
        return 0
    for row in rows:
        state = _state_words(row, at)
        scopes = " ".join(row.scopes)
        used = f"used {row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never used"
        print(
            f"{row.name:<24} {row.prefix}…  {row.username:<16} {state:<18} {used:<21} {scopes}"
            f"  [{row.administrator or 'no claims administrator'}]"
        )
    return 0


def _state_words(row: Any, at: Any) -> str:
    state = row.state(at)
    if state == "revoked":
        return f"revoked {row.revoked_at:%Y-%m-%d}"
    if row.expires_at is None:
        return state
    return f"{'expired' if state == 'expired' else 'expires'} {row.expires_at:%Y-%m-%d}"


def _json(row: Any, at: Any) -> dict[str, Any]:
    return {
        "state": row.state(at),
        "name": row.name,
        "user": row.username,
        "claims_administrator": row.administrator or None,
        "prefix": row.prefix,
        "scopes": list(row.scopes),
        "created_at": row.created_at.isoformat(),
        "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
        "expires_at": row.expires_at.isoformat() if row.expires_at else None,
        "last_used_at": row.last_used_at.isoformat() if row.last_used_at else None,
    }


def cmd_revoke(args: argparse.Namespace) -> int:
    _django()
    from openimr.api.services import token_revoke

    token_revoke(name=args.name, actor="cli")
    print(f"revoked {args.name}")
    return 0


def _contact_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--address",
        metavar="TEXT",
        help='postal address, its lines apart by "|" ("" clears it): where letters and '
        "notices are mailed when a case gives none for the administrator",
    )
    command.add_argument("--email", metavar="ADDR", help='e-mail for the same ("" clears it)')


def register(groups: Any) -> None:
    tokens = groups.add_parser("tokens", help="API tokens of clients")
    cmds = tokens.add_subparsers(dest="command", required=True)
    create = cmds.add_parser("create", help="create a token (its secret is printed once)")
    create.add_argument("name", help="the client's name, unique")
    create.add_argument(
        "--user", required=True, metavar="USERNAME", help="the account the client acts as"
    )
    create.add_argument(
        "--scope",
        action="append",
        choices=SCOPES,
        help="a scope to grant; repeat for several (default: a claims administrator's five)",
    )
    create.add_argument(
        "--administrator",
        metavar="NAME",
        help="register the account as this claims administrator's (as cases name it), so "
        "the token reaches that administrator's case files",
    )
    create.add_argument(
        "--days",
        type=int,
        metavar="N",
        help="how many days the token works, 1 to 3660 (default: OPENIMR_API_TOKEN_DAYS, 90)",
    )
    create.set_defaults(handler=cmd_create)
    register_cmd = cmds.add_parser(
        "register",
        help="register an account as a claims administrator's and link the cases naming it",
    )
    register_cmd.add_argument("user", help="the account the administrator's tokens act as")
    register_cmd.add_argument("administrator", help="the administrator's name, as cases name it")
    _contact_options(register_cmd)
    register_cmd.set_defaults(handler=cmd_register)
    contact = cmds.add_parser(
        "contact",
        help="set where a registered claims administrator's letters go when a case gives none",
    )
    contact.add_argument("administrator", help="the registered administrator's name")
    _contact_options(contact)
    contact.set_defaults(handler=cmd_contact)
    listing = cmds.add_parser(
        "list",
        help="every token: name, prefix, user, state (and when it expires), last use, scopes",
    )
    listing.add_argument(
        "--active", action="store_true", help="leave revoked and expired tokens out"
    )
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    revoke = cmds.add_parser("revoke", help="revoke a token at once")
    revoke.add_argument("name")
    revoke.set_defaults(handler=cmd_revoke)
