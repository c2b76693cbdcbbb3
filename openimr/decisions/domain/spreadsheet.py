"""Text written into a CSV file that a spreadsheet will open.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before reading the rest as a formula) is run as a formula by Excel,
LibreOffice and Google Sheets: a published letter's treatment or rationale reading
``=HYPERLINK("https://...")`` would become a live link, or worse, on the reader's machine
(OWASP, "CSV Injection"). OWASP ASVS 5.0 (1.2.10) adds a cell starting with a NUL
character. Such a cell is written with a single quote before it, which the spreadsheet
shows as text and does not run. Numbers, dates and flags are never text here
and are left as they are."""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` itself, or a text cell a spreadsheet would run, quoted: ``'=1+1``. OWASP
    CSV Injection: prefix each cell starting with ``= + - @``, tab or carriage return;
    OWASP ASVS 5.0 V1.2.10: or a NUL."""
    if type(value) is str and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
