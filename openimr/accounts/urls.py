from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from openimr.accounts import views, views_sessions
from openimr.accounts.forms import NewPasswordForm, ResetRequestForm

app_name = "accounts"

_RESET = "accounts/password_reset"

urlpatterns = [
    path("two-factor/", views.verify, name="verify"),
    path("two-factor/enrol/", views.enrol, name="enrol"),
    path("sessions/", views_sessions.sessions_page, name="sessions"),
    path("sessions/end-others/", views_sessions.sessions_end_others, name="sessions_end_others"),
    path("sessions/<slug:handle>/end/", views_sessions.session_end, name="session_end"),
    path(
        "password-reset/",
        views.PasswordResetView.as_view(
            template_name=f"{_RESET}_form.html",
            form_class=ResetRequestForm,
            email_template_name=f"{_RESET}_email.txt",
            subject_template_name=f"{_RESET}_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        views.PasswordResetDoneView.as_view(template_name=f"{_RESET}_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name=f"{_RESET}_confirm.html",
            form_class=NewPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name=f"{_RESET}_complete.html"),
        name="password_reset_complete",
    ),
]
