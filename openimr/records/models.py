"""The case file: each record as received (its file, checksum, sender and time), what was
inferred about it (kind, author, date of service, title; a person may correct them), and its
text page by page. Writes go through `openimr.records.services`."""

from django.db import models

from openimr.core.case import DocumentKind
from openimr.core.db import choices_of, in_enum
from openimr.records.domain.active_content import ActiveContent, active_content_words
from openimr.records.vocabulary import KIND_LABELS, PARTY_LABELS, Party, Status, Via, labelled


class Record(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="records")
    filename = models.CharField(max_length=255)
    file_path = models.CharField(max_length=500, help_text="under MEDIA_ROOT")
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    received_at = models.DateTimeField()
    submitted_by = models.CharField(max_length=24, choices=labelled(PARTY_LABELS))
    via = models.CharField(max_length=8, choices=[("upload", "Staff upload"), ("api", "API")])
    received_by = models.CharField(max_length=150, help_text="user or API client")

    kind = models.CharField(
        max_length=24, choices=labelled(KIND_LABELS), default=DocumentKind.OTHER.value
    )
    author = models.CharField(max_length=300, null=True, blank=True)
    date_of_service = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=300, blank=True, default="")
    # Set when a person corrects the inferred facts; a later extraction keeps their words.
    edited_by = models.CharField(max_length=150, blank=True, default="")
    edited_at = models.DateTimeField(null=True, blank=True)

    # What a reader could run or open (domain/active_content.py), counted when the file was
    # received or last read; null for a record received before the count was made.
    active_content = models.JSONField(null=True, blank=True, default=None)

    status = models.CharField(
        max_length=10, choices=choices_of(Status), default=Status.PENDING.value
    )
    error = models.TextField(blank=True, default="")
    page_count = models.PositiveIntegerField(default=0)

    # Not stored: record_receive sets it when the same bytes had been received before, and
    # says what staff must know about a record the reviewer has not seen (domain/receipt.py).
    replayed = False
    warning = ""
    # Not stored either: set by selectors.case_file for a record received after screening
    # found the case ineligible or deferred (domain/receipt.py).
    received_after = ""

    class Meta:
        ordering = ("case", "received_at", "id")
        constraints = (
            models.UniqueConstraint(fields=("case", "sha256"), name="record_once_per_case"),
            models.CheckConstraint(
                condition=in_enum("submitted_by", Party), name="record_submitted_by_known"
            ),
            models.CheckConstraint(condition=in_enum("via", Via), name="record_via_known"),
            models.CheckConstraint(
                condition=in_enum("kind", DocumentKind), name="record_kind_known"
            ),
            models.CheckConstraint(condition=in_enum("status", Status), name="record_status_known"),
        )

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or self.filename

    @property
    def active(self) -> ActiveContent | None:
        return None if self.active_content is None else ActiveContent.from_dict(self.active_content)

    @property
    def active_content_words(self) -> str:
        """ "this PDF contains JavaScript (1 script)…"; empty for none, or not checked yet."""
        found = self.active
        return "" if found is None else active_content_words(found)


class RecordPage(models.Model):
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(help_text="from 1, as a reader cites it")
    text = models.TextField()

    class Meta:
        ordering = ("record", "number")
        constraints = (
            models.UniqueConstraint(fields=("record", "number"), name="record_page_once"),
        )

    def __str__(self) -> str:
        return f"{self.record_id} p. {self.number}"
