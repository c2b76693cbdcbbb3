"""A generated public corpus for the demo: `openimr demo` (and so `make run`) gives the
public search and analytics a realistic number of published letters, not only the demo's
own handful.

The letters come from the synthetic-corpus generator of the benchmarks (``bench/corpus.py``:
``generate_cases`` and ``render_letter``, every layout in turn) and go through the real
ingest path, ``corpus_ingest`` (what `openimr corpus ingest` runs): parsed, de-identified,
stored and indexed as any published letter is. The same seed gives the same letters, and
ingest skips a letter it has seen (by SHA-256), so loading twice adds nothing.

The generator is imported from the checkout, not moved into the package: it is benchmark
and test tooling (nine modules, used by the parser, ingest, search and leak tests), and the
demo is a checkout's `make run` too. An installed copy without ``bench/`` loads no generated
corpus and says so (``Loaded.reason``)."""

import importlib
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from openimr.core.errors import NotFound
from openimr.decisions.selectors import decision_get
from openimr.decisions.services import IngestSummary, corpus_ingest

SEED = 2017
ALREADY = "loaded already"
CHECKOUT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Loaded:
    generated: int
    summary: IngestSummary | None
    seconds: float
    reason: str = ""  # why nothing was generated, if so


def _generator() -> ModuleType | None:
    """``bench.corpus`` from the checkout this package runs from, or None without one."""
    if not (CHECKOUT / "bench" / "corpus.py").is_file():
        return None
    if str(CHECKOUT) not in sys.path:
        sys.path.append(str(CHECKOUT))  # appended: the installed packages still come first
    return importlib.import_module("bench.corpus")


def demo_corpus_load(count: int) -> Loaded:
    """Generate ``count`` letters, each layout in turn, and ingest them as published
    letters. Idempotent (see the module's docstring)."""
    started = time.perf_counter()
    generator = _generator()
    if generator is None:
        return Loaded(0, None, 0.0, f"not loaded: no bench/corpus.py in {CHECKOUT}")
    cases = list(generator.generate_cases(count, SEED))
    if cases and _loaded_already(cases):
        return Loaded(0, None, time.perf_counter() - started, ALREADY)
    with tempfile.TemporaryDirectory(prefix="openimr-demo-corpus-") as folder:
        for i, case in enumerate(cases):
            data = _letter(generator, case, i)
            (Path(folder) / f"{i:06d}.txt").write_bytes(data)
        # One reader: text letters are parsed in this process then, which on the demo's
        # scale beats sending them to sandbox readers (`docs/benchmarks.md`).
        summary = corpus_ingest([folder], actor="demo", workers=1)
    return Loaded(count, summary, time.perf_counter() - started)


def _letter(generator: ModuleType, case: dict[str, object], i: int) -> bytes:
    """The ``i``-th letter: the layouts in turn, its noise seeded by its place."""
    layout = generator.LAYOUTS[i % len(generator.LAYOUTS)]
    text = generator.render_letter(case, layout, rng=random.Random(f"{SEED}:{i}"))
    return str(text).encode("utf-8")


def _loaded_already(cases: list[dict[str, object]]) -> bool:
    """The first and the last letter's decisions are in the corpus: a rerun then skips
    writing and reading the rest, which ingest would only skip one by one (by SHA-256)."""
    try:
        for case in (cases[0], cases[-1]):
            decision_get(str(case["case_number"]))
    except NotFound:
        return False
    return True
