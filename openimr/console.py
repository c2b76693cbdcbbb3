"""The `openimr` console script's entry point ([project.scripts] in pyproject.toml): the
command line itself (`openimr.cli`) imports Django, rich and the command modules, which
takes about 0.6 s, and a Ctrl-C in that time printed a Python traceback ending in
KeyboardInterrupt. This module imports nothing of openimr's before its ``try``, so an
interrupt while the command loads ends as one interrupted after it has loaded does."""

import sys

# Ctrl-C (SIGINT): 128 + 2, as a shell reports a command the signal ended (openimr.cli's
# EXIT_INTERRUPTED, which cannot be imported before the interrupt is caught).
EXIT_INTERRUPTED = 130


def run() -> int:
    """`openimr.cli.main`, loaded inside the guard: an interrupt before the command runs
    has kept nothing, so the line says no more than that."""
    try:
        from openimr.cli import main  # noqa: PLC0415 (inside the guard)

        return main()
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
