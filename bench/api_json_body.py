"""What reading an API body strictly (`openimr.api.domain.json_body.json_read`: a key given
twice, NaN, UTF-16 refused) costs against the plain `json.loads` the API used before, on the
two bodies a client sends: the example application (tests/data/application.json, 3 KB)
and a record of the largest file the API takes (OPENIMR_UPLOAD_MAX_BYTES, 20 MiB) in
base64, 28 MB. Both readers in turns, in one process; prints each one's median over the
rounds, in milliseconds a body, and their ratio.

Run from the repository root: `python bench/api_json_body.py [--rounds N]`.
"""

import argparse
import base64
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openimr.api.domain.json_body import json_read  # noqa: E402


def _bodies() -> list[tuple[str, bytes, int]]:
    application = (ROOT / "tests" / "data" / "application.json").read_bytes()
    pdf = base64.b64encode(os.urandom(20 * 1024 * 1024)).decode()
    record = {"filename": "a.pdf", "submitted_by": "claims_administrator", "content_base64": pdf}
    return [
        ("application, 3 KB", application, 2000),
        ("record, 28 MB", json.dumps(record).encode(), 3),
    ]


def _ms(read: Callable[[bytes], Any], body: bytes, times: int) -> float:
    start = time.perf_counter()
    for _ in range(times):
        read(body)
    return (time.perf_counter() - start) / times * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    for name, body, times in _bodies():
        plain, strict = [], []
        for _ in range(rounds):
            plain.append(_ms(json.loads, body, times))
            strict.append(_ms(json_read, body, times))
        before, after = statistics.median(plain), statistics.median(strict)
        print(
            f"{name}: json.loads {before:.4f} ms, json_read {after:.4f} ms, {after / before:.2f}x"
        )


if __name__ == "__main__":
    main()
