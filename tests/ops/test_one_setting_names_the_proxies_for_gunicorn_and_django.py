"""gunicorn believes the proxy's X-Forwarded-Proto (OPENIMR_FORWARDED_ALLOW_IPS), Django its
X-Forwarded-For (OPENIMR_TRUSTED_PROXIES): the same proxy, and the guide asked for both. A
deployment that set one and forgot the other had the scheme or the clients' addresses wrong.
Either is enough now; both, naming different proxies, stop start-up saying so."""

import importlib
import ipaddress
import runpy
from pathlib import Path

import pytest

from config.env import SettingError

CONF = str(Path(__file__).resolve().parents[2] / "config" / "gunicorn.conf.py")
BOTH = ("OPENIMR_TRUSTED_PROXIES", "OPENIMR_FORWARDED_ALLOW_IPS")


@pytest.fixture
def environment(monkeypatch):
    """Sets the two settings (None: unset); Django's settings are read again afterwards."""
    from config import settings

    def set_them(trusted, forwarded):
        for name, value in zip(BOTH, (trusted, forwarded), strict=True):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)

    yield set_them
    for name in BOTH:
        monkeypatch.delenv(name, raising=False)
    importlib.reload(settings)


def _django_proxies() -> list[str]:
    from config import settings

    return [str(network) for network in importlib.reload(settings).OPENIMR_TRUSTED_PROXIES]


def _gunicorn_allows() -> str:
    return runpy.run_path(CONF)["forwarded_allow_ips"]


@pytest.mark.parametrize(
    ("trusted", "forwarded", "django", "gunicorn"),
    [
        # the one the guide sets
        ("127.0.0.1", None, ["127.0.0.1/32"], "127.0.0.1/32"),
        # gunicorn's alone, as older deployments set it
        (None, "10.1.0.0/16,::1", ["10.1.0.0/16", "::1/128"], "10.1.0.0/16,::1/128"),
        # both, the same proxies listed in another order
        ("::1, 10.1.0.0/16", "10.1.0.0/16,::1", ["::1/128", "10.1.0.0/16"], "::1/128,10.1.0.0/16"),
        # neither: gunicorn believes nginx on this machine for the scheme, the counts take
        # the connection's address
        (None, None, [], "127.0.0.1"),
    ],
)
def test_either_setting_names_the_proxies_for_both(
    environment, trusted, forwarded, django, gunicorn
):
    environment(trusted, forwarded)
    assert _django_proxies() == django
    assert _gunicorn_allows() == gunicorn


@pytest.mark.parametrize("start", [_django_proxies, _gunicorn_allows])
def test_the_two_naming_different_proxies_stop_start_up_naming_both(environment, start):
    environment("10.1.0.0/16", "127.0.0.1")
    with pytest.raises(SettingError) as refused:
        start()
    message = str(refused.value)
    assert "OPENIMR_TRUSTED_PROXIES='10.1.0.0/16'" in message
    assert "OPENIMR_FORWARDED_ALLOW_IPS='127.0.0.1'" in message
    assert "different proxies" in message


def test_a_bad_address_in_gunicorns_setting_stops_start_up_naming_it(environment):
    environment(None, "127.0.0.1,nginx.local")
    with pytest.raises(SettingError, match=r"OPENIMR_FORWARDED_ALLOW_IPS: 'nginx.local' is not"):
        _gunicorn_allows()


@pytest.mark.parametrize(
    ("remote", "forwarded", "logged"),
    [
        ("127.0.0.1", "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        # from an address not trusted the header is the client's own writing: not believed
        ("198.51.100.9", "203.0.113.5", "198.51.100.9"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("", "203.0.113.5", "-"),  # no address (a Unix socket): gunicorn's own "-"
    ],
)
def test_the_access_log_names_the_client_the_counts_by_address_take(remote, forwarded, logged):
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    from config.access_log import ClientAddressLogger

    logger = ClientAddressLogger(Config())
    logger.proxies = (ipaddress.ip_network("127.0.0.1/32"),)
    environ = {
        "REMOTE_ADDR": remote,
        "HTTP_X_FORWARDED_FOR": forwarded,
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/healthz/",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    answer = SimpleNamespace(status="200 OK", sent=2, headers=[])
    assert logger.atoms(answer, [], environ, timedelta(milliseconds=3))["h"] == logged
