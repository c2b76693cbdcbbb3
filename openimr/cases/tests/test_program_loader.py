"""Loading a program's clocks and holidays from its data files."""

import copy
import tomllib
from datetime import date
from pathlib import Path

import pytest

from openimr.cases.domain.deadlines import (
    CLOCKS,
    is_business_day,
)
from openimr.core.errors import InvalidInput
from openimr.programs.loader import (
    PROGRAMS_DIR,
    load_program,
    parse_clocks,
    parse_holidays,
    read_program,
)

PROGRAM = load_program()
CA_DIR = PROGRAMS_DIR / "ca_dwc_imr"
D = date.fromisoformat


def test_the_program_is_loaded_once_with_every_clock_and_its_holidays():
    assert load_program() is load_program("ca-dwc-imr")
    assert set(PROGRAM.rules) == set(CLOCKS)
    assert PROGRAM.covered_years == range(2013, 2036)
    assert D("2024-11-29") in PROGRAM.holidays


@pytest.mark.parametrize("code", ["nope", "../ca_dwc_imr", "CA-DWC-IMR", ""])
def test_an_unknown_program_is_refused(code):
    with pytest.raises(InvalidInput, match="unknown program"):
        load_program(code)


CLOCKS_DATA = tomllib.loads((CA_DIR / "clocks.toml").read_text(encoding="utf-8"))


def _broken(clock: str, key: str, value: object) -> dict:
    data = copy.deepcopy(CLOCKS_DATA)
    if value is ...:
        del data[clock][key]
    else:
        data[clock][key] = value
    return data


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({k: v for k, v in CLOCKS_DATA.items() if k != "noarfi"}, "clocks.noarfi"),
        (_broken("noarfi", "count", "1"), "clocks.noarfi.count"),
        (_broken("noarfi", "count", True), "clocks.noarfi.count"),
        (_broken("noarfi", "count", -1), "clocks.noarfi.count"),
        (_broken("noarfi", "count", ...), "clocks.noarfi.count"),
        (_broken("appeal", "unit", "weeks"), "clocks.appeal.unit"),
        (_broken("appeal", "roll_forward", "yes"), "clocks.appeal.roll_forward"),
        (_broken("appeal", "text", "  "), "clocks.appeal.text"),
        (_broken("appeal", "source", ...), "clocks.appeal.source"),
        (_broken("appeal", "sorce", "x"), "clocks.appeal.sorce"),
        ({**CLOCKS_DATA, "appeal": 30}, "clocks.appeal"),
    ],
)
def test_a_bad_clock_is_refused_naming_the_key(data, path):
    with pytest.raises(InvalidInput) as raised:
        parse_clocks(data)
    assert path in [p.path for p in raised.value.problems]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"date": "2024-01-01"}, "holidays"),
        ([{"date": "2024-13-01", "name": "x"}], "holidays[0].date"),
        ([{"date": "2024-01-01", "name": "x"}, {"date": "2024-01-02"}], "holidays[1]"),
        (["2024-01-01"], "holidays[0]"),
    ],
)
def test_a_bad_holiday_is_refused_naming_the_entry(data, path):
    with pytest.raises(InvalidInput) as raised:
        parse_holidays(data)
    assert path in [p.path for p in raised.value.problems]


@pytest.mark.parametrize(
    ("clocks", "holidays", "path"),
    [
        ("count = = 1", "[]", "clocks"),
        (None, "[", "holidays"),
        (None, None, "holidays"),
    ],
)
def test_an_unreadable_file_is_refused(tmp_path: Path, clocks, holidays, path):
    (tmp_path / "clocks.toml").write_text(
        clocks if clocks is not None else (CA_DIR / "clocks.toml").read_text(encoding="utf-8")
    )
    if holidays is not None:
        (tmp_path / "holidays.json").write_text(holidays)
    with pytest.raises(InvalidInput) as raised:
        read_program("test", tmp_path)
    assert [p.path for p in raised.value.problems] == [path]


def test_a_program_from_other_files_counts_on_its_own_holidays(tmp_path: Path):
    (tmp_path / "clocks.toml").write_text((CA_DIR / "clocks.toml").read_text(encoding="utf-8"))
    (tmp_path / "holidays.json").write_text('[{"date": "2024-06-19", "name": "Juneteenth"}]')
    program = read_program("test", tmp_path)
    assert not is_business_day(D("2024-06-19"), program)
    assert is_business_day(D("2024-11-29"), program)
