from django import forms


class CodeForm(forms.Form):
    """The six digits an authenticator app shows."""

    code = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        error_messages={"invalid": "Enter the 6 digits your authenticator app shows."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip()
