"""One clerk's "Assign a reviewer" in a process of its own, as an app server would run it:
run by `test_two_clerks_assigning_one_case_at_once_assign_one_reviewer` and
`test_two_clerks_at_once_never_give_a_reviewer_more_cases_than_their_week_holds` as
``python -m openimr.reviewers.tests.assign_racing <role> <other role> <race.json> <signals>``
with the database and the stored files' folder in its environment.

Once matching has chosen its reviewer, the clerk waits (a few seconds at most) for the other
clerk's matching to have chosen too, so that both would write an assignment chosen while
neither was yet written: the window two clicks a moment apart leave. The race file names
each clerk's case (``cases``: one case for both, or one each). It prints what it did
as JSON: ``{"done": [reviewer ids]}``, ``{"refused": the message}`` or ``{"error": the
database's error}``."""

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from openimr.cases.tests.intake_racing import wait_for


def main(role: str, other: str, race: str, signals: str) -> None:
    import django

    django.setup()
    from django.db import DatabaseError

    from openimr.core.errors import OpenIMRError
    from openimr.reviewers import choosing, services

    folder, given = Path(signals), json.loads(Path(race).read_text(encoding="utf-8"))
    # Where the clerk waits: once ``match`` has read the panel's loads (``choosing``), or
    # once the whole choice is made (``services``).
    module = choosing if given.get("waits_in") == "choosing" else services
    name = "match" if module is choosing else "_match_for"
    matched = getattr(module, name)

    def matching(*args: Any, **kwargs: Any) -> Any:
        found = matched(*args, **kwargs)
        (folder / f"{role}-matched").touch()
        wait_for(folder / f"{other}-matched")
        return found

    setattr(module, name, matching)
    try:
        done = services.reviewer_assign(
            case_number=given["cases"][role], actor=role, at=datetime.fromisoformat(given["at"])
        )
        print(json.dumps({"done": [a.reviewer.reviewer_id for a in done]}))
    except OpenIMRError as exc:
        print(json.dumps({"refused": str(exc)}))
    except DatabaseError as exc:  # a deadlock or a serialization failure: said, not a trace
        print(json.dumps({"error": str(exc).strip()}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
