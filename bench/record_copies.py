"""What a download of a record's PDF costs: the first, which makes the copy a reader gets
(pdf_active.py) and, on a tree that keeps it, writes it under media/record-copies/; and the
next, which on such a tree reads the kept copy and checks its hash; and a HEAD request.

Run from the repository root with the tree to measure on the path:
`PYTHONPATH=. python bench/record_copies.py [--rounds N]` (PYTHONPATH=/work/main measures
a tree that makes the copy on every download, HEAD included). Measured through
`selectors.record_file_served` (what both download views call) on an unsaved `Record`
over a stored file: no database. Files: the demo case files' records, one record of 50 and
one of 300 pages of typescript. Printed per set: the median wall ms of a first download
(no copy kept: the kept copies are removed before it), of a next download, and of the
HEAD's lookup (`record_file_size`, where the tree has it), taking turns round by round.
"""

import argparse
import hashlib
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import django

from bench.active_content import _sets


def _stored(data: bytes) -> object:
    from django.conf import settings  # noqa: PLC0415

    from openimr.records.models import Record  # noqa: PLC0415

    digest = hashlib.sha256(data).hexdigest()
    path = Path(settings.MEDIA_ROOT) / "records" / f"{digest}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return Record(
        pk=1, sha256=digest, size=len(data), filename="r.pdf", file_path=f"records/{path.name}"
    )


def _ms(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def _ready() -> None:
    """Django set up over a data folder of the bench's own (never var/)."""
    os.environ["OPENIMR_DATA_DIR"] = tempfile.mkdtemp(prefix="openimr-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    _ready()
    from django.conf import settings  # noqa: PLC0415

    from openimr.records import selectors  # noqa: PLC0415

    kept = Path(settings.MEDIA_ROOT) / "record-copies"
    head = getattr(selectors, "record_file_size", None)
    for name, files in _sets().items():
        if name.startswith("1 page"):
            continue
        records = [_stored(data) for data in files]
        selectors.record_file_served(records[0]).read()  # warm the reader
        first: list[float] = []
        again: list[float] = []
        heads: list[float] = []
        for _ in range(rounds):
            shutil.rmtree(kept, ignore_errors=True)
            first.append(
                sum(_ms(lambda r=r: selectors.record_file_served(r).read()) for r in records)
            )
            again.append(
                sum(_ms(lambda r=r: selectors.record_file_served(r).read()) for r in records)
            )
            if head is not None:
                heads.append(sum(_ms(lambda r=r: head(r)) for r in records))
        one, two = statistics.median(first), statistics.median(again)
        line = f"{name:<14} {len(files):>3} PDFs  first {one:8.2f} ms  next {two:8.2f} ms"
        line += f" ({two / one:.3f}x)"
        if heads:
            line += f"  HEAD {statistics.median(heads):6.2f} ms"
        print(line, flush=True)


if __name__ == "__main__":
    main()
