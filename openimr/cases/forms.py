"""The staff web form for DWC Form IMR. It only collects fields: validation is the same
ApplicationIn schema the API and batch import use, and its problems come back to the field
they concern."""

import base64
import secrets
from typing import Any

from django import forms

from openimr.cases.domain.application import ReviewType, ServiceMethod, SignerRole
from openimr.cases.intake_schema import ApplicationIn, parse_application
from openimr.core.case import CATEGORY_LABELS, UROutcome
from openimr.core.errors import InvalidInput
from openimr.core.form_focus import FocusFirstError
from openimr.core.uploads import SizeLimitedForm

TREATMENT_ROWS = 5
SUBMISSION_KEY_LENGTH = 64
DATE = forms.DateInput(attrs={"type": "date"})
ADDRESS = forms.Textarea(attrs={"rows": 2})

# form field → JSON path in ApplicationIn
PATHS: dict[str, str] = {
    "review_type": "$.review_type",
    "claim_number": "$.claim_number",
    "employee_name": "$.employee.name",
    "employee_address": "$.employee.address",
    "employee_phone": "$.employee.phone",
    "employee_email": "$.employee.email",
    "date_of_injury": "$.date_of_injury",
    "employer_name": "$.employer.name",
    "employer_address": "$.employer.address",
    "ur_decision_date": "$.ur_decision.date",
    "ur_service_method": "$.ur_decision.service_method",
    "physician_name": "$.requesting_physician.name",
    "physician_specialty": "$.requesting_physician.specialty",
    "physician_email": "$.requesting_physician.email",
    "physician_address": "$.requesting_physician.address",
    "claims_administrator_name": "$.claims_administrator.name",
    "adjuster_name": "$.claims_administrator.adjuster",
    "claims_administrator_email": "$.claims_administrator.email",
    "claims_administrator_address": "$.claims_administrator.address",
    "attorney_name": "$.attorney.name",
    "attorney_email": "$.attorney.email",
    "attorney_address": "$.attorney.address",
    "conditional_non_certification": "$.conditional_non_certification",
    "disputed_other_than_medical_necessity": "$.disputed_other_than_medical_necessity",
    "claims_administrator_agrees_to_proceed": "$.claims_administrator_agrees_to_proceed",
    "formulary_dispute": "$.formulary_dispute",
    "medical_group_name": "$.medical_group.name",
    "facility_name": "$.facility.name",
    "manufacturer_name": "$.manufacturer.name",
    "ur_organization_name": "$.ur_organization.name",
    "ur_reviewer_name": "$.ur_reviewer.name",
    "signed_by": "$.signature.signed_by",
    "signer_role": "$.signature.role",
    "signature_date": "$.signature.date",
    "ur_decision_document": "$.ur_decision_document.content_base64",
}
TREATMENT_PARTS = ("treatment", "diagnosis", "icd10", "category", "ur_outcome", "rfa_date")
for _n in range(TREATMENT_ROWS):
    for _part in TREATMENT_PARTS:
        PATHS[f"{_part}_{_n}"] = f"$.treatments[{_n}].{_part}"


def _text(label: str | None = None, widget: Any = None) -> forms.CharField:
    """An optional text field: the schema, not the form, decides what is required."""
    return forms.CharField(label=label, widget=widget, required=False)


def _choices(values: Any) -> list[tuple[str, str]]:
    return [(v.value, v.value.replace("_", " ").capitalize()) for v in values]


class ApplicationForm(SizeLimitedForm):
    # The fields of each part of the page, in the page's order: the template lays them out
    # from these, and the first field at fault in this order takes the focus.
    EMPLOYEE = (
        "employee_name employee_address employee_phone employee_email claim_number "
        "date_of_injury employer_name employer_address attorney_name attorney_email "
        "attorney_address"
    )
    UR_DECISION = (
        "ur_decision_date ur_service_method claims_administrator_name adjuster_name "
        "claims_administrator_email claims_administrator_address physician_name "
        "physician_specialty physician_email physician_address ur_decision_document"
    )
    OTHERS = (
        "medical_group_name facility_name manufacturer_name ur_organization_name ur_reviewer_name"
    )
    ANSWERS = (
        "conditional_non_certification disputed_other_than_medical_necessity "
        "claims_administrator_agrees_to_proceed formulary_dispute"
    )
    SIGNATURE = "signed_by signer_role signature_date"

    review_type = forms.ChoiceField(choices=_choices(ReviewType), initial="regular")
    claim_number = _text()
    employee_name = _text(label="Employee name")
    employee_address = _text(widget=ADDRESS)
    employee_phone = _text()
    employee_email = _text()
    date_of_injury = _text(label="Date of injury", widget=DATE)
    employer_name = _text()
    employer_address = _text(label="Employer's postal address", widget=ADDRESS)
    ur_decision_date = _text(label="Date of the UR decision", widget=DATE)
    ur_service_method = forms.ChoiceField(
        label="UR decision served by", choices=_choices(ServiceMethod)
    )
    physician_name = _text(label="Requesting physician")
    physician_specialty = _text(label="Specialty")
    physician_email = _text(label="Requesting physician's e-mail")
    physician_address = _text(label="Requesting physician's postal address", widget=ADDRESS)
    claims_administrator_name = _text(label="Claims administrator")
    adjuster_name = _text(label="Adjuster")
    claims_administrator_email = _text(label="Claims administrator's e-mail")
    claims_administrator_address = _text(
        label="Claims administrator's postal address", widget=ADDRESS
    )
    attorney_name = _text(label="Employee's attorney")
    attorney_email = _text(label="Attorney's e-mail")
    attorney_address = _text(label="Attorney's postal address", widget=ADDRESS)
    conditional_non_certification = forms.BooleanField(
        required=False, label="The UR decision was a conditional non-certification"
    )
    disputed_other_than_medical_necessity = forms.BooleanField(
        required=False, label="Liability is also disputed for a reason other than medical necessity"
    )
    claims_administrator_agrees_to_proceed = forms.BooleanField(
        required=False, label="The claims administrator agrees to proceed with the review anyway"
    )
    formulary_dispute = forms.BooleanField(required=False, label="Drug formulary dispute")
    # The further parties the reviewer's conflict-of-interest check compares (LC 139.5(d)).
    medical_group_name = _text(label="Requesting physician's medical group")
    facility_name = _text(label="Facility where the treatment would be given")
    manufacturer_name = _text(label="Manufacturer of the drug or device in dispute")
    ur_organization_name = _text(label="UR organization")
    ur_reviewer_name = _text(label="UR reviewer")
    signed_by = _text(label="Signed by")
    signer_role = forms.ChoiceField(choices=[("", "—"), *_choices(SignerRole)], required=False)
    signature_date = _text(widget=DATE)
    ur_decision_document = forms.FileField(label="UR decision (PDF)", required=False)
    # This rendering's idempotency key: a second copy of the same form (a double click, a
    # resend) returns the case the first made (services.application_submit).
    submission = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=SUBMISSION_KEY_LENGTH
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not args or args[0] is None:  # a new form: a new submission
            kwargs.setdefault("initial", {})["submission"] = secrets.token_urlsafe(18)
        super().__init__(*args, **kwargs)
        categories = [(c.value, label) for c, label in CATEGORY_LABELS.items()]
        for n in range(TREATMENT_ROWS):
            self.fields[f"treatment_{n}"] = _text(label=f"Treatment {n + 1}")
            self.fields[f"diagnosis_{n}"] = _text(label="Diagnosis")
            self.fields[f"icd10_{n}"] = _text(label="ICD-10")
            self.fields[f"category_{n}"] = forms.ChoiceField(
                choices=categories, initial="other", required=False
            )
            self.fields[f"ur_outcome_{n}"] = forms.ChoiceField(
                choices=_choices(UROutcome), required=False
            )
            self.fields[f"rfa_date_{n}"] = _text(label="Date of the RFA", widget=DATE)
        self.parsed: ApplicationIn | None = None

    def focus_order(self) -> list[str]:
        rows = [f"{p}_{n}" for n in range(TREATMENT_ROWS) for p in TREATMENT_PARTS]
        parts = (self.EMPLOYEE, self.UR_DECISION, self.OTHERS)
        words = " ".join(("review_type", *parts, *rows, self.ANSWERS, self.SIGNATURE))
        return words.split()

    def treatment_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"{p}_{n}"] for p in TREATMENT_PARTS] for n in range(TREATMENT_ROWS)]

    def _payload(self) -> dict[str, Any]:
        d = {k: (v.strip() if isinstance(v, str) else v) for k, v in self.cleaned_data.items()}
        opt = lambda key: d.get(key) or None  # noqa: E731
        payload: dict[str, Any] = {
            "review_type": d["review_type"],
            "claim_number": d["claim_number"],
            "employee": {
                "name": d["employee_name"],
                "address": opt("employee_address"),
                "phone": opt("employee_phone"),
                "email": opt("employee_email"),
            },
            "date_of_injury": d["date_of_injury"],
            "employer": {"name": opt("employer_name"), "address": opt("employer_address")},
            "ur_decision": {
                "date": d["ur_decision_date"],
                "service_method": d["ur_service_method"],
            },
            "requesting_physician": {
                "name": d["physician_name"],
                "specialty": opt("physician_specialty"),
                "email": opt("physician_email"),
                "address": opt("physician_address"),
            },
            "claims_administrator": {
                "name": d["claims_administrator_name"],
                "adjuster": opt("adjuster_name"),
                "email": opt("claims_administrator_email"),
                "address": opt("claims_administrator_address"),
            },
            "attorney": {
                "name": opt("attorney_name"),
                "email": opt("attorney_email"),
                "address": opt("attorney_address"),
            },
            "conditional_non_certification": d["conditional_non_certification"],
            "disputed_other_than_medical_necessity": d["disputed_other_than_medical_necessity"],
            "claims_administrator_agrees_to_proceed": (
                d["claims_administrator_agrees_to_proceed"] or None
            ),
            "formulary_dispute": d["formulary_dispute"],
            "treatments": self._treatments(d),
        }
        for party in (
            "medical_group",
            "facility",
            "manufacturer",
            "ur_organization",
            "ur_reviewer",
        ):
            payload[party] = {"name": opt(f"{party}_name")}
        if d.get("signed_by") or d.get("signer_role") or d.get("signature_date"):
            payload["signature"] = {
                "signed_by": d["signed_by"],
                "role": d["signer_role"],
                "date": d["signature_date"],
            }
        upload: Any = d.get("ur_decision_document")
        if upload:
            payload["ur_decision_document"] = {
                "filename": upload.name,
                "content_base64": base64.b64encode(upload.read()).decode(),
            }
        return payload

    def _treatments(self, d: dict[str, Any]) -> list[dict[str, Any]]:
        rows = []
        for n in range(TREATMENT_ROWS):
            typed = ("treatment", "diagnosis", "icd10", "rfa_date")
            if n == 0 or any(d.get(f"{part}_{n}") for part in typed):
                rows.append(
                    {
                        "treatment": d.get(f"treatment_{n}", ""),
                        "diagnosis": d.get(f"diagnosis_{n}", ""),
                        "icd10": d.get(f"icd10_{n}") or None,
                        "category": d.get(f"category_{n}") or "other",
                        "ur_outcome": d.get(f"ur_outcome_{n}") or "denied",
                        "rfa_date": d.get(f"rfa_date_{n}") or None,
                    }
                )
        return rows

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            try:
                self.parsed = parse_application(self._payload())
            except InvalidInput as exc:
                self.add_problems(exc)
        return cleaned

    def ask_for_the_upload_again(self) -> None:
        """A browser never sends a chosen file twice: refused for another field, the page
        comes back without the PDF, and an application sent again without it would be
        screened as having no UR decision attached (8 CCR 9792.10.3). Said at the field,
        by the file's name; a PDF refused for itself keeps its own reason alone."""
        chosen = self.files.get("ur_decision_document")
        if chosen and not self.has_error("ur_decision_document"):
            said = f"{chosen.name} was not kept, as the application was not saved: choose it again"
            self.add_error("ur_decision_document", said)

    def add_problems(self, exc: InvalidInput) -> None:
        by_path = {path: name for name, path in PATHS.items()}
        for problem in exc.problems:
            name = by_path.get(problem.path) or by_path.get(
                problem.path.rsplit(".", 1)[0] + ".name"
            )
            self.add_error(name if name in self.fields else None, problem.message)


class _ServiceForm(FocusFirstError):
    """A staff action's form: it only collects; the service decides, and its problems come
    back to the field they concern (a problem of the case itself, e.g. its state, above)."""

    PATHS: dict[str, str] = {}

    def add_problems(self, exc: InvalidInput) -> None:
        for problem in exc.problems:
            self.add_error(self.PATHS.get(problem.path), problem.message)


class InformationRequestForm(_ServiceForm):
    """Request eligibility information (8 CCR 9792.10.3(c)): which party, and what it is
    asked for. Any party value is passed on, so the service names one the application does
    not (rather than the form's generic "not one of the choices")."""

    PATHS = {"$.party": "party", "$.text": "text"}
    party = forms.CharField(label="Party asked", required=False)
    text = forms.CharField(
        label="What is needed (printed on the request as written)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, parties: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].widget = forms.Select(choices=[("", "Choose a party"), *parties])


class InformationReceivedForm(_ServiceForm):
    """Record the information received: a short note of what arrived and from whom."""

    PATHS = {"$.note": "note"}
    note = forms.CharField(
        label="What was received, and from whom",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ClaimNumberForm(_ServiceForm):
    """The claim number of a case imported whole without one (`services.case_claim_number_set`)."""

    PATHS = {"$.claim_number": "claim_number"}
    claim_number = forms.CharField(label="Claim number", required=False)
