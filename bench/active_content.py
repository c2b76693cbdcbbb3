"""What counting a record's active content costs at receipt, and what the copy without it
costs each time a reader opens such a record.

Run from the repository root with the tree to measure on the path:
`PYTHONPATH=. python bench/active_content.py [--rounds N]` (PYTHONPATH=/work/main measures
the tree before the change: its `pdf_read` reads the text alone and it has no copy).

Files: the demo case files' records (typeset as the demo loader does), one record of 50 and
one of 300 pages of typescript, and a one-page record carrying scripts, a launch link and a
page script. Printed per set: the median ms of `pdf_read` (what an upload and the worker's
reading call: in the sandbox, text and, on this branch, the count), and on this branch the
median ms of `pdf_copy_without_active_content` (in the sandbox, per download of a record
carrying active content), the two taking turns file by file; and, in this process, the
text reading alone beside the count alone, which is what the count adds to a receipt
without the sandbox's round trip and the machine's noise.
"""

import os
from collections.abc import Callable
from pathlib import Path

# The tree on PYTHONPATH's own helper: each tree's bench/sandbox.py puts that tree first.
from bench.sandbox import _paired_ms

ROOT = Path(__file__).resolve().parents[1]


def _sets() -> dict[str, list[bytes]]:
    from openimr.demo.record_files import text_pdf  # noqa: PLC0415

    texts = sorted((ROOT / "openimr" / "demo" / "records").glob("*/*.txt"))
    demo = [text_pdf(path.read_text(encoding="utf-8")) for path in texts]
    page = "\n".join(
        f"Line {n}: lumbar paraspinal tenderness, no radiculopathy." for n in range(40)
    )
    sets = {
        "demo records": demo,
        "50 pages": [text_pdf("\f".join([page] * 50))],
        "300 pages": [text_pdf("\f".join([page] * 300))],
    }
    try:
        from openimr.records.tests.active_pdfs import launch_and_page_script  # noqa: PLC0415

        sets["1 page, scripts"] = [launch_and_page_script()]
    except ImportError:  # the tree before the change has no such test file
        pass
    return sets


def main() -> None:
    import argparse  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ["OPENIMR_DATA_DIR"] = tempfile.mkdtemp(prefix="openimr-bench-")  # never var/
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415

    django.setup()
    from openimr.records import pdf  # noqa: PLC0415

    copy = getattr(pdf, "pdf_copy_without_active_content", None)
    calls: list[Callable[[bytes], object]] = [lambda data: pdf.pdf_read(data, path="$")]
    if copy is not None:
        calls.append(lambda data: copy(data, path="file"))
    for name, files in _sets().items():
        for call in calls:
            call(files[0])  # warm the readers
        spent = _paired_ms(calls, files, args.rounds)
        line = f"{name:<16} {len(files):>3} PDFs  read {spent[0]:8.2f} ms"
        if copy is not None:
            line += f"  copy {spent[1]:8.2f} ms ({spent[1] / spent[0]:.1f}x the read)"
        if copy is not None:
            line += _in_process(files, args.rounds)
        print(line, flush=True)


def _in_process(files: list[bytes], rounds: int) -> str:
    import pypdfium2 as pdfium  # noqa: PLC0415

    from openimr.records.pdf import _texts  # noqa: PLC0415
    from openimr.records.pdf_active import active_content  # noqa: PLC0415

    documents = {id(data): pdfium.PdfDocument(data) for data in files}

    def text(data: bytes) -> object:
        return _texts(documents[id(data)], "$", 10**9)

    def count(data: bytes) -> object:
        return active_content(documents[id(data)])

    read, counted = _paired_ms([text, count], files, rounds)
    return f"  | in process: text {read:7.2f} ms, count {counted:6.2f} ms"


if __name__ == "__main__":
    main()
