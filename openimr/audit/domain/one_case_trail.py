"""What a staff list's event says in one case's trail. The event names every case the list
showed (``detail.cases``), and so it must be stored and hashed: the staff-wide trail and
`openimr audit verify` need it whole. A case's trail is its accounting of disclosures
(HIPAA 45 CFR 164.528), handed to the case's own worker; there the other cases' numbers
are no part of what it must account for and would disclose them, so it shows only this
case and how many others the list showed (minimum necessary, 45 CFR 164.502(b))."""

from collections.abc import Mapping
from typing import Any

LISTED = "cases"
# What else a list's event holds that is about the list, not about another case: the work
# queue's filters, the outbox's number of messages, the timeliness report's months and the
# command line's shape of it (table or json). Anything else (the case list's
# search, which may be another person's name, or a key added later) is withheld until it
# is known to name no one else.
KEPT = frozenset({"state", "priority", "status", "messages", "from", "to", "as"})
PAGES = {
    "cases:list": "the case list",
    "cases:queue": "the work queue",
    "cases:timeliness": "the timeliness report's missed deadlines",
    "clocks timeliness": "the timeliness report's missed deadlines (command line)",
    "review:print_queue": "the print queue",
    "review:outbox": "the outbox",
    "review:home": "a reviewer's list of cases",
    "review:qa_home": "QA's list of cases",
}


def one_case_detail(detail: Mapping[str, Any], case_number: str, page: str) -> dict[str, Any]:
    """``detail`` as ``case_number``'s trail shows it: an event that lists cases names only
    this one, with ``other_cases`` (how many more the list showed), ``shown`` (the same in
    words) and ``withheld`` (the keys left out or shortened). An event that lists no other
    case and holds nothing withheld is shown as stored (45 CFR 164.502(b), 164.528)."""
    listed = detail.get(LISTED)
    if not isinstance(listed, list):
        return dict(detail)
    shown = {str(n) for n in listed}
    others = len(shown - {case_number})
    withheld = sorted(k for k in detail if k not in KEPT and k != LISTED)
    if not others and not withheld:
        return dict(detail)
    kept = {k: v for k, v in detail.items() if k in KEPT}
    where = PAGES.get(page, page)
    return {
        **kept,
        LISTED: [case_number] if case_number in shown else [],
        "other_cases": others,
        "shown": f"in {where} with {others} other case{'' if others == 1 else 's'}",
        "withheld": sorted([LISTED, *withheld] if others else withheld),
    }
