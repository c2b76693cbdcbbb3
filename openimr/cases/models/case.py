"""Stored cases. Every write goes through `openimr.cases.services`, which runs the same
schema-level rules as `openimr case validate`; the check constraints below repeat the
closed vocabularies so that even a raw SQL write cannot store an unknown value."""

from django.db import models

from openimr.cases.domain.lifecycle import State
from openimr.core.case import Category, Decision, DocumentKind, Priority, Sex, UROutcome
from openimr.core.db import choices_of, in_enum

# The parties a letter is served on (LC 4610.6(f)).
PARTY_ROLES = ("employee", "attorney", "employer", "claims_administrator", "requesting_physician")


class Case(models.Model):
    case_number = models.CharField(max_length=40, unique=True)
    program = models.CharField(max_length=40, default="ca-dwc-imr")
    priority = models.CharField(max_length=12, choices=choices_of(Priority), default="standard")

    date_injury = models.DateField(null=True, blank=True)
    date_ur_decision = models.DateField(null=True, blank=True)
    date_application_received = models.DateField(null=True, blank=True)
    date_assigned = models.DateField(null=True, blank=True)
    date_records_complete = models.DateField(null=True, blank=True)
    date_decision = models.DateField(null=True, blank=True)

    employee_name = models.CharField(max_length=300, null=True, blank=True)
    employee_age = models.PositiveSmallIntegerField(null=True, blank=True)
    employee_sex = models.CharField(max_length=8, choices=choices_of(Sex), null=True, blank=True)
    employer_name = models.CharField(max_length=300, null=True, blank=True)
    claims_administrator_name = models.CharField(max_length=300, null=True, blank=True)
    # The registered administrator this case belongs to (filed by its account, or named on
    # the case): its API tokens reach this case's file; unlinked, no token does.
    claims_administrator = models.ForeignKey(
        "cases.ClaimsAdministrator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    requesting_physician_name = models.CharField(max_length=300, null=True, blank=True)
    requesting_physician_specialty = models.CharField(max_length=300, null=True, blank=True)
    attorney_name = models.CharField(max_length=300, null=True, blank=True)
    organization_name = models.CharField(max_length=300, null=True, blank=True)

    # The reviewer's qualifications as the letter states them; never a name (LC 4610.6(f)).
    reviewer_specialties = models.JSONField(default=list, blank=True)
    reviewer_board_certified = models.BooleanField(null=True, blank=True)
    reviewer_licensed_in = models.JSONField(default=list, blank=True)
    reviewer_years_in_practice = models.PositiveSmallIntegerField(null=True, blank=True)
    reviewer_weekly_hours = models.FloatField(null=True, blank=True)

    diagnoses = models.JSONField(default=list, blank=True)
    clinical_summary = models.TextField(null=True, blank=True)
    # Further parties the conflict-of-interest check compares (LC 139.5(d)).
    medical_group_name = models.CharField(max_length=300, null=True, blank=True)
    facility_name = models.CharField(max_length=300, null=True, blank=True)
    manufacturer_name = models.CharField(max_length=300, null=True, blank=True)
    ur_organization_name = models.CharField(max_length=300, null=True, blank=True)
    ur_reviewer_name = models.CharField(max_length=300, null=True, blank=True)
    remand_of = models.JSONField(default=list, blank=True)
    # How to reach each party of a case imported whole, which has no application: role ->
    # {"address", "email"} (`openimr.cases.contacts`). Staff only: never in the case
    # document, so never in a published decision, an export or the API.
    contacts = models.JSONField(default=dict, blank=True)
    # The claim number of a case imported whole, which has no application to hold it
    # (`openimr.cases.import_claim`): what its parties give on /status/. Staff only, like the
    # contacts: never in the case document, so never in a letter or the published corpus.
    claim_number = models.CharField(max_length=60, blank=True, default="")
    # That claim number as screening compares it, as `Application.claim_key` does
    # (cases.domain.claims.normalise_claim), so that a new application on the claim is found
    # to share it with one indexed lookup per batch; "" for a case imported without one.
    claim_key = models.TextField(db_index=True, blank=True, default="")

    # Where the case is in its life (openimr/cases/domain/lifecycle.py) and the facts its
    # clocks run from (openimr/cases/domain/deadlines.py). next_due_* is derived from those
    # facts at every change, and kept so that work queues can sort and filter in SQL.
    state = models.CharField(max_length=20, choices=choices_of(State), default="received")
    eligible_on = models.DateField(null=True, blank=True)
    noarfi_sent_at = models.DateTimeField(null=True, blank=True)
    noarfi_method = models.CharField(max_length=12, null=True, blank=True)
    records_complete_at = models.DateTimeField(null=True, blank=True)
    converted_to_expedited_at = models.DateTimeField(null=True, blank=True)
    terminated_at = models.DateTimeField(null=True, blank=True)
    # When the case was withdrawn or terminated: a deadline that ran out unmet before then
    # was missed, and the timeliness report counts it so (closing a case hides no miss).
    closed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # The latest request for eligibility information (8 CCR 9792.10.3(c)): when it was
    # served, how it reached the party asked (mail lengthens the clock, CCP 1013(a)), and
    # when staff recorded the answer.
    information_requested_at = models.DateTimeField(null=True, blank=True)
    information_method = models.CharField(max_length=12, null=True, blank=True)
    information_answered_at = models.DateTimeField(null=True, blank=True)
    next_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    next_due_name = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-date_application_received", "case_number")
        constraints = (
            models.CheckConstraint(
                condition=in_enum("priority", Priority), name="case_priority_known"
            ),
            models.CheckConstraint(
                condition=in_enum("employee_sex", Sex, null=True), name="case_sex_known"
            ),
        )

    def __str__(self) -> str:
        return self.case_number

    def party_reach(self) -> dict[str, dict[str, str]]:
        """Role -> {"email", "postal"} ("" when none on file): what the application gave
        for each party, or, for a case imported whole, the contacts it came with; the claims
        administrator's missing ones from its registration (`ClaimsAdministrator`)."""
        application = getattr(self, "application", None)
        given = {
            role: {
                "email": getattr(application, f"{role}_email", ""),
                "postal": getattr(application, f"{role}_address", ""),
            }
            if application is not None
            else {
                "email": self.contacts.get(role, {}).get("email", ""),
                "postal": self.contacts.get(role, {}).get("address", ""),
            }
            for role in PARTY_ROLES
        }
        reach = {role: {k: v or "" for k, v in ways.items()} for role, ways in given.items()}
        # What the case gave for its claims administrator comes first; what is missing comes
        # from the registered administrator it is linked to, when that one has it on file.
        registered = self.claims_administrator
        if registered is not None:
            own = reach["claims_administrator"]
            own["email"] = own["email"] or registered.email
            own["postal"] = own["postal"] or registered.address
        return reach


class CaseDocument(models.Model):
    """One record in the case file's index (the files themselves arrive with issue 5)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    author = models.CharField(max_length=300, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=24, choices=choices_of(DocumentKind), default="other")

    class Meta:
        ordering = ("case", "position")
        constraints = (
            models.UniqueConstraint(fields=("case", "position"), name="document_position_unique"),
            models.CheckConstraint(
                condition=in_enum("kind", DocumentKind), name="document_kind_known"
            ),
        )

    def __str__(self) -> str:
        return self.title


class DisputedItem(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    treatment = models.CharField(max_length=500)
    category = models.CharField(max_length=24, choices=choices_of(Category))
    ur_outcome = models.CharField(max_length=10, choices=choices_of(UROutcome), default="denied")
    claims_administrator_basis = models.JSONField(default=list, blank=True)
    reviewer_basis = models.JSONField(default=list, blank=True)
    why_not_mtus = models.TextField(null=True, blank=True)
    icd10 = models.JSONField(default=list, blank=True)
    # The Request for Authorization's date, when known (8 CCR 9792.10.4(b)(2)).
    rfa_date = models.DateField(null=True, blank=True)
    decision = models.CharField(max_length=10, choices=choices_of(Decision), null=True, blank=True)
    rationale = models.TextField(null=True, blank=True)

    class Meta:
        ordering = ("case", "position")
        constraints = (
            models.UniqueConstraint(fields=("case", "position"), name="item_position_unique"),
            models.CheckConstraint(
                condition=in_enum("category", Category), name="item_category_known"
            ),
            models.CheckConstraint(
                condition=in_enum("ur_outcome", UROutcome), name="item_ur_outcome_known"
            ),
            models.CheckConstraint(
                condition=in_enum("decision", Decision, null=True), name="item_decision_known"
            ),
        )

    def __str__(self) -> str:
        return self.treatment


class AuthorizedItem(models.Model):
    """A disputed item the claims administrator reported it authorized before review began:
    it left the dispute (8 CCR 9792.10.6(a)) and its `DisputedItem` with it, the others
    closing up so that the review, the reviewer's work and the letter number only what is
    still disputed. Kept for the timeline, the parties' status page and the audit."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="authorized_items")
    position_was = models.PositiveIntegerField(help_text="the item's place while disputed")
    treatment = models.CharField(max_length=500)
    category = models.CharField(max_length=24, choices=choices_of(Category))
    rfa_date = models.DateField(null=True, blank=True)
    authorized_on = models.DateField()
    reported_at = models.DateTimeField()
    reported_by = models.CharField(max_length=200)

    class Meta:
        ordering = ("case", "reported_at", "position_was")

    def __str__(self) -> str:
        return self.treatment
