"""The timeliness CSV (the page's download and `openimr clocks timeliness --csv`) is opened
in a spreadsheet: a text cell starting with "=", "+", "-" or "@" is written as text, quoted,
as the public exports write theirs (OWASP CSV Injection), and counts stay numbers."""

import codecs
import csv
import io

from openimr.cases.domain.timeliness import MonthRow
from openimr.cases.timeliness import write_months_csv


def test_a_clock_named_like_a_formula_is_written_as_text():
    out = io.StringIO(newline="")
    write_months_csv(out, [MonthRow("2026-03", '=HYPERLINK("http://x")', 1, 0, 0, 0)])
    (row,) = csv.DictReader(io.StringIO(out.getvalue().removeprefix("\ufeff")))
    assert row["clock"] == '\'=HYPERLINK("http://x")'
    assert row["deadline"] == '\'=HYPERLINK("http://x")'
    assert (row["month"], row["due"], row["on_time_share"]) == ("2026-03", "1", "1.0000")


def test_the_csv_starts_with_a_byte_order_mark_as_every_csv_of_openimr():
    # Excel reads a CSV without it in the computer's legacy code page, and an accented
    # program's clock name arrives garbled; a reader of data drops it (utf-8-sig).
    out = io.StringIO(newline="")
    write_months_csv(out, [MonthRow("2026-03", "révision_due", 1, 0, 0, 0)])
    data = out.getvalue().encode("utf-8")
    assert data.startswith(codecs.BOM_UTF8)
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert (row["month"], row["clock"]) == ("2026-03", "révision_due")
