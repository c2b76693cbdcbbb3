"""How to reach the parties of a case brought in whole (`openimr case import`), which has no
application to take their addresses from: the optional, staff-only "contacts" part of an
import document. Validated by the application's own `Address` and `Email` rules, so a file
and the intake form refuse the same things; never written into the case document itself,
which is also the public, de-identified corpus format."""

from typing import Any

from pydantic import ValidationError

from openimr.cases.intake_schema import Address, Email, Strict
from openimr.core.case import Case
from openimr.core.errors import InvalidInput, Problem
from openimr.core.validation import problem_from_error

# role -> {"address": ..., "email": ...}; only what was given, "" never stored.
Contacts = dict[str, dict[str, str]]
# The parties a letter is served on (LC 4610.6(f)); the employer, as on the application, is
# served by mail only.
EMAIL_ROLES = ("employee", "attorney", "claims_administrator", "requesting_physician")
ROLES = (*EMAIL_ROLES, "employer")


class ContactIn(Strict):
    address: Address = None
    email: Email = None


class EmployerContactIn(Strict):
    address: Address = None


class ContactsIn(Strict):
    employee: ContactIn | None = None
    attorney: ContactIn | None = None
    claims_administrator: ContactIn | None = None
    requesting_physician: ContactIn | None = None
    employer: EmployerContactIn | None = None


def contacts_parse(raw: object) -> Contacts:
    """The contacts of a document's "contacts" object, each problem at its JSON path
    ($.contacts.<role>.<field>); what is blank is left out."""
    try:
        parsed = ContactsIn.model_validate(raw)
    except ValidationError as exc:
        problems = [problem_from_error(dict(e)) for e in exc.errors()]
        raise InvalidInput([_under_contacts(p) for p in problems]) from exc
    found: Contacts = {}
    for role in ROLES:
        given = getattr(parsed, role)
        kept = {k: v for k, v in (given.model_dump() if given else {}).items() if v}
        if kept:
            found[role] = kept
    return found


def _under_contacts(problem: Problem) -> Problem:
    return Problem("$.contacts" + problem.path.removeprefix("$"), problem.message)


def contacts_problems(contacts: Contacts, case: Case) -> list[Problem]:
    """A contact for a party the case does not name is served on no one (the application
    refuses an address without a name the same way)."""
    names = {
        "employee": case.employee.name,
        "attorney": case.attorney.name,
        "claims_administrator": case.claims_administrator.name,
        "requesting_physician": case.requesting_physician.name,
        "employer": case.employer.name,
    }
    return [
        Problem(f"$.contacts.{role}", f"the case names no {role.replace('_', ' ')}")
        for role in contacts
        if not names[role]
    ]


def contacts_document(contacts: Contacts) -> dict[str, Any]:
    """The "contacts" object as a staff export writes it back, in the parties' order."""
    return {role: dict(contacts[role]) for role in ROLES if contacts.get(role)}
