"""Corpus ingest speed: `openimr corpus ingest` end to end, against bare PDF text extraction.

Run from the repository root:
`python bench/ingest.py [--pdfs N] [--texts N] [--workers W] [--rounds R]`.
Letters come from the synthetic corpus (`bench.corpus`, every layout in turn), written into a
temporary folder; the database is a temporary SQLite one (migrated, with the search index
and its triggers, so "store" includes indexing).

Printed, each from the same run:
- for each of R rounds (3 unless told), each over N PDFs of its own, the baseline measured
  just before its ingest so that both see the same load, then the median round (a single
  pass moves by up to ±50 % with the other jobs of a shared machine):
  PDFs per second end to end (read, extract, parse, de-identify, store, index) with W
  sandbox readers (each PDF parsed in a persistent reader process under the PDF time and
  memory limits), and the ratio to the baseline: the same files read and extracted by
  bare pypdfium2 in W worker processes, with no limits, the least any ingest of PDFs must
  do (the pypdfium2 calls the reader makes, no more). The target is under 30% overhead.
- the same in CPU a file, which the other jobs of a shared machine change less: the
  baseline's workers against the ingest's readers (their own CPU, the pipe included, read
  from the fork server's reaped children) plus its main process, each over its one pass.
  Then, alone in this process, the best of 3 passes over 100 files: the extraction, a
  reader's work, and the PDF copies written into an empty folder (one pass).
- text letters per second per core: `ingest` with one process (the file read, parse,
  de-identification, store and index all on one core), its CPU a letter, and the CPU a
  letter of each in-process stage run alone over the same letters (the reader's work is
  the function the ingest runs, `read_published`, looked up where the ingest calls it,
  so the bench cannot time another), and the CPU a letter
  spent inside SQLite's statements during the ingest (a floor: half the budget of 0.5 ms a
  letter). The target is over 2,000. `--pdfs 0` measures the text letters only.
"""

import argparse
import contextlib
import hashlib
import multiprocessing
import os
import resource
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402


def _write_letters(
    folder: Path, pdfs: int, texts: int, seed: int, rounds: int = 1
) -> tuple[list[Path], Path]:
    """``pdfs`` PDFs a round, each round in a folder of its own (an ingest skips the files it
    has seen), and the text letters."""
    # Imported here, not at the top: each sandbox reader re-imports this script (as
    # multiprocessing's children do), and the generator's modules are no part of an ingest.
    from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter  # noqa: PLC0415

    pdf_dirs, text_dir = [folder / "pdf" / f"round-{r + 1}" for r in range(rounds)], folder / "text"
    for made in [*pdf_dirs, text_dir]:
        made.mkdir(parents=True)
    for n, case in enumerate(generate_cases(pdfs * rounds, seed)):
        layout = LAYOUTS[n % len(LAYOUTS)]
        pdf = pdf_dirs[n // pdfs] / f"{case['case_number']}.pdf"
        pdf.write_bytes(letter_pdf(case, layout))
    for n, case in enumerate(generate_cases(texts, seed + 1)):
        layout = LAYOUTS[n % len(LAYOUTS)]
        text = render_letter(case, layout)
        (text_dir / f"{case['case_number']}.txt").write_text(text, encoding="utf-8")
    return pdf_dirs, text_dir


def _extract(path: Path) -> int:
    """The baseline's unit of work: read the file and extract every page's text, with the
    pypdfium2 calls the ingest's reader makes (openimr.letters.parsing.pdf: each page and
    text page loaded, read and closed in turn), no more and no less."""
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        characters = 0
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            characters += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return characters
    finally:
        document.close()


def _baseline(files: list[Path], workers: int) -> tuple[float, float]:
    """Bare extraction of ``files`` in ``workers`` processes (this one for one): its wall
    time, and the CPU its workers spent, measured as the ingest's are, in the same pass."""
    started, cpu = time.perf_counter(), _cpu_and_children()
    if workers <= 1:
        for path in files:
            _extract(path)
    else:
        pool = multiprocessing.get_context("fork").Pool(workers)
        list(pool.imap(_extract, files, chunksize=8))
        pool.close()
        pool.join()  # reaped: their CPU is this process's children's
    return time.perf_counter() - started, _cpu_and_children() - cpu


def _cpu_and_children() -> float:
    mine, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return sum(r.ru_utime + r.ru_stime for r in (mine, children))


def _django(data_dir: str) -> None:
    os.environ["OPENIMR_DATA_DIR"] = data_dir  # never the working database
    os.environ.pop("DATABASE_URL", None)
    # As a server runs: with debug on, Django formats and logs every statement (a batch's
    # multi-row INSERT with its thousands of parameters), 0.3-0.4 ms a letter.
    os.environ["OPENIMR_DEBUG"] = "0"
    os.environ["OPENIMR_SECRET_KEY"] = secrets.token_urlsafe(50)  # debug off needs one
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Django and the app import only once the temporary database is configured.
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0)


def _timed(run: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


@contextlib.contextmanager
def _sql_timed() -> Iterator[list[float]]:
    """CPU seconds spent inside the database's statements while the block runs (this
    thread's connection, where a one-process ingest stores): a floor no change to the
    Python around them removes."""
    from django.db import connection  # noqa: PLC0415

    spent = [0.0]

    def timed(execute: Callable[..., Any], *args: Any) -> Any:
        started = time.process_time()
        try:
            return execute(*args)
        finally:
            spent[0] += time.process_time() - started

    with connection.execute_wrapper(timed):
        yield spent


def _read(data: bytes) -> object:
    """What a reader of `openimr corpus ingest` does with one file: the very function the
    ingest runs (``read_published``, looked up where the ingest calls it): parse, then
    de-identify in place, telling whether that changed the letter (which loses its PDF)."""
    from openimr.decisions.services import ingest  # noqa: PLC0415

    return ingest.read_published(data)


def _stages(texts: list[str], rounds: int = 3) -> dict[str, float]:
    """CPU seconds a letter of each in-process stage run alone over the same letters, on one
    core, the best of ``rounds`` passes: CPU time, which the other jobs of a shared machine
    change far less than wall time (whose shares moved from 29 % to 55 % between runs).
    "read" is the ingest's reader function whole; "parse" is its first part alone."""
    from openimr.letters.parsing.sandboxed import parse_letter  # noqa: PLC0415

    datas = [t.encode() for t in texts]
    work: dict[str, Callable[[], object]] = {
        "hash": lambda: [hashlib.sha256(d).hexdigest() for d in datas],
        "read": lambda: [_read(d) for d in datas],
        "parse": lambda: [parse_letter(d) for d in datas],
    }
    out = {}
    for name, run in work.items():
        best = float("inf")
        for _ in range(rounds):
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
        out[name] = best / len(texts)
    return out


def _best_cpu(work: Callable[[Path], object], files: list[Path], rounds: int = 3) -> float:
    """CPU seconds a file of ``work`` over ``files``, the best of ``rounds`` passes."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for path in files:
            work(path)
        best = min(best, time.process_time() - started)
    return best / len(files)


def _pdf_cpu(files: list[Path], main: float, folder: Path) -> None:
    """The extraction and a reader's work each alone in this process, the best of 3 passes
    over ``files`` (no pipe, no other process), against the ingest's main process (``main``,
    its CPU a file in the median round); and what of that main process's part writing the
    PDF copies takes alone."""
    alone = _best_cpu(_extract, files)
    work = _best_cpu(lambda path: _read(path.read_bytes()), files)
    copies = _copies_cpu(files, folder)
    print(
        f"PDFs, CPU a file alone, best of 3 over {len(files)}: extraction {alone * 1000:.2f} ms, "
        f"a reader's work {work * 1000:.2f} ms; with the main process's {main * 1000:.2f} ms "
        f"(median round) {(work + main) / alone - 1:+.0%} over extraction; of that, writing the "
        f"PDF copies into an empty folder takes {copies * 1000:.2f} ms alone"
    )


def _copies_cpu(files: list[Path], folder: Path) -> float:
    """CPU a file of ``pdf_store`` writing ``files`` into an empty folder, in one pass (a
    second finds them there). It moves with the file system: on ext4 without a journal a
    new file's inode is found past every inode freed in the last minutes, those of the
    machine's other jobs and of this bench's last run included."""
    from django.test import override_settings  # noqa: PLC0415

    from openimr.decisions.services.pdf_copies import pdf_store  # noqa: PLC0415

    datas = [path.read_bytes() for path in files]
    digests = [hashlib.sha256(data).hexdigest() for data in datas]
    with (
        tempfile.TemporaryDirectory(prefix="copies-", dir=folder) as media,
        override_settings(MEDIA_ROOT=media),
    ):
        started = time.process_time()
        for data, digest in zip(datas, digests, strict=True):
            pdf_store(data, digest)
        return (time.process_time() - started) / len(files)


def _readers_cpu() -> float:
    """CPU seconds of the sandbox readers that have ended so far: the fork server forks
    them and reaps them, so their time is its children's (``cutime`` + ``cstime``)."""
    from multiprocessing import forkserver  # noqa: PLC0415

    pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def _readers_settled() -> float:
    """``_readers_cpu`` once the fork server has reaped every reader that has ended (it
    reaps one on its SIGCHLD, a moment after the ingest that stopped it returns)."""
    spent, same = _readers_cpu(), 0
    while same < 3:
        time.sleep(0.05)
        now = _readers_cpu()
        same, spent = (same + 1 if now == spent else 0), now
    return spent


def _pdfs(rounds: list[list[Path]], workers: int, folder: Path) -> None:
    """The PDFs' ingest against bare extraction, in rate and in CPU a file, round by round
    (each over files of its own, its baseline just before it), and the median round."""
    from openimr.decisions.services import corpus_ingest  # noqa: PLC0415

    walls, cpus, mains = [], [], []
    for number, pdfs in enumerate(rounds, 1):
        base, base_cpu = _baseline(pdfs, workers)
        readers_before = _readers_settled()
        wall, main_cpu, summary = _timed(
            lambda pdfs=pdfs: corpus_ingest([pdfs[0].parent], actor="bench", workers=workers)
        )
        readers = _readers_settled() - readers_before
        assert summary.parsed == len(pdfs), summary.as_dict()
        count = len(pdfs)
        walls.append(wall / base - 1)
        cpus.append((readers + main_cpu) / base_cpu - 1)
        mains.append(main_cpu / count)
        print(
            f"PDFs, {workers} worker(s), round {number} of {len(rounds)}: {count / wall:,.0f}/s "
            f"end to end (extract+parse+de-identify+store+index); bare pypdfium2 extraction "
            f"{count / base:,.0f}/s, overhead {walls[-1]:+.0%}; CPU a file: bare extraction "
            f"{base_cpu / count * 1000:.2f} ms; ingest {readers / count * 1000:.2f} ms in the "
            f"readers + {mains[-1] * 1000:.2f} ms in the main process, {cpus[-1]:+.0%}"
        )
    print(
        f"PDFs, {workers} worker(s), median of {len(rounds)} round(s): overhead "
        f"{statistics.median(walls):+.0%} end to end, {statistics.median(cpus):+.0%} in CPU "
        f"(target < +30%)"
    )
    _pdf_cpu(rounds[0][:100], statistics.median(mains), folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdfs", type=int, default=400)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of PDFs, each its own")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="openimr-bench-ingest-") as folder:
        started = time.perf_counter()
        pdf_dirs, text_dir = _write_letters(
            Path(folder), args.pdfs, args.texts, args.seed, max(1, args.rounds)
        )
        print(f"generated {args.pdfs} PDFs a round and {args.texts} text letters in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)  # fmt: skip
        _django(str(Path(folder) / "var"))
        from openimr.core import sandbox  # noqa: PLC0415
        from openimr.decisions.services import corpus_ingest  # noqa: PLC0415

        # The sandbox's fork server starts once per process (it preloads pdfium and the
        # parser): timed apart, as the imports and Django's start are, so that the rates
        # below are those of a long ingest. Each ingest's readers start inside its time.
        started = time.perf_counter()
        with sandbox.Readers(1) as readers:
            readers.run(len, b"")  # the fork server answers once its preloading is done
        print(f"sandbox fork server and a reader started in {time.perf_counter() - started:.2f} s")

        if args.pdfs:  # --pdfs 0: text letters only
            _pdfs([sorted(d.glob("*.pdf")) for d in pdf_dirs], args.workers, Path(folder))
        if not args.texts:  # --texts 0: PDFs only
            return 0
        with _sql_timed() as sql:
            wall, cpu, summary = _timed(lambda: corpus_ingest([text_dir], actor="bench", workers=1))
        assert summary.parsed == args.texts, summary.as_dict()
        texts = [p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))]
        stages = _stages(texts)
        per_letter = cpu / args.texts
        rest = per_letter - stages["hash"] - stages["read"] - sql[0] / args.texts
        print(
            f"text letters, one process: {args.texts / wall:,.0f}/s per core "
            f"({args.texts / cpu:,.0f} per CPU second; target > 2,000); "
            f"{per_letter * 1000:.2f} ms of CPU a letter, of which inside SQLite's "
            f"statements {sql[0] / args.texts * 1000:.3f} ms and, run alone: hash "
            f"{stages['hash'] * 1000:.3f} ms, the reader's read_published "
            f"{stages['read'] * 1000:.3f} ms (parse {stages['parse'] * 1000:.3f} ms, "
            f"de-identifying {(stages['read'] - stages['parse']) * 1000:.3f}"
            f" ms); the rest ({rest * 1000:.3f} ms) listing and reading the files, laying out "
            f"the rows, the store's Python around its statements"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
