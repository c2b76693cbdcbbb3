from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core import validators

from openimr.accounts.lockout import username_max_length
from openimr.core.form_focus import FocusFirstError


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


LOGIN_ERROR_ID = "login-error"


class LoginForm(AuthenticationForm):
    """The login form; once a login has failed, its inputs are marked invalid and point at
    the page's error message, which the template gives the id ``LOGIN_ERROR_ID``: a
    screen reader then says why the form came back (WCAG 3.3.1)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Django sets the field's max_length after building it, so nothing checks it: a
        # username longer than any account's reached authenticate and the lockout's table.
        limit = username_max_length()
        self.fields["username"].validators.append(
            validators.MaxLengthValidator(
                limit,
                f"A username is at most {limit} characters; the one entered has "
                "%(show_value)d. Check what was pasted into the Username box.",
            )
        )

    def full_clean(self) -> None:
        super().full_clean()
        if self.errors:
            for field in self.fields.values():
                field.widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": LOGIN_ERROR_ID}
                )


class ResetRequestForm(FocusFirstError, PasswordResetForm):
    """The e-mail address to send a password-reset link to; sent back with a problem, the
    address box takes the focus (WCAG 2.4.3, 3.3.1)."""


class NewPasswordForm(FocusFirstError, SetPasswordForm):
    """The new password, twice; sent back with a problem (too short, too common, the two
    not alike), the first box at fault takes the focus (WCAG 2.4.3, 3.3.1)."""
