"""`openimr corpus recheck`'s specialty rule (`recheck_specialties.specialties_read_again`):
CPU and wall time of renaming one spelling on many letters, rows and stored documents.

Run from the repository root over a COPY of a corpus `bench/search.py --keep DIR` built (it
is written to):

    python bench/recheck_specialties.py --keep COPY [--specialty NAME] [--document LETTER.pdf]

The letters naming ``--specialty`` (default "Occupational Medicine") are made to print it
in capitals, as a letter the parser once kept as printed ("OCCUPATIONAL MEDICINE"): the
rows, and each letter's stored document (a corpus `bench/search.py` built stores none) set
to the de-identified document of ``--document`` (default: a real letter of
/work/shared/corpus) naming that spelling, so that the rename reads and writes documents of
a real letter's size. The planting is not timed. Printed: letters renamed, CPU and wall
time of the rename.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
LETTER = Path("/work/shared/corpus/ca-dwc-imr-2016-2017/CM16-0238035.pdf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", metavar="COPY", required=True, help="a corpus, written to")
    parser.add_argument("--specialty", default="Occupational Medicine")
    parser.add_argument("--document", type=Path, default=LETTER, help="a letter (PDF)")
    args = parser.parse_args(argv)
    os.environ["OPENIMR_DATA_DIR"] = args.keep
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415

    django.setup()
    from django.db import connection, transaction  # noqa: PLC0415

    from openimr.decisions.deidentify import deidentify_document  # noqa: PLC0415
    from openimr.decisions.services.recheck_specialties import (  # noqa: PLC0415
        specialties_read_again,
    )
    from openimr.letters.parsing import parse_pdf  # noqa: PLC0415

    printed = args.specialty.upper()
    document = deidentify_document(parse_pdf(args.document.read_bytes()).case)
    document["reviewer"]["specialties"] = [printed]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE decisions_decision SET document = %s WHERE id IN (SELECT decision_id "
            "FROM decisions_decisionspecialty WHERE specialty = %s)",
            [json.dumps(document), args.specialty],
        )
        cursor.execute(
            "UPDATE decisions_decisionspecialty SET specialty = %s WHERE specialty = %s",
            [printed, args.specialty],
        )
    start, started = time.process_time(), time.perf_counter()
    renamed = specialties_read_again(actor="bench")
    cpu, wall = time.process_time() - start, time.perf_counter() - started
    letters = sum(r.letters for r in renamed)
    print(
        f"renamed {letters:,} letters ({printed} -> {args.specialty}): "
        f"CPU {cpu:.2f} s, wall {wall:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
