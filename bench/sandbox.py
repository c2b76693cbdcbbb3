"""What reading a PDF in a sandboxed child process costs, per PDF.

Run from the repository root: `python bench/sandbox.py [--rounds N] [--letters N]`.

The demo case files' records (`openimr/demo/records`, typeset into PDFs as the demo loader
does) are read page by page twice, in the same run: in this process (`pdf_pages`, what the
web and worker processes did before issue 7) and in a child under the time and memory
limits (`openimr.core.sandbox.run`, as uploads and extraction now do). With `--letters N`
the first N published letters of the shared corpus are parsed both ways as well (`parse_pdf`
and `parse_pdf_sandboxed`, what corpus ingest may use). Printed per set: the median time
per PDF each way and the ratio sandboxed / in-process; and the fixed cost of a child that
does nothing (`len`), which is most of the difference. The fork server starts once, before
the timing, as it does once per server process.
"""

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "ca-dwc-imr-2016-2017"


def _median_ms(call: Callable[[bytes], object], files: list[bytes], rounds: int) -> float:
    import statistics  # noqa: PLC0415

    times = []
    for _ in range(rounds):
        for data in files:
            start = time.perf_counter()
            call(data)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


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
    _report("demo record PDFs", len(records), _median_ms(direct, records, args.rounds),
            _median_ms(isolated, records, args.rounds))  # fmt: skip
    fixed = _median_ms(lambda data: sandbox.run(len, data, limits=limits), records, args.rounds)
    print(f"fixed cost: a child that returns at once, {fixed:.2f} ms")
    letters = [p.read_bytes() for p in sorted(CORPUS.glob("*.pdf"))[: args.letters]]
    if letters:
        from openimr.letters.parsing import parse_pdf  # noqa: PLC0415
        from openimr.letters.parsing.sandboxed import parse_pdf_sandboxed  # noqa: PLC0415

        _report("published letters", len(letters), _median_ms(parse_pdf, letters, args.rounds),
                _median_ms(parse_pdf_sandboxed, letters, args.rounds))  # fmt: skip


if __name__ == "__main__":
    main()
