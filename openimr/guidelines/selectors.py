"""The guideline catalog as reviewers choose from it: the program's entries, then those staff
added (docs/guidelines.md)."""

import tomllib
from functools import cache

from openimr.guidelines.domain.catalog import Catalog, GuidelineEntry, load_catalog
from openimr.guidelines.models import StaffEntry
from openimr.programs.loader import PROGRAMS_DIR


@cache
def program_catalog(program: str = "ca-dwc-imr") -> Catalog:
    """The program's own catalog (guidelines.toml), read once per process."""
    path = PROGRAMS_DIR / program.replace("-", "_") / "guidelines.toml"
    with path.open("rb") as handle:
        return load_catalog(tomllib.load(handle))


def staff_entries(program: str = "ca-dwc-imr") -> list[StaffEntry]:
    return list(StaffEntry.objects.filter(program=program))


def guideline_catalog(program: str = "ca-dwc-imr") -> Catalog:
    """The program's entries first (their order is the hierarchy's), then staff's."""
    added = tuple(
        GuidelineEntry(
            id=e.entry_id,
            family=e.family,
            title=e.title,
            part=e.part,
            edition=e.edition,
            section=e.section,
            aliases=tuple(e.aliases),
        )
        for e in staff_entries(program)
    )
    return Catalog(program_catalog(program).entries + added)
