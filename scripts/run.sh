#!/usr/bin/env bash
# `make run`'s last step: the development server and a background worker, stopped together.
# Usage: scripts/run.sh BIN HOST PORT   (BIN: the folder holding the virtualenv's python)
#
# SIGTERM, SIGINT (Ctrl+C) or SIGHUP stops both and waits for them, so that nothing is left
# running: a `kill` of `make run` (make passes SIGTERM on to this script) used to end the
# shell and leave the worker and the server behind. The worker gets one SIGTERM, which lets
# the task in hand finish; it runs in a session of its own (setsid) so that a Ctrl+C on the
# terminal does not reach it as a second signal, which would end that task at once.
set -u
bin=$1 host=$2 port=$3
cd "$(dirname "$0")/.."

detach=()
if command -v setsid >/dev/null; then detach=(setsid); fi
${detach[@]+"${detach[@]}"} "$bin/python" -m openimr.cli worker &
worker=$!
"$bin/python" manage.py runserver "$host:$port" &
server=$!

stop() {
  # A second signal while stopping is passed on: the worker then ends its task at once.
  trap 'kill -TERM "$server" "$worker" 2>/dev/null' TERM INT HUP
  kill -TERM "$server" "$worker" 2>/dev/null
  while kill -0 "$server" 2>/dev/null || kill -0 "$worker" 2>/dev/null; do wait; done
  exit "$1"
}
trap 'stop 143' TERM
trap 'stop 130' INT
trap 'stop 129' HUP

# The server ending by itself (its port in use, say) stops the worker too.
wait "$server"
status=$?
stop "$status"
