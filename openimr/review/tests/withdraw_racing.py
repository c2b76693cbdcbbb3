"""A reviewer's write (the submission to QA, an item's decision, the clinical summary) and
staff's withdrawal of that reviewer, each in a process of its own as two app servers would
run them: run by `test_a_submission_and_a_withdrawal_at_once_never_both_succeed` and
`test_a_save_and_a_withdrawal_at_once_never_leave_the_work_on_the_case` as
``python -m openimr.review.tests.withdraw_racing <role> <other role> <race.json> <signals>``
(role ``submit``, ``item``, ``summary``, ``attest`` (then the item) or ``withdraw``) with
the database and the stored files' folder in its environment.

The write passes the workspace's access check first, as the page's POST does. Where the
withdrawal lands is the race's ``landing``: ``access``, between that check and the write;
``reading``, once the submission has read the drafts it sends (the window a submission
reading them before its transaction left open); ``writing``, once a save has locked and
read all it decides on and is about to write. With ``attest`` the withdrawal goes first: it
reads the assignment, then waits before locking the case while the reviewer attests and
saves the item; with ``attesting`` the withdrawal lands while the attestation holds the
assignment's row, before it states the reviewer's qualifications on the case; with
``withdrawing`` the withdrawal holds the case's lock while the reviewer comes to attest.
Each prints what it did as JSON: ``{"done": ...}``, ``{"refused": the message}`` or
``{"error": the database's error}``."""

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from openimr.cases.tests.intake_racing import database_back, database_url, racer, wait_for

RACE_SECONDS = 90


def race(folder: Path, writer: str, landing: str, **given: Any) -> tuple[dict, dict]:
    """Runs ``writer`` (a role) and the withdrawal of the reviewer's assignment (``given``:
    ``case``, ``assignment``, ``reviewer``, ``staff`` and what the write needs) in two
    processes on the test's database, the withdrawal landing at ``landing``; what each
    printed, the writer's first. What they wrote is in the test's database after."""
    path = folder / "race.json"
    path.write_text(json.dumps({**given, "landing": landing}), encoding="utf-8")
    url = database_url(folder)
    racers = [
        racer(__name__, role, other, path, folder, url=url)
        for role, other in ((writer, "withdraw"), ("withdraw", writer))
    ]
    written, withdrawn = (
        json.loads(p.communicate(timeout=RACE_SECONDS)[0].splitlines()[-1]) for p in racers
    )
    database_back(folder)
    return written, withdrawn


def _landed(folder: Path) -> None:
    (folder / "write-checked").touch()
    wait_for(folder / "withdraw-done")


def _write(role: str, given: dict[str, Any], folder: Path) -> str:
    from django.contrib.auth.models import User

    from openimr.core.case import Citation, Decision
    from openimr.review import selectors, services, submission
    from openimr.reviewers.services import assignment_attest

    user = User.objects.get(username=given["reviewer"])
    if role == "attest" and given["landing"] == "attesting":
        from openimr.reviewers import services as reviewer_services

        qualified = reviewer_services.case_services.case_add_reviewer_qualifications

        def attesting(**called: Any) -> Any:  # the attestation holds the assignment's row
            _landed(folder)
            return qualified(**called)

        reviewer_services.case_services = SimpleNamespace(  # type: ignore[assignment]
            case_add_reviewer_qualifications=attesting
        )
    if role == "attest":  # then the item, as the reviewer's first save
        if given["landing"] == "attest":
            wait_for(folder / "withdraw-read")
        elif given["landing"] == "withdrawing":
            wait_for(folder / "withdraw-locked")
        assignment_attest(
            assignment_id=given["assignment"], actor=user, no_conflict=True, statement=""
        )
        role = "item"
    row = selectors.case_for_reviewer(user, given["case"], action="review.changed")
    if given["landing"] == "access":
        _landed(folder)
    elif given["landing"] in ("attest", "attesting", "withdrawing"):
        pass
    elif given["landing"] == "reading":
        lapse_problems = submission.lapse_problems

        def reading(*args: Any) -> Any:  # called once the drafts to send are read
            _landed(folder)
            return lapse_problems(*args)

        submission.lapse_problems = reading  # type: ignore[assignment]
    else:
        name = "case_summary_write" if role == "summary" else "case_item_write"
        write = getattr(services, name)

        def writing(**called: Any) -> Any:  # called once the save holds what it locks
            _landed(folder)
            return write(**called)

        setattr(services, name, writing)
    if role == "submit":
        submission.determination_submit(row=row, actor=user)
        return "submitted"
    if role == "summary":
        services.summary_save(row=row, text=given["summary"], actor=user)
        return "saved"
    item = given["item"]
    basis = tuple(Citation(c["mtus"], c["citation"]) for c in item["reviewer_basis"])
    entry = services.ItemInput(
        0, Decision(item["decision"]), basis, item["why_not_mtus"] or "", item["rationale"]
    )
    services.item_save(row=row, entry=entry, actor=user)
    return "saved"


def _withdraw(given: dict[str, Any], folder: Path) -> str:
    from django.contrib.auth.models import User

    from openimr.review.reassign import reviewer_withdraw

    if given["landing"] in ("attest", "withdrawing"):
        from openimr.review import reassign

        locked = reassign.case_locked

        def locking(case_number: str) -> Any:
            if given["landing"] == "attest":  # the assignment read, the case not locked yet
                (folder / "withdraw-read").touch()
                wait_for(folder / "write-done")
                return locked(case_number)
            row = locked(case_number)  # held until the reviewer's attestation waits for it
            (folder / "withdraw-locked").touch()
            wait_for(folder / "write-done")
            return row

        reassign.case_locked = locking  # type: ignore[assignment]
    else:
        wait_for(folder / "write-checked")
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
    from django.db import DatabaseError

    from openimr.core.errors import OpenIMRError
    from openimr.core.tests.lock_waits import NeverBlocked

    given = json.loads(Path(race).read_text(encoding="utf-8"))
    try:
        if role == "withdraw":
            done = _withdraw(given, Path(signals))
        else:
            try:
                done = _write(role, given, Path(signals))
            finally:
                (Path(signals) / "write-done").touch()
        print(json.dumps({"done": done}))
    except OpenIMRError as exc:
        print(json.dumps({"refused": str(exc)}))
    except (DatabaseError, NeverBlocked) as exc:  # a deadlock, say: said, not a traceback
        print(json.dumps({"error": str(exc).strip()}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
