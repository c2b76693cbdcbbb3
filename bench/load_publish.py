"""The letters an IMR organization publishes while its server is in service, for
`bench/load.py --publish-every S`: one generated letter stored in the corpus every S seconds
through the corpus's own store (openimr.decisions.services.store, as ingest and issuance
store theirs), in this process, beside the server's.

Each one moves the corpus's version stamp (migration decisions/0005), as a real publication
does: the server's kept search pages and precedent panels then lag behind by at most
``OPENIMR_CORPUS_LAG_SECONDS`` (openimr.decisions.corpus) instead of being emptied.

Run by bench/load.py as `python -m bench.load_publish --every S --seed N`, with the server's
environment; stops at SIGTERM and prints how many letters it stored and its CPU time."""

import argparse
import hashlib
import json
import signal
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _publish_one(case: dict[str, Any]) -> bool:
    """Stores one letter; False when its case number is in the corpus already (the
    generator's numbers are unique within one seed, not across seeds)."""
    from django.db import transaction  # noqa: PLC0415

    from openimr.decisions.models import Decision, Source  # noqa: PLC0415
    from openimr.decisions.services.store import decision_rows, decisions_store  # noqa: PLC0415

    if Decision.objects.filter(case_number=case["case_number"]).exists():
        return False
    digest = hashlib.sha256(json.dumps(case, sort_keys=True).encode()).hexdigest()
    rows = decision_rows(
        document=case, source=Source.ISSUED, layout="generated", content_sha256=digest
    )
    with transaction.atomic():
        decisions_store([rows])
    return True


class _Stopped(Exception):
    pass


def _stop(*_: Any) -> None:
    raise _Stopped  # out of a sleep at once, or out of a transaction, rolled back


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every", type=float, required=True, help="seconds between letters")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    import django  # noqa: PLC0415

    django.setup()
    from bench.corpus_cases import generate_cases  # noqa: PLC0415

    signal.signal(signal.SIGTERM, _stop)
    stored, cases = 0, generate_cases(10_000_000, args.seed)
    due = time.monotonic()
    try:
        while True:
            if _publish_one(next(cases)):  # a letter cut short by the stop is rolled back
                stored += 1
                due += args.every
            time.sleep(max(0.0, due - time.monotonic()))
    except _Stopped:
        pass
    print(f"published {stored} letters, one every {args.every:g} s, "
          f"{time.process_time():.1f} s of CPU")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
