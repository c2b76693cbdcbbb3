"""The configured letter template is checked when the project starts (``manage.py check``,
``migrate``, the development server), not first when a letter is shown: a template that
does not fit would otherwise make every case page fail. A site that sends no e-mail is
warned of at every start."""

from typing import Any

from django.core import checks

from openimr.core.errors import InvalidInput
from openimr.core.mail import mail_unsent
from openimr.letters.selectors import configured_template


@checks.register()
def letter_template_check(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        configured_template()
    except InvalidInput as exc:
        return [
            checks.Error(
                exc.report(),
                hint="Fix the file, or point OPENIMR_LETTER_TEMPLATE at one that fits "
                "(docs/letters.md lists every key); unset, the shipped template is used.",
                id="openimr.letters.E001",
            )
        ]
    return []


@checks.register(checks.Tags.compatibility)
def mail_server_check(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """A site with no mail server and the outbox off sends no e-mail: each notice and letter
    for a party that gave an address goes to the print queue instead, and password reset is
    refused (openimr.core.mail). Said at every start (``migrate``, ``runserver``, ``check``),
    not only by ``check --deploy``: a reset asked for meanwhile cannot be answered."""
    unsent = mail_unsent()
    if not unsent:
        return []
    return [
        checks.Warning(
            f"{unsent}: no e-mail is sent; notices and letters are served by mail, and "
            "password reset by e-mail is refused",
            hint="Set OPENIMR_EMAIL_HOST. Until then staff set a forgotten password (the admin "
            "site, or manage.py changepassword); OPENIMR_EMAIL_OUTBOX=true keeps every other "
            "e-mail in the local outbox (OPENIMR_DATA_DIR/mail/, /review/outbox/) for staff.",
            id="openimr.letters.W001",
        )
    ]
