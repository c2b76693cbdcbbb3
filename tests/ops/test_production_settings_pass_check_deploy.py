"""Debug off, with only the environment a deployment sets, passes Django's deployment
checklist with no warning: HTTPS redirect, HSTS, secure and HTTP-only cookies, no framing."""

import secrets
import subprocess
import sys

from tests.ops.production import ROOT, production_env


def _check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_raise_no_deployment_warning(tmp_path):
    done = _check_deploy(production_env(tmp_path, secrets.token_urlsafe(60)))
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout


def test_insecure_cookies_are_reported_by_the_checklist(tmp_path):
    """The check is live: a production setting taken away shows up as a warning."""
    env = production_env(tmp_path, secrets.token_urlsafe(60))
    env["OPENIMR_SECURE_COOKIES"] = "false"
    done = _check_deploy(env)
    assert done.returncode != 0
    assert "security.W012" in done.stderr and "security.W016" in done.stderr


def test_a_deployment_that_sends_no_email_is_warned(tmp_path):
    """No mail server and the outbox off: notices and letters go by mail, password resets
    never arrive; the checklist says so, and the outbox quiets it as a server does."""
    env = production_env(tmp_path, secrets.token_urlsafe(60))
    del env["OPENIMR_EMAIL_HOST"]
    done = _check_deploy(env)
    assert done.returncode != 0
    assert "openimr.letters.W001" in done.stderr and "OPENIMR_EMAIL_OUTBOX" in done.stderr
    env["OPENIMR_EMAIL_OUTBOX"] = "true"
    assert _check_deploy(env).returncode == 0
