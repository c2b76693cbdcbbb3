"""The shipped specialty table (``programs/ca_dwc_imr/specialties.toml``), read once per
process; a bad file is an error naming the file and key, never a wrong match later."""

import tomllib
from functools import cache
from pathlib import Path

from openimr.core.errors import InvalidInput, Problem
from openimr.reviewers.domain.specialties import (
    SpecialtyTable,
    load_specialty_table,
    with_overrides,
)

__all__ = ["DEFAULT_PATH", "default_specialty_table", "read_specialty_table", "with_overrides"]

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "programs" / "ca_dwc_imr" / "specialties.toml"


def read_specialty_table(path: Path) -> SpecialtyTable:
    """The table in ``path``; problems are prefixed with the file name."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InvalidInput([Problem(path.name, f"cannot read: {exc}")]) from exc
    try:
        return load_specialty_table(data)
    except InvalidInput as exc:
        named = [Problem(f"{path.name}: {p.path}", p.message) for p in exc.problems]
        raise InvalidInput(named, f"{path.name}: {exc}") from exc


@cache
def default_specialty_table() -> SpecialtyTable:
    """The California program's table."""
    return read_specialty_table(DEFAULT_PATH)
