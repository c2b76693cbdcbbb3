"""Which account may be a panel reviewer's login.

The login opens the reviewer's workspace: the cases the reviewer is assigned, and each
one's file once they attest that they have no conflict of interest (LC 139.5(d); 8 CCR
9792.10.6). So the account must hold the reviewer role, without which it opens no
reviewer page (the reviewer would be given nothing), and no role that opens every case's
file without that attestation: an intake clerk's (``STAFF_ROLES``), or the administrator's
(a superuser holds every role but the reviewer's, openimr.core.access). Through those the
reviewer could read the files of cases they are conflicted on, more than their work needs
(HIPAA 45 CFR 164.502(b), minimum necessary)."""

from collections.abc import Iterable

from openimr.core.roles import REVIEWER, ROLES, STAFF_ROLES


def reviewer_account_refusal(
    username: str, groups: Iterable[str], *, superuser: bool
) -> str | None:
    """Why the account ``username`` (a member of ``groups``) may not be a reviewer's login,
    naming it and its roles; None when it may (see the module's docstring)."""
    roles = [role for role in ROLES if role in set(groups)]
    held = ", ".join(roles) or "none"
    if superuser:
        return (
            f"the account {username} is a superuser (the administrator), which opens every "
            "case's file: link the reviewer to an account in the reviewer role"
        )
    if REVIEWER not in roles:
        return (
            f"the account {username} is not in the reviewer role (its roles: {held}): add it "
            "to the reviewer group, or link the reviewer to an account in it"
        )
    wide = [role for role in roles if role in STAFF_ROLES]
    if wide:
        return (
            f"the account {username} is in the {', '.join(wide)} role too, which opens every "
            "case's file: link the reviewer to an account in the reviewer role without it"
        )
    return None
