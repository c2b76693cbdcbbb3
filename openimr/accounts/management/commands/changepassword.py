"""Django's `changepassword`, which an administrator runs for someone else: after the new
password is saved, the account's open sessions end and its API tokens are revoked, and the
output says so (services.password_set_by_administrator). It takes the place of Django's as
openimr.accounts comes before django.contrib.auth in INSTALLED_APPS."""

import getpass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import changepassword

from openimr.accounts.admin_users import tokens_revoked_words
from openimr.accounts.services import password_set_by_administrator


class Command(changepassword.Command):
    help = (
        "Change a user's password for django.contrib.auth; the account's open sessions end "
        "and its API tokens are revoked."
    )

    def handle(self, *args: Any, **options: Any) -> str:
        said = super().handle(*args, **options)  # a refused password raises CommandError
        username = options["username"] or getpass.getuser()
        users = get_user_model()._default_manager.db_manager(options["database"])
        user = users.get_by_natural_key(username)
        revoked = password_set_by_administrator(
            user=user, actor="cli", via="manage.py changepassword"
        )
        return f"{said}\n{tokens_revoked_words(revoked)}"
