"""Does a change to corpus ingest leave its output as it was? A dump to compare two trees by.

Run from the repository root of each tree, then compare the two files:
`python bench/ingest_same.py --out FILE [--texts N] [--planted N] [--corpus DIR]`; `cmp A B`.
Letters: the 182 published letters of 2016-2017 (PDFs, from the shared corpus folder), N
generated text letters (every layout in turn, as `bench/ingest.py` writes them), and N
generated letters with names and identifiers planted (`bench/ingest_leaks.py`), which
de-identification changes. Dumped, as JSON lines in a stable order:
- each letter as the ingest's reader returns it (`read_published`: the parse, de-identified,
  and whether de-identification changed it), or its error;
- every row `openimr corpus ingest` stored for them all in a fresh SQLite database
  (decisions, items, specialties, source files; the times of the run left out), and the
  search index's rows, after one ingest of all of them with one worker.
Speed work must leave this file byte for byte the same (docs/benchmarks.md).
"""

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "ca-dwc-imr-2016-2017"
TABLES = {
    "decisions_decision": "id",
    "decisions_decisionitem": "id",
    "decisions_decisionspecialty": "id",
    "decisions_sourcefile": "id",
    "decisions_search": "rowid",
}
RUN_TIMES = {"added_at", "seen_at"}  # the ingest's own clock: differs between any two runs


def _line(kind: str, name: str, value: Any) -> str:
    return json.dumps([kind, name, value], sort_keys=True, default=repr, ensure_ascii=False)


def _reads(files: list[Path]) -> list[str]:
    from openimr.decisions.ingest_reader import read_published  # noqa: PLC0415

    lines = []
    for path in files:
        try:
            read = read_published(path.read_bytes())
            value: Any = {"changed": read.changed, "letter": dataclasses.asdict(read.letter)}
        except Exception as exc:  # a letter that fails must fail the same way
            value = {"error": f"{type(exc).__name__}: {exc}"}
        lines.append(_line("read", path.name, value))
    return lines


def _rows() -> list[str]:
    from django.db import connection  # noqa: PLC0415

    lines = []
    with connection.cursor() as cursor:
        for table, key in TABLES.items():
            cursor.execute(f"SELECT {key} AS row_key, * FROM {table} ORDER BY {key}")
            names = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                values = {n: v for n, v in zip(names, row, strict=True) if n not in RUN_TIMES}
                lines.append(_line("row", table, values))
    return lines


def _letters(folder: Path, corpus: Path, texts: int, planted: int, seed: int) -> Path:
    """The letters, each in a folder of its own under ``folder``: corpus PDFs copied, the
    generated text letters, and the planted ones."""
    from bench.corpus import LAYOUTS, generate_cases, render_letter  # noqa: PLC0415
    from bench.ingest import _write_letters  # noqa: PLC0415

    pdfs = sorted(corpus.glob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDF in {corpus}: give the published letters' folder (--corpus)")
    (folder / "corpus").mkdir(parents=True)
    for pdf in pdfs:
        (folder / "corpus" / pdf.name).write_bytes(pdf.read_bytes())
    _write_letters(folder / "generated", 0, texts, seed)
    (folder / "planted").mkdir()
    for n, case in enumerate(generate_cases(planted, seed + 7, identifiers=True)):
        layout = LAYOUTS[n % len(LAYOUTS)]
        text = render_letter(case, layout)
        (folder / "planted" / f"{n:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--planted", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the published letters")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="openimr-ingest-same-") as folder:
        letters = _letters(Path(folder), args.corpus, args.texts, args.planted, args.seed)
        from bench.ingest import _django  # noqa: PLC0415

        _django(str(Path(folder) / "var"))
        from openimr.decisions.services import corpus_ingest  # noqa: PLC0415

        folders = [letters / "corpus", letters / "generated" / "text", letters / "planted"]
        files = [path for f in folders for path in sorted(f.iterdir())]
        lines = _reads(files)
        summary = corpus_ingest(folders, actor="bench", workers=1)
        # The temporary folder's name differs between runs: names are kept from it on.
        lines.append(_line("summary", "", summary.as_dict()).replace(folder, "TMP"))
        lines += [line.replace(folder, "TMP") for line in _rows()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(files)} letters, {len(lines)} lines written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
