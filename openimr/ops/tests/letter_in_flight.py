"""A letter being issued in a process of its own: run by
`test_the_sweep_keeps_the_pdf_of_a_letter_that_commits_while_it_waits` as
``python -m openimr.ops.tests.letter_in_flight <case number> <signals folder>`` with the
database and the stored files' folder in its environment.

It issues the case's letter and, once the PDF is stored and before the letter's row is
written (so its transaction holds the file), writes the PDF's path to ``stored`` and waits
until the sweep is seen waiting for that lock, then commits. It prints the letter's PDF
path as JSON, or, when the sweep ended (``swept``) or a minute passed without waiting,
``{"error": what}``."""

import json
import sys
from pathlib import Path


def main(case_number: str, signals: str) -> None:
    import django

    django.setup()
    from openimr.core.tests.lock_waits import NeverBlocked, until_waited_for
    from openimr.letters import services

    folder, store = Path(signals), services._pdf_stored

    def stored_then_wait(pdf: bytes, number: str) -> str:
        path = store(pdf, number)
        (folder / "stored.part").write_text(path, encoding="utf-8")
        (folder / "stored.part").rename(folder / "stored")
        until_waited_for(
            "the sweep never waited for the issuing letter's lock on its PDF",
            done=(folder / "swept").exists,
        )
        return path

    services._pdf_stored = stored_then_wait  # type: ignore[assignment]
    try:
        letter = services.letter_issue(case_number=case_number, actor="qa")
    except NeverBlocked as exc:
        print(json.dumps({"error": str(exc)}))
        return
    print(json.dumps({"pdf_path": letter.pdf_path}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
