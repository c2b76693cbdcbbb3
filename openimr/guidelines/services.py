"""Adding to the guideline catalog: audited, checked as the program's own entries are."""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from openimr.audit.services import Actor, audit_record
from openimr.core.clock import now
from openimr.guidelines.domain.catalog import GuidelineEntry, new_entry
from openimr.guidelines.models import StaffEntry
from openimr.guidelines.selectors import guideline_catalog


@transaction.atomic
def guideline_entry_add(
    *, fields: dict[str, Any], actor: Actor, program: str = "ca-dwc-imr"
) -> GuidelineEntry:
    """InvalidInput naming each bad field (an MTUS entry without its adopting 8 CCR section,
    an unknown family, an id already in the catalog); then nothing is stored."""
    taken = {e.id for e in guideline_catalog(program).entries}
    entry = new_entry(fields, taken=taken)
    StaffEntry.objects.create(
        entry_id=entry.id,
        program=program,
        family=entry.family,
        title=entry.title,
        part=entry.part,
        edition=entry.edition,
        section=entry.section,
        aliases=list(entry.aliases),
        added_by=actor if isinstance(actor, User) else None,
        added_at=now(),
    )
    audit_record(
        actor=actor,
        action="guideline.added",
        object_type="guideline",
        object_id=entry.id,
        detail={"family": entry.family, "title": entry.title},
    )
    return entry
