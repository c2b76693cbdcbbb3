"""The configured letter template is checked when the project starts (``manage.py check``,
``migrate``, the development server), not first when a letter is shown: a template that
does not fit would otherwise make every case page fail. A deployment's checklist
(``check --deploy``) warns of one that sends no e-mail."""

from typing import Any

from django.conf import settings
from django.core import checks

from openimr.core.errors import InvalidInput
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


@checks.register(checks.Tags.compatibility, deploy=True)
def mail_server_check(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """A deployment with no mail server and the outbox off sends no e-mail: each notice and
    letter for a party that gave an address goes to the print queue instead, and password
    resets fail (openimr.core.mail)."""
    if not settings.EMAIL_BACKEND.endswith(".NoServerBackend"):
        return []
    return [
        checks.Warning(
            "no mail server is set (OPENIMR_EMAIL_HOST) and the outbox is off "
            "(OPENIMR_EMAIL_OUTBOX): no e-mail is sent; notices and letters are served by "
            "mail, and password-reset links never arrive",
            hint="Set OPENIMR_EMAIL_HOST, or OPENIMR_EMAIL_OUTBOX=true to deliver every "
            "e-mail to the local outbox (OPENIMR_DATA_DIR/mail/, /review/outbox/) instead.",
            id="openimr.letters.W001",
        )
    ]
