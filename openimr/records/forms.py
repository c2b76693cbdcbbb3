"""The staff forms of the case file. They only collect fields: the services decide what is
acceptable, and their problems come back to the field they concern."""

from django import forms

from openimr.core.errors import InvalidInput
from openimr.core.form_focus import FocusFirstError
from openimr.core.uploads import SizeLimitedForm
from openimr.records.vocabulary import KIND_LABELS, PARTY_LABELS, labelled

# service problem path → form field
PATHS = {
    "$.content_base64": "file",
    "$.filename": "file",
    "$.submitted_by": "submitted_by",
    "$.kind": "kind",
    "$.author": "author",
    "$.date_of_service": "date_of_service",
    "$.title": "title",
}


class UploadForm(SizeLimitedForm):
    file = forms.FileField(
        label="PDF file", widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"})
    )
    submitted_by = forms.ChoiceField(label="Submitted by", choices=labelled(PARTY_LABELS))


class EditForm(FocusFirstError):
    kind = forms.ChoiceField(choices=labelled(KIND_LABELS))
    author = forms.CharField(required=False)
    date_of_service = forms.DateField(
        label="Date of service", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    title = forms.CharField(required=False)


def add_problems(form: forms.Form, error: InvalidInput) -> None:
    for problem in error.problems:
        form.add_error(PATHS.get(problem.path), problem.message)
