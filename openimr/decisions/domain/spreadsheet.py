"""Text written into a CSV file that a spreadsheet will open.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before reading the rest as a formula) is run as a formula by Excel,
LibreOffice and Google Sheets: a published letter's treatment or rationale reading
``=HYPERLINK("https://...")`` would become a live link, or worse, on the reader's machine
(OWASP, "CSV Injection"). OWASP ASVS 5.0 (1.2.10) adds a cell starting with a NUL
character. Such a cell is written with a single quote before it, which the spreadsheet
shows as text and does not run. Numbers, dates and flags are never text here
and are left as they are."""

import csv
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

# A byte-order mark before a CSV's header: Excel, opening a CSV file by a double click,
# reads one without it in the computer's legacy code page (Windows-1252), and a specialty
# or a treatment outside ASCII ("Médecine", "—") arrives mangled; with it, Excel,
# LibreOffice and Numbers read UTF-8. Readers of data take it as it is: pandas.read_csv
# drops it (since pandas 0.19), and Python's csv module does when the file is opened with
# encoding="utf-8-sig" (docs/search.md says so). Every CSV openimr writes starts with it
# (`SpreadsheetCsv`): the chart downloads, the corpus export, a case's audit trail and the
# timeliness table, where the staff's accented names ("Peña") came out garbled without it.
BOM = "\ufeff"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` itself, or a text cell a spreadsheet would run, quoted: ``'=1+1``. OWASP
    CSV Injection: prefix each cell starting with ``= + - @``, tab or carriage return;
    OWASP ASVS 5.0 V1.2.10: or a NUL."""
    if type(value) is str and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


class SpreadsheetCsv:
    """A CSV a spreadsheet will open, written to ``target``: the BOM, ``header``, then each
    row with every cell through `spreadsheet_safe` (OWASP CSV Injection). The one way
    openimr writes a CSV, so that none lacks either."""

    def __init__(self, target: Writable, header: Sequence[str]) -> None:
        target.write(BOM)
        self._out = csv.writer(target)
        self._out.writerow(header)

    def row(self, cells: Iterable[Any]) -> None:
        self._out.writerow([spreadsheet_safe(cell) for cell in cells])
