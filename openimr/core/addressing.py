"""The words that address each party in its role, shared by every text written to the
parties: the notices' placeholders (`openimr.letters.domain.notices`) and the eligibility
reasons printed on them (`openimr.cases.domain.eligibility`)."""

# The roles a notice is addressed to; "" is the file copy staff keep and download.
READERS = ("employee", "attorney", "claims_administrator", "requesting_physician")


def addressed(reader: str, employee_name: str) -> dict[str, str]:
    """The words that address the reader of a notice in its role. A notice goes to every
    party (the Notice of Assignment: 8 CCR 9792.10.4(b); the notices of ineligibility or
    deferral: 8 CCR 9792.10.3; a conversion to expedited: 8 CCR 9792.10.4(c)), but only the
    employee filed the application (LC 4610.5(h)(1)) and only the claims administrator owes
    the records (8 CCR 9792.10.5(a)(1)): "your application" read by the administrator, or
    "the claims administrator must send" read by it, would misstate who each party is.
    An unknown or empty reader gets the file copy's third-person wording."""
    named = f"the employee, {employee_name}," if employee_name else "the employee"
    application = {
        "employee": "your application",
        "attorney": "your client's application",
        "requesting_physician": f"the application filed by your patient, {employee_name},"
        if employee_name
        else "the application filed by your patient",
    }.get(reader, f"the application filed by {named}")
    administrator = "you" if reader == "claims_administrator" else "the claims administrator"
    filer = "you" if reader in {"employee", "attorney"} else "the employee"
    employee = "you" if reader == "employee" else "the employee"
    return {
        "employee": employee,
        "Employee": employee[:1].upper() + employee[1:],
        "physician": "you" if reader == "requesting_physician" else "the requesting physician",
        "application": application,
        "Application": application[:1].upper() + application[1:],
        "administrator": administrator,
        "Administrator": administrator[:1].upper() + administrator[1:],
        "filer": filer,
    }


def literal(text: str) -> str:
    """``text`` put in a wording as it is, whatever braces it holds (a treatment typed
    "MRI {L4}"): `address` prints it unchanged."""
    return text.replace("{", "{{").replace("}", "}}")


class _Kept(dict[str, str]):
    # A placeholder this reader has no words for stays as written rather than failing the
    # notice: a stored wording is read back years later, whatever the words are then.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def address(wording: str, reader: str, employee_name: str) -> str:
    """``wording`` (placeholders of `addressed`, braces of its values doubled by `literal`)
    as ``reader`` reads it; the file copy's third person for no reader."""
    return wording.format_map(_Kept(addressed(reader, employee_name)))
