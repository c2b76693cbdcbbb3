"""The configured letter template is checked when the project starts (``manage.py check``,
``migrate``, the development server), not first when a letter is shown: a template that
does not fit would otherwise make every case page fail."""

from typing import Any

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
