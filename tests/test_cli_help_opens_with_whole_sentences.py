"""`openimr --help` opens with what the command is, in whole sentences: it had printed the
first line of a module docstring, cut at "...as the web app; errors"."""

import pytest

from openimr.cli import main


def test_the_help_description_is_whole_sentences(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    description = " ".join(capsys.readouterr().out.split("\n\n")[1].split())
    assert description.startswith("Independent Medical Review from the command line")
    assert "exit with code 2;" in description
    assert description.endswith("Ctrl-C ends a command with exit 130.")
