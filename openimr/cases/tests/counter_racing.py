"""One intake batch in a process of its own, as an app server would run it: run by
`test_two_batches_across_new_year_in_opposite_order_both_commit` as
``python -m openimr.cases.tests.counter_racing <role> <other role> <batch.json> <signals>``
with the database in its environment; the batch is a list of {"at", "application"}.

Once it holds its first case-number counter the batch waits for the other batch to hold
its own first one, or to wait for this one's lock (`intake_racing.wait_for`), so that each
holds one year's counter while it asks for the other's, the order in which two batches
could deadlock; without the screening lock (`intake_racing.unscreened`). It prints the case
numbers it filed as JSON, or the database's error."""

import json
import sys
from datetime import datetime
from pathlib import Path

from openimr.cases.tests.intake_racing import receive, unscreened, wait_for


def main(role: str, other: str, batch: str, signals: str) -> None:
    import django

    django.setup()
    from openimr.cases.intake_schema import parse_application
    from openimr.cases.services import intake

    folder, counter, held = Path(signals), intake._counter, []

    def holding(year: int):  # type: ignore[no-untyped-def]
        found = counter(year)
        held.append(year)
        if len(held) == 1:
            (folder / f"{role}-held").touch()
            wait_for(folder / f"{other}-held")
        return found

    intake._counter = holding  # type: ignore[assignment]
    unscreened(intake)
    given = json.loads(Path(batch).read_text(encoding="utf-8"))
    filings = [
        intake.Filing(parse_application(f["application"]), datetime.fromisoformat(f["at"]))
        for f in given
    ]
    receive(role, filings)


if __name__ == "__main__":
    main(*sys.argv[1:5])
