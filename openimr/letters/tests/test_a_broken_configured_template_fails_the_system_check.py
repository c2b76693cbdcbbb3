"""A broken OPENIMR_LETTER_TEMPLATE used to be found only when a letter was shown: every
case page answered 500. The system check (run by `manage.py check`, `migrate` and the
development server) now refuses it at start, naming the file and each bad key."""

from django.core import checks

from openimr.letters.checks import letter_template_check
from openimr.letters.domain.template import DEFAULT_PATH


def test_a_template_missing_a_key_fails_the_check_naming_file_and_key(settings, tmp_path):
    path = tmp_path / "letter.toml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace('undecided = "Not yet decided"\n', ""), encoding="utf-8")
    settings.OPENIMR_LETTER_TEMPLATE = str(path)
    [error] = letter_template_check(None)
    assert error.id == "openimr.letters.E001"
    assert str(path) in error.msg
    assert "template.issues.undecided: is missing" in error.msg
    assert error.hint and "OPENIMR_LETTER_TEMPLATE" in error.hint


def test_a_template_that_cannot_be_read_fails_the_check(settings, tmp_path):
    settings.OPENIMR_LETTER_TEMPLATE = str(tmp_path / "absent.toml")
    [error] = letter_template_check(None)
    assert "cannot read" in error.msg and "absent.toml" in error.msg


def test_a_good_template_and_the_shipped_one_pass(settings, tmp_path):
    path = tmp_path / "letter.toml"
    path.write_text(DEFAULT_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    settings.OPENIMR_LETTER_TEMPLATE = str(path)
    assert letter_template_check(None) == []
    settings.OPENIMR_LETTER_TEMPLATE = ""
    assert letter_template_check(None) == []


def test_the_check_is_registered_with_django():
    assert letter_template_check in checks.registry.registry.get_checks()
