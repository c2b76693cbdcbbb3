from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what to which object, when. Written in the same transaction as the change it
    records, so a rolled-back change leaves no event and a committed one always has one."""

    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    # The actor's username at the time, and "system"/"cli" for work with no logged-in user.
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=60)
    detail = models.JSONField(default=dict, blank=True)
    # The actor's role when they acted (intake, reviewer, qa, admin, api_client, system,
    # public) and the request it came with (the X-Request-ID header; empty outside a request).
    role = models.CharField(max_length=40, blank=True, default="")
    request_id = models.CharField(max_length=64, blank=True, default="")
    # The hash chain (openimr.audit.chain): the lane (chain) it was appended to, the hash of
    # the event before it in that lane and its own.
    lane = models.PositiveSmallIntegerField(default=1)
    prev_hash = models.CharField(max_length=64, blank=True, default="")
    hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ("id",)
        indexes = (models.Index(fields=("object_type", "object_id")),)

    def __str__(self) -> str:
        when = f"{self.at:%Y-%m-%d %H:%M}"
        return f"{when} {self.actor_label} {self.action} {self.object_type} {self.object_id}"


class AuditChainHead(models.Model):
    """Where a lane of the chain ends (the row's id is the lane): locked by each append to
    it, so its appends are serialized, and compared by `openimr audit verify` with the
    lane's last event, so events removed from the end are noticed too."""

    last_hash = models.CharField(max_length=64, blank=True, default="")
    length = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"audit chain of {self.length} event(s), ending {self.last_hash[:12]}"


class AuditEventCase(models.Model):
    """A case an event names in a list (``detail.cases``: a staff list showing several
    cases), one row a case, written in the event's transaction (``openimr.audit.case_index``).
    SQLite cannot search a JSON list, so without it a case's trail, its accounting of
    disclosures (HIPAA 45 CFR 164.528), missed every list it was shown in. Not hashed: it
    repeats ``detail``, which is, and `audit verify` checks the two agree."""

    # No index and no constraint of its own: the unique (case, event) pair is the index a
    # case's trail reads, an event's rows are never looked up from the event, and the
    # event is written in the same transaction and can never be deleted (the append-only
    # triggers). With the constraint, sqlite3 alone took 2.5 ms to write and commit a list
    # view's event and its 50 rows, without it 1.4 ms (docs/benchmarks.md, session 24).
    event = models.ForeignKey(
        AuditEvent,
        on_delete=models.PROTECT,
        related_name="listed_cases",
        db_index=False,
        db_constraint=False,
    )
    case_number = models.CharField(max_length=60)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("case_number", "event"), name="audit_case_event"),
        )

    def __str__(self) -> str:
        return f"event {self.event_id} names {self.case_number}"
