"""The published decision corpus: every Final Determination Letter the public may read,
de-identified. Two sources feed it: letters already published elsewhere, read by the letter
parser (`openimr corpus ingest`), and the letters this organization issues
(`openimr corpus publish`, or on issue). Nothing here may name a person: LC 4610.6(f) keeps the
reviewer's identity confidential, and the employee's medical information is protected health
information (Civil Code 56.10), so only de-identified facts are stored.

Writes go through `openimr.decisions.services`; reads through `openimr.decisions.selectors`.
"""

from django.db import models

# A Decision's warning when its PDF is kept from the public (corpus ingest and recheck): the
# letter page says so where the link would be.
PDF_WITHHELD = (
    "its PDF is not published: de-identification removed identifiers from its text, "
    "which the PDF still prints"
)


class Source(models.TextChoices):
    PUBLISHED = "published", "Published letter, read by the parser"
    ISSUED = "issued", "Issued by this organization"


class Decision(models.Model):
    """One letter of the public corpus. ``document`` is the de-identified ``openimr.case/1``
    document; the columns beside it are the facts search and analytics filter on."""

    case_number = models.CharField(max_length=40, unique=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    layout = models.CharField(max_length=40, help_text="the letter layout the parser found")
    content_sha256 = models.CharField(max_length=64, help_text="of the letter as received")
    letter_path = models.CharField(
        max_length=500, blank=True, default="", help_text="the letter's PDF, under MEDIA_ROOT"
    )

    decision_date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    assigned_date = models.DateField(null=True, blank=True)
    injury_date = models.DateField(null=True, blank=True)
    ur_decision_date = models.DateField(null=True, blank=True)
    application_received_date = models.DateField(null=True, blank=True)
    priority = models.CharField(max_length=12, blank=True, default="")
    employee_age = models.PositiveSmallIntegerField(null=True, blank=True)
    employee_sex = models.CharField(max_length=8, blank=True, default="")
    licensed_in = models.JSONField(default=list, help_text="USPS state codes")
    clinical_summary = models.TextField(blank=True, default="")

    document = models.JSONField(help_text="the de-identified openimr.case/1 document")
    warnings = models.JSONField(default=list)
    confidence = models.JSONField(default=dict, help_text="field path -> 0..1, from the parser")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ("-decision_date", "case_number")
        indexes = (models.Index(fields=("year", "priority"), name="decision_year_priority"),)

    def __str__(self) -> str:
        return self.case_number


class DecisionSpecialty(models.Model):
    """A reviewer specialty named in the letter (a letter may name several)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="specialties")
    specialty = models.CharField(max_length=120, db_index=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("decision", "specialty"), name="specialty_once"),
        )

    def __str__(self) -> str:
        return self.specialty


class DecisionItem(models.Model):
    """One disputed item and its outcome, with the guideline families each side cited."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    treatment = models.CharField(max_length=500)
    category = models.CharField(max_length=24, db_index=True)
    outcome = models.CharField(max_length=12, blank=True, default="", db_index=True)
    # The reviewer's basis: did it rest on the MTUS, and which families did it cite?
    mtus_based = models.BooleanField(default=False)
    cites_mtus = models.BooleanField(default=False)
    cites_acoem = models.BooleanField(default=False)
    cites_odg = models.BooleanField(default=False)
    cites_other = models.BooleanField(default=False)
    rationale = models.TextField(blank=True, default="")
    # The body regions the item is for, read when the letter is stored as the precedent panel
    # reads the case under review (domain.item_regions.stored_regions): "|knee|" for "MRI of
    # the left knee", "*|lumbar|" for "PT 2x6" of a letter diagnosed "Lumbar
    # radiculopathy"; None for none. Nullable so that
    # adding it left SQLite's table (and its search triggers) as it was.
    regions = models.CharField(max_length=200, null=True, blank=True)

    class Meta:
        ordering = ("decision", "position")
        constraints = (
            models.UniqueConstraint(fields=("decision", "position"), name="item_position_once"),
        )
        # The newest letters holding an item whose region came from their diagnoses, by
        # category and region (precedents_sql.diagnosed_letters): the full-text index holds
        # no diagnoses.
        indexes = (models.Index(fields=("category", "regions", "decision"), name="item_regions"),)

    def __str__(self) -> str:
        return f"{self.treatment}: {self.outcome or 'undecided'}"


class SourceFile(models.Model):
    """Every file ingest has seen, by content hash: ingest is idempotent and resumable because
    a file whose hash is here is not read again. A file that failed to parse stays here with
    its reason (never dropped) and is listed for staff until a later read of the same path
    parses (``resolved_at``: kept, no longer listed)."""

    class Status(models.TextChoices):
        PARSED = "parsed", "Parsed"
        FAILED = "failed", "Failed"

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=500, help_text="path or zip member it was read from")
    size = models.PositiveBigIntegerField()
    status = models.CharField(max_length=8, choices=Status.choices)
    layout = models.CharField(max_length=40, blank=True, default="")
    error = models.TextField(blank=True, default="")
    warnings = models.JSONField(default=list)
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    seen_at = models.DateTimeField()
    resolved_at = models.DateTimeField(
        null=True, blank=True, help_text="when a later read of the same path parsed"
    )

    class Meta:
        ordering = ("-seen_at", "id")
        # The staff list of failures reads only failed rows, newest first.
        indexes = (models.Index(fields=("status", "-seen_at"), name="sourcefile_status_seen"),)

    def __str__(self) -> str:
        return self.name
