"""A setting, command, page or template key that is not documented fails the build."""

import argparse
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from config import env
from openimr.cli import _parser
from openimr.letters.domain.template import load_template

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands(parser: argparse.ArgumentParser, prefix: str = "openimr") -> list[str]:
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        return [prefix]
    return [
        c for name, sub in subparsers[0].choices.items() for c in _commands(sub, f"{prefix} {name}")
    ]


def _keys(node: dict, prefix: str = "") -> list[str]:
    keys = []
    for key, value in node.items():
        dotted = f"{prefix}{key}"
        keys += _keys(value, dotted + ".") if isinstance(value, dict) else [dotted]
    return keys


def _route_names(patterns, namespace: str = "") -> list[str]:
    names = []
    for p in patterns:
        if isinstance(p, URLResolver) and p.namespace != "admin":
            names += _route_names(p.url_patterns, f"{p.namespace}:" if p.namespace else namespace)
        elif isinstance(p, URLPattern) and p.name:
            names.append(namespace + p.name)
    return names


@pytest.mark.parametrize("command", _commands(_parser()))
def test_every_command_is_in_docs_cli(command):
    assert f"`{command}" in (DOCS / "cli.md").read_text()


def test_every_setting_read_is_in_docs_settings(settings):
    text = (DOCS / "settings.md").read_text()
    assert env.READ, "settings were not read through config.env"
    missing = [name for name in env.READ if f"`{name}`" not in text]
    assert missing == []


@pytest.mark.parametrize("key", _keys(load_template().data))
def test_every_letter_template_key_is_in_docs_letters(key):
    assert f"`{key}`" in (DOCS / "letters.md").read_text()


@pytest.mark.parametrize("name", _route_names(get_resolver().url_patterns))
def test_every_page_and_endpoint_is_documented(name):
    doc = "api.md" if name.startswith("api:") else "web.md"
    assert f"`{name}`" in (DOCS / doc).read_text()
