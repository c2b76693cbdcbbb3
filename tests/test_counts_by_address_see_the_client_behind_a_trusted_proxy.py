"""Behind nginx every connection comes from nginx: the status page's wrong tries, the API's
anonymous rate and the login lockout counted every visitor as one. With the proxy named in
OPENIMR_TRUSTED_PROXIES, each is counted by the address nginx puts at the right of
X-Forwarded-For; from an address not named, the header is ignored (a client writes what it
likes in it)."""

import importlib
import ipaddress
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache

from openimr.audit.models import AuditEvent
from openimr.cases.status_views import TRIES_PER_MINUTE
from openimr.core.client_address import client_address

NGINX = "127.0.0.1"
PROXIES = (ipaddress.ip_network("127.0.0.1/32"), ipaddress.ip_network("10.1.0.0/16"))


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("127.0.0.1", "203.0.113.5", "203.0.113.5"),
        # a client's own entries are to the left of what nginx appended
        ("127.0.0.1", "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        # a load balancer (10.1.0.0/16) in front of nginx: skipped as trusted too
        ("127.0.0.1", "198.51.100.7, 10.1.4.2", "198.51.100.7"),
        ("127.0.0.1", "2001:db8::1", "2001:db8::1"),
        # no header, or only proxies in it: the nearest proxy, as before
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "10.1.4.2", "10.1.4.2"),
        # garbage where the client's address should be is not believed
        ("127.0.0.1", "203.0.113.5, unknown", "127.0.0.1"),
        # not from a trusted proxy: the header is ignored
        ("203.0.113.9", "198.51.100.7", "203.0.113.9"),
        ("", "198.51.100.7", ""),
    ],
)
def test_the_client_is_the_right_most_address_no_trusted_proxy_wrote(remote, forwarded, client):
    assert client_address(remote, forwarded, PROXIES) == client


@pytest.fixture
def _behind_nginx(settings):
    settings.OPENIMR_TRUSTED_PROXIES = PROXIES[:1]
    settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 2
    cache.clear()
    with time_machine.travel("2024-03-20 17:00:05Z", tick=False):
        yield
    cache.clear()


def _ask_status(client, forwarded, remote=NGINX):
    body = {"case_number": "CM24-0999999", "claim_number": "GUESS", "date_of_injury": "2023-06-14"}
    return client.post("/status/", body, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)


@pytest.mark.django_db
def test_one_guesser_behind_nginx_does_not_lock_another_party_out_of_status(client, _behind_nginx):
    for _ in range(TRIES_PER_MINUTE):
        assert _ask_status(client, "203.0.113.5").status_code == 200
    assert _ask_status(client, "203.0.113.5").status_code == 429
    assert _ask_status(client, "198.51.100.7").status_code == 200


@pytest.mark.django_db
def test_a_forged_forwarded_for_from_an_untrusted_address_does_not_escape_the_limit(
    client, _behind_nginx
):
    for n in range(TRIES_PER_MINUTE):
        assert _ask_status(client, f"192.0.2.{n}", remote="203.0.113.9").status_code == 200
    assert _ask_status(client, "192.0.2.200", remote="203.0.113.9").status_code == 429


def _decisions(client, forwarded, remote=NGINX):
    return client.get("/api/v1/decisions", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)


@pytest.mark.django_db
def test_anonymous_api_callers_behind_nginx_have_their_own_counts(client, _behind_nginx):
    assert [_decisions(client, "203.0.113.5").status_code for _ in range(3)] == [200, 200, 429]
    assert _decisions(client, "198.51.100.7").status_code == 200
    # and a forged header from outside changes nothing: one address, one count
    outside = [_decisions(client, f"192.0.2.{n}", remote="203.0.113.9") for n in range(3)]
    assert [answer.status_code for answer in outside] == [200, 200, 429]


@pytest.mark.django_db
def test_a_login_lockout_behind_nginx_locks_and_audits_the_client_not_nginx(
    client, settings, _behind_nginx
):
    User.objects.create_user("clerk", password="a-long-test-password")

    def login(password, forwarded):
        body = {"username": "clerk", "password": password}
        return client.post("/login/", body, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=forwarded)

    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = login("wrong-password", "203.0.113.5")
    assert locked.status_code == 429
    event = AuditEvent.objects.get(action="login.locked_out")
    assert event.detail == {"ip_address": "203.0.113.5"}
    assert login("a-long-test-password", "198.51.100.7").status_code == 302


@pytest.mark.parametrize("value", ["127.0.0.1,nginx.local", "10.0.0.0/33", "127.0.0.1;::1"])
def test_a_bad_trusted_proxies_setting_stops_start_up_naming_it(monkeypatch, value):
    from config import settings
    from config.env import SettingError

    monkeypatch.setenv("OPENIMR_TRUSTED_PROXIES", value)
    with pytest.raises(SettingError, match=r"OPENIMR_TRUSTED_PROXIES: .* is not an IP address"):
        importlib.reload(settings)
    monkeypatch.delenv("OPENIMR_TRUSTED_PROXIES")
    importlib.reload(settings)


def test_the_trusted_proxies_setting_reads_addresses_and_ranges(monkeypatch):
    from config import settings

    monkeypatch.setenv("OPENIMR_TRUSTED_PROXIES", " 127.0.0.1, 10.1.0.0/16 ,::1")
    try:
        fresh = importlib.reload(settings)
        assert [str(n) for n in fresh.OPENIMR_TRUSTED_PROXIES] == [
            "127.0.0.1/32",
            "10.1.0.0/16",
            "::1/128",
        ]
    finally:
        monkeypatch.delenv("OPENIMR_TRUSTED_PROXIES")
        importlib.reload(settings)


def test_the_deploy_guide_trusts_its_nginx_and_has_it_append_the_client(monkeypatch):
    # The guide is what operators copy: without the setting there, or with nginx replacing
    # the header by the client's own, a copied deployment counts everyone as nginx again.
    from config.env import env_networks

    guide = (Path(__file__).resolve().parents[1] / "docs" / "deploy.md").read_text("utf-8")
    line = next(row for row in guide.splitlines() if row.startswith("OPENIMR_TRUSTED_PROXIES="))
    monkeypatch.setenv("OPENIMR_TRUSTED_PROXIES", line.split("=", 1)[1].split("#")[0].strip())
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in guide
    # nginx (proxy_pass to 127.0.0.1) connects from 127.0.0.1 and appends the client's address
    forged_then_real = "6.6.6.6, 203.0.113.5"
    assert client_address(NGINX, forged_then_real, env_networks("OPENIMR_TRUSTED_PROXIES")) == (
        "203.0.113.5"
    )
