"""The one exception family. Callers at the edge (API, CLI, views) turn these into the one
error shape: `{"error": {"code", "message", "fields"}}`, or the same text with exit code 2."""

from dataclasses import dataclass

from openimr.core.text import shown_literally


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located by JSON path (``$.items[0].decision``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class OpenIMRError(Exception):
    """Base of every error openimr raises on purpose; anything else is a bug (a 500)."""

    code = "error"


class InvalidInput(OpenIMRError):
    """Input that breaks a schema or a rule; nothing has been written."""

    code = "invalid"

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], message: str = "") -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        summary = message or (str(self.problems[0]) if count == 1 else f"{count} problems found")
        super().__init__(summary)

    def located(self, where: str) -> "InvalidInput":
        """The same problems said to be in ``where`` (a file named on the command line):
        their JSON paths alone do not say which of several inputs held them."""
        return InvalidInput(self.problems, f"{where}: {len(self.problems)} problem(s)")

    def report(self) -> str:
        """The problems as a terminal prints them, a line each. A problem may name a file or
        quote one ("cannot read <name>"): each control and text-direction character is
        written as its code, so a name holding an escape sequence cannot re-colour the
        terminal nor a U+202E print it reversed, and a line break cannot start a line that
        reads as another problem."""
        if len(self.problems) == 1 and str(self) == str(self.problems[0]):
            return shown_literally(str(self))
        lines = [str(self), *(f"  {p}" for p in self.problems)]
        return "\n".join(shown_literally(line) for line in lines)

    def as_error(self) -> dict[str, object]:
        return {
            "error": {
                "code": self.code,
                "message": str(self),
                "fields": [{"path": p.path, "message": p.message} for p in self.problems],
            }
        }


class NotFound(OpenIMRError):
    code = "not_found"


class Conflict(OpenIMRError):
    """The request clashes with what is stored (a duplicate, an issued letter)."""

    code = "conflict"


class Unavailable(OpenIMRError):
    """What is stored cannot be given out in the form asked for (a record's PDF whose copy
    without active content could not be made); the message says why and what to do."""

    code = "unavailable"
