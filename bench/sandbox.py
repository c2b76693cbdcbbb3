"""What reading a PDF in a sandbox reader process costs, per PDF.

Run from the repository root: `python bench/sandbox.py [--rounds N] [--letters N]`.

The demo case files' records (`openimr/demo/records`, typeset into PDFs as the demo loader
does) are read page by page twice, in the same run: in this process (`pdf_pages`, what the
web and worker processes did before issue 7) and in a persistent reader under the time and
memory limits (`openimr.core.sandbox.run`, as uploads and extraction now do). With
`--letters N` the first N published letters of the shared corpus are parsed both ways as
well (`parse_pdf` and `parse_pdf_sandboxed`, what corpus ingest uses). Printed per set: the
median time per PDF each way (taking turns file by file) and the ratio sandboxed /
in-process; and the fixed cost of a
call that does nothing (`len`), which is most of the difference, in a reader and, for
comparison, in a one-shot child forked for the call (the sandbox's first design, still its
path for telling a memory abort from a crash). The fork server and the readers start
before the timing, as they do once per server process.
"""

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "ca-dwc-imr-2016-2017"


def _median_ms(call: Callable[[bytes], object], files: list[bytes], rounds: int) -> float:
    return _paired_ms([call], files, rounds)[0]


def _paired_ms(
    calls: list[Callable[[bytes], object]], files: list[bytes], rounds: int
) -> list[float]:
    """Median ms per file of each call, the calls taking turns file by file, so that a
    change in the machine's load (it is shared) falls on all of them alike."""
    import statistics  # noqa: PLC0415

    times: list[list[float]] = [[] for _ in calls]
    for _ in range(rounds):
        for data in files:
            for call, spent in zip(calls, times, strict=True):
                start = time.perf_counter()
                call(data)
                spent.append(time.perf_counter() - start)
    return [statistics.median(spent) * 1000 for spent in times]


def _record_pdfs() -> list[bytes]:
    from openimr.demo.record_files import text_pdf  # noqa: PLC0415

    texts = sorted((ROOT / "openimr" / "demo" / "records").glob("*/*.txt"))
    return [text_pdf(path.read_text(encoding="utf-8")) for path in texts]


def _report(name: str, count: int, direct: float, isolated: float) -> None:
    print(
        f"{name:<22} {count:>4} PDFs  in-process {direct:7.2f} ms  "
        f"sandboxed {isolated:7.2f} ms  ratio {isolated / direct:5.1f}x  "
        f"(+{isolated - direct:.1f} ms a PDF)"
    )


def _one_shot(sandbox: Any, limits: Any) -> Callable[[bytes], object]:
    from openimr.core.sandbox_child import _reader  # noqa: PLC0415

    def call(data: bytes) -> object:
        outcome, _ = sandbox._attempt(_reader, len, data, (), limits)
        return outcome

    return call


def main() -> None:
    # Imported here, not at the top: each sandbox child re-imports this script (as any
    # multiprocessing child does its parent's main script), and should pay only for `os`,
    # `sys` and `time`, as it would under manage.py or gunicorn.
    import argparse  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--letters", type=int, default=20)
    args = parser.parse_args()
    os.environ["OPENIMR_DATA_DIR"] = tempfile.mkdtemp(prefix="openimr-bench-")  # never var/
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415

    django.setup()

    from openimr.core import sandbox  # noqa: PLC0415
    from openimr.records.pdf import MAX_CHARACTERS, MAX_PAGES, pdf_pages  # noqa: PLC0415

    limits = sandbox.Limits()
    records = _record_pdfs()
    sandbox.run(pdf_pages, records[0], "$", MAX_PAGES, MAX_CHARACTERS, limits=limits)  # warm up

    def direct(data: bytes) -> object:
        return pdf_pages(data, "$", MAX_PAGES, MAX_CHARACTERS)

    def isolated(data: bytes) -> object:
        return sandbox.run(pdf_pages, data, "$", MAX_PAGES, MAX_CHARACTERS, limits=limits)

    print(
        f"limits: {limits.seconds:g} s, {limits.memory_bytes // sandbox.MB} MB; "
        f"{args.rounds} rounds"
    )
    _report("demo record PDFs", len(records), *_paired_ms([direct, isolated], records, args.rounds))
    fixed = _median_ms(lambda data: sandbox.run(len, data, limits=limits), records, args.rounds)
    print(f"fixed cost: a reader that returns at once, {fixed:.2f} ms")
    one_shot = _median_ms(_one_shot(sandbox, limits), records, args.rounds)
    print(f"for comparison, a one-shot child per call that returns at once, {one_shot:.2f} ms")
    letters = [p.read_bytes() for p in sorted(CORPUS.glob("*.pdf"))[: args.letters]]
    if letters:
        from openimr.letters.parsing import parse_pdf  # noqa: PLC0415
        from openimr.letters.parsing.sandboxed import parse_pdf_sandboxed  # noqa: PLC0415

        both = _paired_ms([parse_pdf, parse_pdf_sandboxed], letters, args.rounds)
        _report("published letters", len(letters), *both)


if __name__ == "__main__":
    main()
