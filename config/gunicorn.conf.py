"""gunicorn's configuration: `gunicorn -c config/gunicorn.conf.py`, every value from the
environment (docs/settings.md, docs/deploy.md). Django's own settings come from the same
environment when the workers load config.wsgi."""

import os

from config.access_log import ClientAddressLogger
from config.env import env_str
from config.proxies import forwarded_allow_ips as _forwarded_allow_ips

wsgi_app = "config.wsgi:application"
bind = (env_str("OPENIMR_BIND") or "127.0.0.1:8000").split(",")
# Two processes a core, each with a few threads (gthread). A thread waiting on the database
# (SQLite's write lock, which every audited page view takes) or the disk leaves its process
# to another request; and a client (a load balancer) keeps its connection to one process,
# so with one process a core a busy process holds its core while the other idles: at a
# million letters, 2 processes x 4 threads answered 82 of 100 requests a second using 1.13
# of 2 cores, 4 x 4 answered all 100 using 1.53 (docs/benchmarks.md, "Load"). Earlier, on
# small data, 5 sync workers answered 11.6 a second at 35.6 ms of CPU a request.
workers = int(env_str("OPENIMR_WORKERS") or 2 * (os.cpu_count() or 1))
worker_class = "gthread"
# Two threads each, not four: the threads of one process share its GIL, and a thread back
# from SQLite with the write lock held waits for it behind the others. In the steady state
# at 100 requests a second on two cores, 4 x 4 spent 14.4 ms of CPU a request with case pages
# at p99 335 ms; 4 x 2 spent 10.2 ms, p99 54 ms (docs/benchmarks.md, "The write lock").
threads = int(env_str("OPENIMR_THREADS") or 2)
# gthread keeps a client's connection open between requests. A load balancer keeps its
# connections to the app servers open for about a minute of idleness (60 s is common): the
# app keeps them longer, so that the balancer, not the app, closes an idle one and never
# sends a request down a connection the app is closing.
keepalive = 75
# A request over this many seconds is killed: a large record upload or PDF render takes a
# few seconds; anything near a minute is stuck.
timeout = int(env_str("OPENIMR_REQUEST_TIMEOUT") or 60)
graceful_timeout = 30
# Each worker is replaced after some tens of thousands of requests, spread out so that not
# all restart at once: memory a long-lived process gathers is given back. At 5,000 a worker
# restarted every few minutes at 100 requests a second, each time reloading the app and its
# caches, and the p99 of a warm run was 1.8-2.3 s; at 50,000, 52-188 ms (docs/benchmarks.md).
max_requests = 50000
max_requests_jitter = 5000
# The proxy in front (docs/deploy.md) is trusted for X-Forwarded-* from these addresses only:
# OPENIMR_FORWARDED_ALLOW_IPS or OPENIMR_TRUSTED_PROXIES, one value (config.proxies).
forwarded_allow_ips = _forwarded_allow_ips()
accesslog = "-"
# Each line names the client as the counts by address find it, not the proxy in front.
logger_class = ClientAddressLogger
errorlog = "-"
# gunicorn's control socket lives in the home folder by default: two servers of one user
# would share it. systemd or a signal controls the server instead.
control_socket_disable = True


def worker_exit(server: object, worker: object) -> None:
    """Each worker's last log line: how often the corpus caches answered (bench/load.py
    reads them; docs/benchmarks.md)."""
    from openimr.decisions.corpus import stats_line  # noqa: PLC0415

    line = stats_line()
    if line:
        worker.log.info("corpus cache (worker %s): %s", worker.pid, line)  # type: ignore[attr-defined]


def post_worker_init(worker: object) -> None:
    """The objects the worker made loading the app live as long as it does: moved out of
    the collector's reach (gc.freeze), so that its full collections stop walking them.
    Measured under bench/load.py: the workers' collection time 2.65 s → 2.14 s a run."""
    import gc  # noqa: PLC0415

    gc.freeze()
