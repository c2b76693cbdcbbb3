"""The `<case:case_number>` path converter of the staff pages."""

from openimr.cases.selectors import case_number_stored


class CaseNumberConverter:
    """A case number in a staff page's address, read as the public side reads one (any
    letter case, `case_number_stored`), so every staff page opens cm16-0400101 as the
    case CM16-0400101. The view's own lookup still answers "no case" for a number none has."""

    regex = "[^/]+"

    def to_python(self, value: str) -> str:
        return case_number_stored(value)

    def to_url(self, value: str) -> str:
        return value
