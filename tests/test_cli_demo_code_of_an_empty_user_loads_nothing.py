"""`openimr demo --code ""` (a script's unset variable) is refused like any user that is not
a demo login; it had loaded the whole demo, cases and logins, into the database."""

import pytest

from openimr.cases.models import Case
from openimr.cli import main

pytestmark = pytest.mark.django_db


def test_an_empty_user_is_refused_and_nothing_is_loaded(capsys):
    assert main(["demo", "--code", ""]) == 2
    assert "'' is not a demo login" in capsys.readouterr().err
    assert not Case.objects.exists()
