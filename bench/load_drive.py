"""The traffic of `bench/load.py`: standard library only (threads and keep-alive
http.client connections), so it runs in the benchmark's own process, apart from the server.

Open loop: request k of a phase is due at start + k/rate whatever became of the earlier
ones, and its latency runs from that due time, so a server falling behind shows as queueing
in the figures instead of slowing the client down (the "coordinated omission" a closed loop
hides). A bounded pool of threads sends them; the count is rate × duration and the phase
stops at duration + drain, a request still unsent then counted as an error.
"""

import hashlib
import hmac
import http.client
import itertools
import json
import queue
import random
import re
import statistics
import struct
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urlsplit

HOST = "127.0.0.1"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A logged-in page that answers with one of these lost its session: an error, not a 3xx.
LOGIN_PATHS = ("/login/", "/accounts/two-factor/")
UNANSWERED = ("not sent", "exception")


@dataclass(frozen=True)
class Request:
    route: str
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None


@dataclass
class Outcome:
    route: str
    ms: float
    error: str | None  # None: a 2xx or 3xx answer


def totp(key_hex: str, at: float, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 over RFC 4226's HOTP with SHA-1, as django-otp's TOTP devices check it."""
    counter = struct.pack(">Q", int(at) // step)
    mac = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


class Browser:
    """One person's cookies over one connection, for logging in through the forms."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)
        self.cookies: dict[str, str] = {}

    def send(self, method: str, path: str, form: dict[str, str] | None = None) -> Any:
        headers = {"Host": HOST, "Cookie": self.cookie_header()}
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def post_form(self, path: str, fields: dict[str, str]) -> Any:
        page = self.send("GET", path)
        token = CSRF_FIELD.search(page.text)
        if page.status != 200 or token is None:
            raise RuntimeError(f"GET {path}: {page.status}, no CSRF token in the form")
        return self.send("POST", path, {"csrfmiddlewaretoken": token.group(1), **fields})


def login(port: int, username: str, password: str, totp_key: str) -> str:
    """Logs in through the password form and the two-factor form, computing the code from
    the device's key as the user's phone would; returns the session's Cookie header."""
    browser = Browser(port)
    answer = browser.post_form("/login/", {"username": username, "password": password})
    if answer.status != 302 or urlsplit(answer.getheader("Location") or "").path == "/login/":
        raise RuntimeError(f"login of {username}: {answer.status}")
    # Every page sends the session to the two-factor form until the code is given. A code
    # is taken once: when the last login (an earlier run's) used this one, wait for the next.
    for _ in range(3):
        answer = browser.post_form("/accounts/two-factor/", {"code": totp(totp_key, time.time())})
        if answer.status != 422:
            break
        time.sleep(30.5 - time.time() % 30)
    if answer.status != 302 or urlsplit(answer.getheader("Location") or "").path in LOGIN_PATHS:
        raise RuntimeError(f"two-factor step of {username}: {answer.status}")
    browser.connection.close()
    return browser.cookie_header()


class _Sender(threading.Thread):
    """Takes due requests off the queue and sends them on its own keep-alive connection."""

    def __init__(self, port: int, jobs: queue.Queue, out: list[Outcome], run: "_Run") -> None:
        super().__init__(daemon=True)
        self.port, self.jobs, self.out, self.run_ = port, jobs, out, run
        self.connection: http.client.HTTPConnection | None = None

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            due, request = job
            if time.monotonic() > self.run_.hard_stop:
                self.out.append(Outcome(request.route, 0.0, "not sent: the phase ran over"))
                continue
            error = self._send(request)
            self.out.append(Outcome(request.route, (time.monotonic() - due) * 1000, error))

    def _send(self, request: Request) -> str | None:
        # A kept-alive connection the server closed while it sat idle fails at once, before
        # any answer: sent again once on a new connection, as HTTP clients do. A failure on
        # a new connection, or after the server began answering, is an error.
        for attempt in (1, 2):
            reused = self.connection is not None
            try:
                return _judge(self._exchange(request))
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self._drop()
                if not reused or attempt == 2:
                    return f"exception: {type(exc).__name__}"
            except (OSError, http.client.HTTPException) as exc:
                self._drop()
                return f"exception: {type(exc).__name__}"
        raise AssertionError("unreachable")

    def _exchange(self, request: Request) -> http.client.HTTPResponse:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=self.run_.timeout)
        self.connection.request(
            request.method, request.path, body=request.body,
            headers={"Host": HOST, **request.headers},
        )  # fmt: skip
        response = self.connection.getresponse()
        response.read()
        if response.getheader("Connection", "").lower() == "close":
            self._drop()
        return response

    def _drop(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None


def _judge(response: http.client.HTTPResponse) -> str | None:
    if 300 <= response.status < 400:
        target = urlsplit(response.getheader("Location") or "").path
        return f"{response.status} to {target}" if target.startswith(LOGIN_PATHS) else None
    return None if 200 <= response.status < 300 else f"HTTP {response.status}"


@dataclass
class _Run:
    hard_stop: float
    timeout: float


def run_phase(
    port: int,
    requests: Iterator[Request],
    *,
    rate: float,
    seconds: float,
    senders: int,
    drain: float = 60.0,
    timeout: float = 30.0,
) -> tuple[list[Outcome], float]:
    """Sends rate × seconds requests, each at its due time; returns the outcomes and the
    seconds from the first due time to the last answer."""
    count = int(rate * seconds)
    jobs: queue.Queue = queue.Queue()
    out: list[Outcome] = []
    start = time.monotonic() + 0.2
    state = _Run(hard_stop=start + seconds + drain, timeout=timeout)
    threads = [_Sender(port, jobs, out, state) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for k in range(count):
        due = start + k / rate
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        jobs.put((due, next(requests)))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join(max(0.0, state.hard_stop + timeout - time.monotonic()))
    return list(out), time.monotonic() - start


def mix(weights: dict[str, int], makers: dict[str, Callable[[], Request]], seed: int
        ) -> Iterator[Request]:  # fmt: skip
    """An endless, seeded stream of requests, each route drawn with its weight."""
    rng = random.Random(seed)
    routes = [r for r in weights if weights[r] > 0]
    chances = [weights[r] for r in routes]
    while True:
        yield makers[rng.choices(routes, chances)[0]]()


def makers(data: dict[str, Any], staff: str, reviewer: str, seed: int
           ) -> dict[str, Callable[[], Request]]:  # fmt: skip
    """One request of each route of the mix, with the logged-in sessions' cookies."""
    rng = random.Random(seed)
    claims = itertools.count(1)
    run = time.strftime("%Y%m%d%H%M%S")  # a kept data directory is driven again and again
    api_headers = {
        "Authorization": f"Bearer {data['api_token']}",
        "Content-Type": "application/json",
    }
    return {
        "case page": lambda: Request(
            "case page", "GET", f"/cases/{rng.choice(data['case_numbers'])}/", {"Cookie": staff}
        ),
        "workspace": lambda: Request(
            "workspace",
            "GET",
            f"/review/{rng.choice(data['workspace_cases'])}/",
            {"Cookie": reviewer},
        ),
        "search": lambda: Request(
            "search", "GET", "/decisions/?" + urlencode(rng.choice(data["search_queries"]))
        ),
        # A portal reading the corpus: an API request that writes nothing but its rate count.
        "api search": lambda: Request(
            "api search",
            "GET",
            "/api/v1/decisions?" + urlencode(rng.choice(data["search_queries"])),
            api_headers,
        ),
        "api submission": lambda: Request(
            "api submission",
            "POST",
            "/api/v1/applications",
            api_headers,
            _application(data["application"], f"LOAD-{run}-{next(claims):07d}"),
        ),
    }


def _application(body: dict[str, Any], claim_number: str) -> bytes:
    """The application with a claim of its own: a claims administrator files for many
    claims, and the same claim filed over and over would be screened as a duplicate against
    every earlier filing of it (a cost that grows with the run, and not the usual path)."""
    return json.dumps({**body, "claim_number": claim_number}).encode()


def health() -> Iterator[Request]:
    while True:
        yield Request("healthz (baseline)", "GET", "/healthz/")


def summary(outcomes: list[Outcome], seconds: float) -> dict[str, dict[str, Any]]:
    """Per route: requests, answered per second, p50, p95 and p99 of the answered (an error
    status is an answer; an exception or a request never sent is not), errors."""
    by_route: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_route[outcome.route].append(outcome)
    table = {}
    for route, rows in sorted(by_route.items()):
        answered = [o.ms for o in rows if not (o.error or "").startswith(UNANSWERED)]
        table[route] = {
            "requests": len(rows),
            "per_second": len(answered) / seconds,
            "p50": statistics.median(answered) if answered else float("nan"),
            "p95": _percentile(answered, 95),
            "p99": _percentile(answered, 99),
            "errors": Counter(o.error for o in rows if o.error),
        }
    return table


def _percentile(samples: list[float], percent: int) -> float:
    if len(samples) < 2:
        return samples[0] if samples else float("nan")
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]
