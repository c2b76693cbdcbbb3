"""The reviewer's and the QA physician's own work lists are looks at the cases they list:
each case's number, state and due date, and on the reviewer's page the parties of a case
awaiting the attestation of no conflict. Each showing is one ``list.viewed`` event naming
the page and every case shown, and a refusal is ``list.viewed.refused``, as for the
staff's lists (HIPAA 45 CFR 164.312(b)); each case is then in its own exported trail
(164.528)."""

from collections.abc import Callable
from typing import Any, NoReturn

from django.http import Http404

from openimr.audit.services import LIST_VIEWED, audit_list_viewed, audit_record
from openimr.review import selectors


def work_list(
    user: Any, page: str, role: str, cases_of: Callable[[Any], list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The user's cases (``cases_of``, rows with their due dates) with the look audited,
    or 404, audited, for a user without ``role``."""
    if not selectors.user_has_role(user, role):
        _refuse(user, page)
    listed = cases_of(user)
    audit_list_viewed(actor=user, page=page, cases=[c["row"].case_number for c in listed])
    return listed


def _refuse(user: Any, page: str) -> NoReturn:
    audit_record(actor=user, action=f"{LIST_VIEWED}.refused", object_type="page", object_id=page)
    raise Http404("No such page")
