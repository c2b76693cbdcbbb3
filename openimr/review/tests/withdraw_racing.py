"""A reviewer's submission and staff's withdrawal of that reviewer, each in a process of its
own as two app servers would run them: run by
`test_a_submission_and_a_withdrawal_at_once_never_both_succeed` as
``python -m openimr.review.tests.withdraw_racing <role> <other role> <race.json> <signals>``
(role ``submit`` or ``withdraw``) with the database and the stored files' folder in its
environment.

The submission passes the workspace's access check first, as the page's POST does. Where
the withdrawal lands is the race's ``landing``: ``access``, between that check and the
submission; ``reading``, once the submission has read the drafts it sends (the window a
submission reading them before its transaction left open). Each prints what it did as
JSON: ``{"done": ...}`` or ``{"refused": the message}``."""

import json
import sys
from pathlib import Path
from typing import Any

from openimr.cases.tests.intake_racing import wait_for


def _submit(given: dict[str, Any], folder: Path) -> str:
    from django.contrib.auth.models import User

    from openimr.review import selectors, submission

    user = User.objects.get(username=given["reviewer"])
    row = selectors.case_for_reviewer(user, given["case"], action="review.changed")

    def landed() -> None:
        (folder / "submit-checked").touch()
        wait_for(folder / "withdraw-done")

    if given["landing"] == "access":
        landed()
    else:
        lapse_problems = submission.lapse_problems

        def reading(*args: Any) -> Any:  # called once the drafts to send are read
            landed()
            return lapse_problems(*args)

        submission.lapse_problems = reading  # type: ignore[assignment]
    submission.determination_submit(row=row, actor=user)
    return "submitted"


def _withdraw(given: dict[str, Any], folder: Path) -> str:
    from django.contrib.auth.models import User

    from openimr.review.reassign import reviewer_withdraw

    wait_for(folder / "submit-checked")
    try:
        reviewer_withdraw(
            assignment_id=given["assignment"],
            actor=User.objects.get(username=given["staff"]),
            reason="The medical board suspended the license today.",
        )
    finally:
        (folder / "withdraw-done").touch()
    return "withdrawn"


def main(role: str, other: str, race: str, signals: str) -> None:
    import django

    django.setup()
    from openimr.core.errors import OpenIMRError

    given = json.loads(Path(race).read_text(encoding="utf-8"))
    act = _submit if role == "submit" else _withdraw
    try:
        print(json.dumps({"done": act(given, Path(signals))}))
    except OpenIMRError as exc:
        print(json.dumps({"refused": str(exc)}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
