"""`openimr worker --interval` must be a number of seconds above 0: zero, a negative, "nan" or
"inf" is refused naming the option, with exit 2 and no traceback, before the worker starts."""

import pytest

from openimr.cli import main


@pytest.mark.parametrize("interval", ["0", "-1", "nan", "inf"])
def test_the_interval_is_refused_naming_the_option(capsys, interval):
    assert main(["worker", "--interval", interval]) == 2

    err = capsys.readouterr().err
    assert err.startswith("error: --interval: must be")
    assert "Traceback" not in err
