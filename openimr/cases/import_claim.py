"""The claim number of a case imported whole (`openimr case import`): the optional,
staff-only top-level "claim_number" of an import document. A filed case has it from its
application; an imported one only from here, and without it its parties cannot find it on
/status/, where the claim number is their proof of being a party (`openimr.cases.status`).
Checked by the application's own rule (`intake_fields.ClaimNumber`: 1 to 60 printable
characters, at least one letter or digit), so a file and the intake form refuse the same
things. Like the contacts it is never part of the case document itself
(`openimr.core.case.Case`), which is also the public, de-identified corpus format: no
letter, published decision or export can print it."""

from pydantic import ValidationError

from openimr.cases.intake_schema import ClaimNumber, Strict
from openimr.core.errors import InvalidInput
from openimr.core.validation import problem_from_error


class ClaimIn(Strict):
    claim_number: ClaimNumber | None = None


def claim_number_parse(raw: object) -> str:
    """The claim number given ("" for none, null or absent), or InvalidInput at
    `$.claim_number` saying what is wrong with it."""
    try:
        parsed = ClaimIn.model_validate({"claim_number": raw})
    except ValidationError as exc:
        raise InvalidInput([problem_from_error(dict(e)) for e in exc.errors()]) from exc
    return parsed.claim_number or ""
