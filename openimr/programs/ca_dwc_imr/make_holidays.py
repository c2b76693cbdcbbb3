"""Write the California holiday calendar (``holidays.json``) from the `holidays` package.

    python -m openimr.programs.ca_dwc_imr.make_holidays > openimr/programs/ca_dwc_imr/holidays.json

Source followed: the holidays on which California state offices close, i.e. the paid
holidays of state employees (Gov. Code 19853(a)-(b); CalHR's yearly "State Holidays" list),
not the longer list of Gov. Code 6700. A business day here is a day a state office is open.

From the library's ``public`` category for ``US``/``CA`` we keep New Year's Day, Martin
Luther King Jr. Day, Presidents' Day, Cesar Chavez Day, Memorial Day, Independence Day,
Labor Day, Veterans Day, Thanksgiving Day, the Day After Thanksgiving and Christmas Day.
We drop what the library lists there but state offices do not close for:

- Susan B. Anthony Day (Feb 15): commemorative only.
- Juneteenth (federal), Native American Day, Lunar New Year, Genocide Remembrance Day and
  Diwali (the library lists it from 2026): Gov. Code 6700 names them, but state employees
  may only elect holiday credit for them in lieu of a personal holiday (Gov. Code 19853(e)
  and AB 268 (2025)); offices stay open.
- Columbus Day and Lincoln Day: state employees lost them in 2009 and the library stops
  listing them for California before 2013.

Observance (Gov. Code 19853(b)): a Sunday holiday is observed the next Monday; a Saturday
holiday is not moved (employees get holiday credit), except Veterans Day, observed the Friday
before. The library applies the federal Saturday-to-Friday rule to every holiday, so its
Friday "(observed)" days are dropped except for Veterans Day.
"""

import json
import sys
from collections.abc import Iterable
from datetime import date

import holidays

FIRST_YEAR = 2013
LAST_YEAR = 2035

STATE_OFFICE_HOLIDAYS = frozenset(
    {
        "New Year's Day",
        "Martin Luther King Jr. Day",
        "Presidents' Day",
        "Cesar Chavez Day",
        "Memorial Day",
        "Independence Day",
        "Labor Day",
        "Veterans Day",
        "Thanksgiving Day",
        "Day After Thanksgiving",
        "Christmas Day",
    }
)
_OBSERVED = " (observed)"
# Gov. Code 19853(b): the one holiday that moves back to Friday when it falls on a Saturday.
_SATURDAY_TO_FRIDAY = "Veterans Day"


def _keep(day: date, name: str) -> bool:
    base = name.removesuffix(_OBSERVED)
    if base not in STATE_OFFICE_HOLIDAYS:
        return False
    moved_to_friday = name.endswith(_OBSERVED) and day.weekday() == 4
    return not moved_to_friday or base == _SATURDAY_TO_FRIDAY


def _check_complete(entries: Iterable[tuple[date, str]], years: range) -> None:
    """Fail loudly if the library renamed or lost a holiday: each year needs all eleven."""
    for year in years:
        names = {name for day, name in entries if day.year == year and _OBSERVED not in name}
        missing = STATE_OFFICE_HOLIDAYS - names
        if missing:
            raise SystemExit(f"{year}: the holidays package no longer lists {sorted(missing)}")


def build(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> list[dict[str, str]]:
    """Every state-office holiday from ``first`` to ``last``, observed days included."""
    years = range(first, last + 1)
    calendar = holidays.country_holidays(
        "US", subdiv="CA", years=years, categories=("public",), language="en_US"
    )
    entries = [
        (day, name)
        for day in sorted(calendar)
        if day.year in years
        for name in calendar.get_list(day)
        if _keep(day, name)
    ]
    _check_complete(entries, years)
    return [{"date": day.isoformat(), "name": name} for day, name in entries]


def render(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> str:
    """The file's exact text: one holiday a line, so a regenerated file diffs by the day."""
    lines = [json.dumps(entry, ensure_ascii=False) for entry in build(first, last)]
    return "[\n" + ",\n".join(f"  {line}" for line in lines) + "\n]\n"


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
