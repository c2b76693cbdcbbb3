"""Applications for IMR (DWC Form IMR), the case timeline, and the notices sent to the parties."""

from django.db import models

from openimr.cases.domain.application import ReviewType, ServiceMethod, SignerRole
from openimr.cases.models.case import Case
from openimr.cases.models.wording import NoticeWording
from openimr.core.case import Category, UROutcome
from openimr.core.db import choices_of, in_enum


class Application(models.Model):
    """The application as received; one per case. Fields follow DWC Form IMR."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="application")
    received_at = models.DateTimeField()
    received_on = models.DateField(
        help_text="California date of receipt: the day the law counts from"
    )
    via = models.CharField(
        max_length=8, choices=[("web", "Web form"), ("api", "API"), ("batch", "Batch file")]
    )
    client = models.CharField(max_length=150, help_text="user or API client that submitted it")
    idempotency_key = models.CharField(max_length=200, null=True, blank=True)
    # SHA-256 of the request the key was first used for: the key names that request alone,
    # so another body under it is refused, not answered with this case. Empty on rows
    # filed before it was kept, which replay as they did.
    idempotency_digest = models.CharField(max_length=64, blank=True, default="")

    review_type = models.CharField(max_length=10, choices=choices_of(ReviewType))
    claim_number = models.CharField(max_length=60, db_index=True)
    # The claim number as screening compares it (cases.domain.claims.normalise_claim), so
    # "QADUP-001" on file is found for "qadup 001" with one indexed lookup per batch. Text:
    # a compatibility form can be longer than the number as typed.
    claim_key = models.TextField(db_index=True, blank=True, default="")
    employee_name = models.CharField(max_length=300)
    employee_address = models.TextField(blank=True, default="")
    employee_phone = models.CharField(max_length=40, blank=True, default="")
    employee_email = models.CharField(max_length=254, blank=True, default="")
    date_of_injury = models.DateField()
    employer_name = models.CharField(max_length=300, blank=True, default="")
    ur_decision_date = models.DateField()
    ur_service_method = models.CharField(max_length=12, choices=choices_of(ServiceMethod))
    requesting_physician_name = models.CharField(max_length=300, blank=True, default="")
    requesting_physician_specialty = models.CharField(max_length=300, blank=True, default="")
    claims_administrator_name = models.CharField(max_length=300, blank=True, default="")
    adjuster_name = models.CharField(max_length=300, blank=True, default="")
    attorney_name = models.CharField(max_length=300, blank=True, default="")
    # The other parties' e-mail addresses, for serving the letter (LC 4610.6(f)).
    requesting_physician_email = models.CharField(max_length=254, blank=True, default="")
    claims_administrator_email = models.CharField(max_length=254, blank=True, default="")
    attorney_email = models.CharField(max_length=254, blank=True, default="")
    # Their postal addresses, for mailing a party that gave no e-mail (or whose e-mail failed).
    requesting_physician_address = models.TextField(blank=True, default="")
    claims_administrator_address = models.TextField(blank=True, default="")
    attorney_address = models.TextField(blank=True, default="")
    # The employer is served the letter too (LC 4610.6(f)), by mail: it gives no e-mail.
    employer_address = models.TextField(blank=True, default="")
    conditional_non_certification = models.BooleanField(default=False)
    disputed_other_than_medical_necessity = models.BooleanField(default=False)
    claims_administrator_agrees_to_proceed = models.BooleanField(null=True, blank=True)
    formulary_dispute = models.BooleanField(default=False)
    signed_by = models.CharField(max_length=300, blank=True, default="")
    signer_role = models.CharField(
        max_length=16, choices=choices_of(SignerRole), blank=True, default=""
    )
    signature_date = models.DateField(null=True, blank=True)

    ur_decision_file = models.CharField(max_length=500, blank=True, default="")
    ur_decision_sha256 = models.CharField(max_length=64, blank=True, default="")
    ur_decision_pages = models.PositiveIntegerField(default=0)
    ur_decision_text = models.TextField(blank=True, default="")

    outcome = models.CharField(
        max_length=10,
        choices=[("eligible", "Eligible"), ("ineligible", "Ineligible"), ("deferred", "Deferred")],
        blank=True,
        default="",
    )
    reasons = models.JSONField(default=list, blank=True)
    last_day_to_file = models.DateField(null=True, blank=True)
    override_reason = models.TextField(blank=True, default="")
    override_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("client", "idempotency_key"),
                condition=models.Q(idempotency_key__isnull=False),
                name="application_idempotency_unique",
            ),
        )

    def __str__(self) -> str:
        return f"Application for {self.case_id}"


class ApplicationTreatment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="treatments"
    )
    position = models.PositiveIntegerField()
    treatment = models.CharField(max_length=500)
    diagnosis = models.CharField(max_length=300)
    icd10 = models.CharField(max_length=10, blank=True, default="")
    category = models.CharField(max_length=24, choices=choices_of(Category))
    ur_outcome = models.CharField(max_length=10, choices=choices_of(UROutcome))
    # Optional on the form: the NOARFI names it "if available" (8 CCR 9792.10.4(b)(2)).
    rfa_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("application", "position")
        constraints = (
            models.CheckConstraint(
                condition=in_enum("category", Category), name="treatment_category_known"
            ),
        )

    def __str__(self) -> str:
        return self.treatment


class NoticeManager(models.Manager["Notice"]):
    def get_queryset(self) -> models.QuerySet["Notice"]:
        return super().get_queryset().select_related("wording")


class Notice(models.Model):
    """A notice sent to the parties (NOARFI, ineligibility, deferral). The facts it was built
    from are frozen here with its text, and the wording it was written in (``wording``, none
    for a notice frozen before the wording was kept); HTML and PDF are rendered from them on
    request, byte for byte the same each time (the PDF renderer is deterministic)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20)
    created_at = models.DateTimeField()
    facts = models.JSONField()
    text = models.TextField()
    wording = models.ForeignKey(
        NoticeWording, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # The wording comes with the notice: a case's page titles each of its notices from it.
    objects = NoticeManager()

    class Meta:
        ordering = ("case", "created_at", "id")

    def __str__(self) -> str:
        return f"{self.kind} for {self.case_id}"

    @property
    def title(self) -> str:
        """The notice's title in the wording it was issued in (its kind for a notice frozen
        before the wording was kept). Its service on each party is
        `openimr.letters.models.LetterService` (``services``), as a letter's is."""
        tables = self.wording.tables if self.wording is not None else {}
        return str(tables.get(self.kind, {}).get("title") or self.kind)


class CaseNumberCounter(models.Model):
    """Last case number issued per year prefix; read and bumped under the write lock."""

    prefix = models.CharField(max_length=8, unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}{self.last:07d}"
