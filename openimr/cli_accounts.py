"""`openimr accounts sessions|end-sessions|unlock-second-factor`: what an administrator does
for an account from a terminal, over the same services as the admin site (each audited with
the actor ``cli``). A session is shown by its handle, never its key (openimr.accounts.selectors)."""

import argparse
import json
from typing import Any

ACTOR = "cli"


def _user(username: str) -> Any:
    from openimr.cli import _django  # noqa: PLC0415 (Django is set up on first use)

    _django()
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    from openimr.core.errors import NotFound  # noqa: PLC0415

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(f"no user {username}: check the username (the admin site lists them)")
    return user


def _when(at: Any) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at is not None else "-"


def cmd_sessions(args: argparse.Namespace) -> int:
    user = _user(args.username)
    from openimr.accounts.selectors import sessions_of_user  # noqa: PLC0415

    found = sessions_of_user(user=user)
    if args.json:
        rows = [
            {
                "handle": s.handle,
                "browser": s.browser,
                "logged_in_at": s.logged_in_at.isoformat() if s.logged_in_at else None,
                "seen_at": s.seen_at.isoformat() if s.seen_at else None,
            }
            for s in found
        ]
        print(json.dumps(rows, indent=2))
        return 0
    for s in found:
        print(
            f"{s.handle}  signed in {_when(s.logged_in_at)}  seen {_when(s.seen_at)}  {s.browser}"
        )
    print(f"{len(found)} open session(s) of {user.get_username()}")
    return 0


def cmd_end_sessions(args: argparse.Namespace) -> int:
    user = _user(args.username)
    from openimr.accounts.services import user_sessions_end  # noqa: PLC0415

    count = user_sessions_end(user=user, why="ended from the command line", actor=ACTOR)
    print(f"{user.get_username()}: {count} session(s) ended")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    user = _user(args.username)
    from openimr.accounts.services import second_factor_unlock  # noqa: PLC0415

    if second_factor_unlock(user=user, actor=ACTOR):
        print(f"{user.get_username()}: two-step verification unlocked")
    else:
        print(f"{user.get_username()}: two-step verification was not locked; nothing changed")
    return 0


def register(groups: Any) -> None:
    accounts = groups.add_parser("accounts", help="sign-in: sessions and the second factor")
    cmds = accounts.add_subparsers(dest="command", required=True)
    listing = cmds.add_parser(
        "sessions", help="an account's open sessions (handle, times, browser)"
    )
    listing.add_argument("username")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_sessions)
    end = cmds.add_parser("end-sessions", help="end every open session of an account at once")
    end.add_argument("username")
    end.set_defaults(handler=cmd_end_sessions)
    unlock = cmds.add_parser(
        "unlock-second-factor",
        help="lift the lock after 100 wrong codes in a row (check it is the owner who asks)",
    )
    unlock.add_argument("username")
    unlock.set_defaults(handler=cmd_unlock)
