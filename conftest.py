"""Fixtures shared by every app's tests."""

import json
from pathlib import Path
from typing import Any

import pytest

DEMO = Path(__file__).parent / "openimr" / "demo" / "cases"
SEED_FILE = DEMO / "seed-90bd304bc794ee83.json"
THREE_ITEM_FILE = DEMO / "cm16-0400101.json"
SHARED = Path(__file__).resolve().parent.parent / "shared"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    """Stored files (letters, records) go to a fresh folder per test, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seed_doc() -> dict[str, Any]:
    return json.loads(SEED_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def three_item_doc() -> dict[str, Any]:
    return json.loads(THREE_ITEM_FILE.read_text(encoding="utf-8"))
