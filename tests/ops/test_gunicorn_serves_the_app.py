"""The production path on one machine: migrate, collectstatic, then gunicorn with
config/gunicorn.conf.py and debug off serves the login page and a hashed, compressed static
file over HTTPS (as the proxy in front reports it), and redirects plain HTTP; its access log
names the client nginx reports, not nginx."""

import http.client
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from openimr.core.middleware import PERMISSIONS_POLICY
from tests.ops.production import ROOT, production_env

HTTPS = {"X-Forwarded-Proto": "https"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _manage(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _get(port: int, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "localhost", **headers})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def _wait_until_up(server: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("gunicorn did not start listening within 60 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_dir: Path = tmp_path_factory.mktemp("gunicorn-data")
    port = _free_port()
    env = production_env(data_dir, secrets.token_urlsafe(60))
    env |= {"OPENIMR_BIND": f"127.0.0.1:{port}", "OPENIMR_WORKERS": "2"}
    env["OPENIMR_BEHIND_PROXY"] = "true"
    env["OPENIMR_TRUSTED_PROXIES"] = "127.0.0.1"  # this test is nginx, as in docs/deploy.md
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput")
    log = data_dir / "access.log"
    with log.open("wb") as access:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=access,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    try:
        _wait_until_up(process, port)
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=60)


def _logged(log: Path, path: str) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = [row for row in log.read_text("utf-8").splitlines() if f" {path} " in row]
        if lines:
            return lines[-1]
        time.sleep(0.05)
    pytest.fail(f"no access log line for {path}")


def test_the_login_page_is_served_with_the_security_headers(server):
    server, _ = server
    page = _get(server, "/login/", HTTPS)
    assert page.status == 200
    assert b'name="csrfmiddlewaretoken"' in page.body
    assert page.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")
    assert page.getheader("X-Frame-Options") == "DENY"
    assert page.getheader("X-Content-Type-Options") == "nosniff"
    assert page.getheader("Permissions-Policy") == PERMISSIONS_POLICY
    assert "Secure" in page.getheader("Set-Cookie", ""), "the CSRF cookie is HTTPS-only"


def test_the_stylesheet_is_served_under_its_hashed_name_and_compressed(server):
    server, _ = server
    page = _get(server, "/login/", HTTPS)
    found = re.search(rb'href="(/static/openimr/site\.[0-9a-f]{12}\.css)"', page.body)
    assert found, "the page links the stylesheet under its content hash"
    css = _get(server, found.group(1).decode(), {**HTTPS, "Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.getheader("Content-Type", "").startswith("text/css")
    assert css.getheader("Content-Encoding") == "gzip"
    assert "immutable" in css.getheader("Cache-Control", "")
    assert css.getheader("Permissions-Policy") == PERMISSIONS_POLICY  # WhiteNoise's too


def test_plain_http_is_redirected_to_https(server):
    server, _ = server
    page = _get(server, "/login/", {})
    assert page.status == 301
    assert page.getheader("Location") == "https://localhost/login/"
    assert page.getheader("Permissions-Policy") == PERMISSIONS_POLICY


def test_the_access_log_names_the_client_nginx_reports_not_nginx(server):
    port, log = server
    # nginx appends the address it was reached from; a client's own entry is to its left
    forwarded = {**HTTPS, "X-Forwarded-For": "6.6.6.6, 203.0.113.5"}
    assert _get(port, "/healthz/?from=nginx", forwarded).status == 200
    assert _logged(log, "/healthz/?from=nginx").startswith("203.0.113.5 - - [")
