"""Each option docs/cli.md shows in a command's heading is in that command's `--help`, under
the same placeholder: `openimr worker --help` had said `--interval INTERVAL` where the docs
say `--interval SECONDS`, `simulate` `--applications APPLICATIONS` for `--applications N`,
`tokens create` `--user USER` for `--user USERNAME`, `corpus ingest` `--workers WORKERS
--batch BATCH` for `--workers N --batch N`, `corpus export` `--q Q` for `--q WORDS`."""

import argparse
import re
from pathlib import Path

import pytest

from openimr.cli import _parser

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
# Every command whose heading in docs/cli.md shows an option.
COMMANDS = [
    "case validate",
    "case import",
    "case export",
    "letter render",
    "letter parse",
    "demo",
    "applications import",
    "eligibility check",
    "clocks show",
    "clocks timeliness",
    "tokens create",
    "tokens list",
    "api token create",
    "audit verify",
    "simulate",
    "reviewers match",
    "backup",
    "restore",
    "worker",
    "files sweep",
    "tokens register",
    "tokens contact",
    "corpus ingest",
    "corpus recheck",
    "corpus stats",
    "corpus export",
]


def _documented(command: str) -> list[tuple[str, str]]:
    """(option, placeholder) pairs of the command in the headings of docs/cli.md."""
    found = []
    for heading in re.findall(r"^## (.+)$", DOCS.read_text(encoding="utf-8"), re.MULTILINE):
        for usage in re.findall(r"`openimr ([^`]+)`", heading):
            if usage == command or usage.startswith(command + " "):
                found += re.findall(
                    r"(--[a-z-]+)(?: ([A-Z][A-Z0-9_.-]*|[a-z]+(?:\|[a-z]+)+))?", usage
                )
    return found


def _usage(command: str) -> str:
    parser: argparse.ArgumentParser = _parser()
    for word in command.split():
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[word]
    return " ".join(parser.format_usage().split())


@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_names_each_documented_option_with_its_placeholder(command):
    usage = _usage(command)
    for option, placeholder in _documented(command):
        assert option in usage, f"openimr {command}: {option} is documented but not in --help"
        if placeholder and "|" not in placeholder and f"{option} {{" not in usage:  # choices
            assert f"{option} {placeholder}" in usage, (command, option, placeholder, usage)
