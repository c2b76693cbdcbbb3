"""gunicorn's configuration: `gunicorn -c config/gunicorn.conf.py`, every value from the
environment (docs/settings.md, docs/deploy.md). Django's own settings come from the same
environment when the workers load config.wsgi."""

import os

from config.env import env_str

wsgi_app = "config.wsgi:application"
bind = (env_str("OPENIMR_BIND") or "127.0.0.1:8000").split(",")
# Two processes a core: a request waiting on the database or disk leaves the core to the
# other. Sync workers: the views do blocking database work, nothing gains from threads.
workers = int(env_str("OPENIMR_WORKERS") or 2 * (os.cpu_count() or 1) + 1)
# A request over this many seconds is killed: a large record upload or PDF render takes a
# few seconds; anything near a minute is stuck.
timeout = int(env_str("OPENIMR_REQUEST_TIMEOUT") or 60)
graceful_timeout = 30
# Each worker is replaced after a few thousand requests, spread out so that not all restart
# at once: memory that a long-lived process gathers is given back.
max_requests = 5000
max_requests_jitter = 500
# The proxy in front (docs/deploy.md) is trusted for X-Forwarded-* from these addresses only.
forwarded_allow_ips = env_str("OPENIMR_FORWARDED_ALLOW_IPS") or "127.0.0.1"
accesslog = "-"
errorlog = "-"
# gunicorn's control socket lives in the home folder by default: two servers of one user
# would share it. systemd or a signal controls the server instead.
control_socket_disable = True
