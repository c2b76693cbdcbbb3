"""The reviewer panel and assignments. A reviewer's name lives only here and on staff
pages: letters and notices are built from `ReviewerQualifications`, which has no name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from openimr.core.db import choices_of, in_enum
from openimr.core.errors import InvalidInput
from openimr.reviewers.domain.panel import AffiliationKind
from openimr.reviewers.panel_format import is_state_code, text_problem
from openimr.reviewers.specialty_data import default_specialty_table, with_overrides


class Reviewer(models.Model):
    reviewer_id = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=300)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewer",
    )
    years_in_practice = models.PositiveSmallIntegerField(default=0)
    weekly_hours = models.FloatField(default=0)
    last_verified = models.DateField(null=True, blank=True)
    languages = models.JSONField(default=list, blank=True)
    capacity_per_week = models.PositiveSmallIntegerField(default=10)
    active = models.BooleanField(default=True)
    prior_case_numbers = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("reviewer_id",)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(weekly_hours__gte=0, weekly_hours__lte=168),
                name="reviewer_hours_possible",
            ),
        )

    def __str__(self) -> str:
        return f"{self.reviewer_id} {self.name}"

    def clean(self) -> None:
        """The admin holds the languages and prior cases to the panel file's rule, a list of
        texts: matching reads each as a list, so a number there (``5``) stopped matching for
        every case, and a single text (``"CM16-0400101"``) was read letter by letter, the
        prior case unseen and the reviewer chosen again for a case they decided before
        (LC 4610.6(h))."""
        problems = {
            name: why
            for name in ("languages", "prior_case_numbers")
            if (why := _text_list_problem(name, getattr(self, name)))
        }
        if problems:
            raise ValidationError(problems)


def _text_list_problem(name: str, value: object) -> str | None:
    if not isinstance(value, list):
        return 'must be a list of texts, e.g. ["en", "es"]'
    for element in value:
        if not isinstance(element, str) or not element.strip():
            return f"{element!r} is not a text: each entry must be a non-empty text"
        if why := text_problem(name, element.strip()):
            return f"{element!r} {why}"
    return None


class Certification(models.Model):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="certifications")
    board = models.CharField(max_length=200)
    specialty = models.CharField(max_length=200)
    expires = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.board}: {self.specialty}"


class License(models.Model):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="licenses")
    state = models.CharField(max_length=2)
    number = models.CharField(max_length=60)
    restricted = models.BooleanField(default=False)
    issued = models.DateField(null=True, blank=True)
    expires = models.DateField(null=True, blank=True)

    class Meta:
        constraints = (
            models.CheckConstraint(
                condition=models.Q(issued__isnull=True)
                | models.Q(expires__isnull=True)
                | models.Q(expires__gte=models.F("issued")),
                name="license_expires_after_issue",
            ),
        )

    def __str__(self) -> str:
        return f"{self.state} {self.number}"

    def clean(self) -> None:
        """The admin holds a license to the panel file's rule: the state is a USPS code, the
        one the letter names in words ("licensed to practice in Nevada") and the case format
        allows; small letters are read as the code."""
        self.state = (self.state or "").strip().upper()
        if not is_state_code(self.state):
            raise ValidationError({"state": f"{self.state!r} is not a US state code, e.g. NV"})


# Where a tie or a leave came from. A row staff entered in the admin (a conflict the reviewer
# disclosed to staff) is never replaced by a panel file; the file's own rows are
# (store.store_reviewer, LC 139.5(d); 8 CCR 9792.10.6).
FROM_FILE, FROM_STAFF = "file", "staff"
SOURCES = [(FROM_FILE, "Panel file"), (FROM_STAFF, "Staff")]


class Affiliation(models.Model):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="affiliations")
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=choices_of(AffiliationKind))
    until = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=5, choices=SOURCES, default=FROM_STAFF)

    class Meta:
        constraints = (
            models.CheckConstraint(
                condition=in_enum("kind", AffiliationKind), name="affiliation_kind_known"
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.name}"


class Leave(models.Model):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="leave")
    start = models.DateField()
    end = models.DateField()
    source = models.CharField(max_length=5, choices=SOURCES, default=FROM_STAFF)

    def __str__(self) -> str:
        return f"{self.start}–{self.end}"

    def clean(self) -> None:
        # A leave whose dates are swapped matches no day: the reviewer would stay assignable
        # through it (the panel file refuses it too).
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "the leave ends before it starts"})


class Sanction(models.Model):
    """A disciplinary action or sanction taken or pending against the reviewer; open or closed,
    it makes the reviewer unassignable: LC 139.5(c) asks for no history of discipline. A
    complaint dismissed without action is not one: delete it rather than close it."""

    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="sanctions")
    description = models.TextField()
    opened = models.DateField()
    closed = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.description[:60]

    def clean(self) -> None:
        if self.opened and self.closed and self.closed < self.opened:
            raise ValidationError({"closed": "the sanction is closed before it opened"})


class SpecialtyRule(models.Model):
    """A staff edit of the specialty table: which specialties evaluate or treat a category,
    an ICD-10 range or a treatment keyword. Rows here replace the shipped default for their key."""

    kind = models.CharField(
        max_length=10,
        choices=[("category", "Category"), ("icd10", "ICD-10 range"), ("keyword", "Keyword")],
    )
    key = models.CharField(max_length=100)
    specialties = models.JSONField(default=list)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("kind", "key"), name="specialty_rule_unique"),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"

    def clean(self) -> None:
        """The admin holds a rule to what the specialty table reads (``with_overrides``): a
        list of specialty names, under a key its kind knows. Every match reads the table with
        every rule, so one rule it could not read (a key that is no category, ``5`` for the
        specialties) stopped matching for every case; a single name was read letter by
        letter (LC 139.5(c): the same or similar specialty)."""
        names = self.specialties
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValidationError(
                {"specialties": 'must be a list of specialty names, e.g. ["pain medicine"]'}
            )
        try:
            with_overrides(default_specialty_table(), [(self.kind, self.key, names)])
        except InvalidInput as exc:
            raise ValidationError({"key": [p.message for p in exc.problems]}) from exc


class Assignment(models.Model):
    """A reviewer chosen for a case (or for some of its items), with the explanation of the
    choice, and the reviewer's attestation of no conflict before the case file opens."""

    PROPOSED, ATTESTED, DECLINED = "proposed", "attested", "declined"
    # Taken off the case: at the attestation, no longer qualified (suspended, a credential
    # lapsed since the choice, LC 139.5(c)); or after it, by staff with a written reason
    # (``withdrawn_reason``). The items went to another reviewer.
    WITHDRAWN = "withdrawn"
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="assignments")
    items = models.JSONField(default=list, help_text="positions of the items this reviewer decides")
    status = models.CharField(
        max_length=10,
        default=PROPOSED,
        choices=[
            (PROPOSED, "Awaiting attestation"),
            (ATTESTED, "Attested"),
            (DECLINED, "Declined: conflict"),
            (WITHDRAWN, "Withdrawn from the case"),
        ],
    )
    assigned_at = models.DateTimeField()
    assigned_by = models.CharField(max_length=150)
    explanation = models.JSONField(default=dict)
    attested_at = models.DateTimeField(null=True, blank=True)
    statement = models.TextField(blank=True, default="")
    # Staff's withdrawal of a reviewer who had attested, and the work the reviewer had saved
    # on their items then ({"items": {position: {...}}, "summary": {...}}): kept for the audit
    # trail, never shown to the reviewer who takes the items over.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.CharField(max_length=150, blank=True, default="")
    withdrawn_reason = models.TextField(blank=True, default="")
    set_aside = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("case", "assigned_at", "id")

    def __str__(self) -> str:
        return f"{self.case_id} → {self.reviewer_id} ({self.status})"

    @property
    def item_numbers(self) -> list[int]:
        """The items as pages number them (from 1); ``items`` holds positions from 0."""
        return [position + 1 for position in self.items]
