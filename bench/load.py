"""Load: the app under gunicorn on 127.0.0.1, with N cases and M published decisions, driven
by an open-loop mix of staff case pages, the reviewer workspace, public search and API
submissions from this process (apart from the server's).

Run from the repository root: `python bench/load.py` (the issue's scale: 100,000 cases,
1,000,000 decisions, 100 requests/s for 300 s); scale down with `--cases`, `--decisions`,
`--rate`, `--duration`. Without DATABASE_URL the data go to a fresh SQLite database in a
temporary OPENIMR_DATA_DIR (removed afterwards), or with `--data DIR` to DIR, kept: a later
run with the same `--data` (and the same `--cases` and `--decisions`) reuses them after
running `migrate` on them, so the full scale's half hour of loading is paid once; with
DATABASE_URL, an empty scratch PostgreSQL database (the run migrates and fills it, emptying
the corpus tables; run again, it needs a new one: the bench's users exist already).

Steps: the data (bench/load_data.py, its own process: `openimr simulate`'s year of cases
through the real services, the decisions through bench/search_load.py); gunicorn with
config/gunicorn.conf.py and the production settings (OPENIMR_DEBUG=false) except plain HTTP
(OPENIMR_SSL_REDIRECT=false, OPENIMR_SECURE_COOKIES=false: there is no proxy ending TLS);
logging in the clerk and the reviewer through the password and two-factor forms; a short
unmeasured warm-up; each route alone, 5 a second one at a time (its service time without
queueing); then, at the same rate, first /healthz/ alone (the baseline: a trivial
Django view on the same server) for `--baseline-duration` seconds, then the mix for
`--duration` seconds. From the server's start to the end of the mix another process
publishes a letter every `--publish-every` seconds (bench/load_publish.py), so that the
server's kept answers age as in service. Printed: per route requests, throughput, p50/p95/p99
from each request's due time, errors by kind, and each p50/p99 as a multiple of the
baseline's.
"""

import argparse
import itertools
import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import load_drive as drive  # noqa: E402

MIX = "case page=30,workspace=20,search=40,api submission=10"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(data_dir: str, port: int, workers: int | None, lag: int | None) -> dict[str, str]:
    env = dict(os.environ)
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "OPENIMR_DATA_DIR": data_dir,
        "OPENIMR_DEBUG": "false",
        "OPENIMR_SECRET_KEY": secrets.token_urlsafe(60),
        "OPENIMR_ALLOWED_HOSTS": "127.0.0.1",
        "OPENIMR_SSL_REDIRECT": "false",
        "OPENIMR_SECURE_COOKIES": "false",
        "OPENIMR_BIND": f"127.0.0.1:{port}",
    }
    env.pop("OPENIMR_SECRET_KEY_FILE", None)
    # One token and one address send all the API traffic (10 a second in the default mix):
    # the shipped limits (120 and 60 a minute) would refuse most of it. Limits this high
    # still count every request, as in service, and refuse none.
    for limit in ("OPENIMR_API_RATE_PER_MINUTE", "OPENIMR_API_ANON_RATE_PER_MINUTE"):
        env.setdefault(limit, str(10**9))
    if workers:
        env["OPENIMR_WORKERS"] = str(workers)
    if lag is not None:
        env["OPENIMR_CORPUS_LAG_SECONDS"] = str(lag)
    return env


def _load(env: dict[str, str], args: argparse.Namespace, data_dir: str) -> dict[str, Any]:
    """Builds the data, or reuses a kept data directory's (``--data``): its database is
    migrated first, so that migrations newer than the build apply."""
    out = Path(data_dir) / "load-data.json"
    if out.exists():
        built = dict(json.loads(out.read_text(encoding="utf-8")))
        if (built.get("cases"), built.get("decisions")) != (args.cases, args.decisions):
            raise SystemExit(
                f"{data_dir} holds {built.get('cases')} cases and {built.get('decisions')}"
                f" decisions, not the {args.cases} and {args.decisions} asked for"
            )
        command = [sys.executable, "-m", "bench.load_data", str(out), "--reuse"]
        # Every run starts cold: the answers an earlier run's processes shared through files
        # (openimr.decisions.corpus_shelf) would still be good under the same corpus.
        shutil.rmtree(Path(data_dir) / "cache", ignore_errors=True)
    elif (Path(data_dir) / "openimr.sqlite3").exists():
        raise SystemExit(f"{data_dir} holds a database but no load-data.json: an unfinished "
                         "build; remove the directory and build again")  # fmt: skip
    else:
        command = [sys.executable, "-m", "bench.load_data", str(out), "--cases", str(args.cases),
                   "--decisions", str(args.decisions), "--seed", str(args.seed)]  # fmt: skip
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py"],
            cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped: see {log}\n{log.read_text()[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not listen within 120 s")


def _workers(server: subprocess.Popen[bytes]) -> int:
    """gunicorn's worker processes: the master's children, from /proc."""
    try:
        tasks = Path(f"/proc/{server.pid}/task").iterdir()
        return sum(len((t / "children").read_text().split()) for t in tasks)
    except OSError:
        return -1


def _cpu_seconds(server: subprocess.Popen[bytes]) -> float:
    """CPU time the server has used so far: the master's, its live workers' and that of
    workers already replaced (counted in the master's children's time once reaped)."""
    tick = os.sysconf("SC_CLK_TCK")

    def fields(pid: int) -> list[str]:
        text = Path(f"/proc/{pid}/stat").read_text()
        return text.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces

    try:
        master = fields(server.pid)
        total = sum(int(x) for x in master[11:15])  # utime, stime, cutime, cstime
        for task in Path(f"/proc/{server.pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += sum(int(x) for x in fields(int(child))[11:13])
    except OSError:
        return float("nan")
    return total / tick


def _warm(port: int, makers: dict[str, Any], senders: int) -> None:
    """Each worker imports and compiles on its first requests: 5 s of every route, unmeasured."""
    routes = itertools.cycle([*makers.values(), lambda: next(drive.health())])
    drive.run_phase(port, (make() for make in routes), rate=20, seconds=5, senders=senders)


def _solo(port: int, makers: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each route alone, 5 a second one at a time: its service time without queueing."""
    outcomes: list[drive.Outcome] = []
    for make in [lambda: next(drive.health()), *makers.values()]:
        stream = (make() for _ in itertools.count())
        outcomes += drive.run_phase(port, stream, rate=5, seconds=4, senders=1)[0]
    return drive.summary(outcomes, 4.0)


def _print(title: str, table: dict[str, dict[str, Any]], base: dict[str, Any]) -> None:
    print(f"\n{title}")
    print(f"  {'route':<20} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
          f" {'p50 x':>7} {'p99 x':>7}  errors")  # fmt: skip
    for route, row in table.items():
        errors = ", ".join(f"{n} {kind}" for kind, n in row["errors"].most_common()) or "0"
        times = f"{row['p50']:>8.1f} {row['p95']:>8.1f} {row['p99']:>8.1f}"
        ratios = f"{row['p50'] / base['p50']:>7.1f} {row['p99'] / base['p99']:>7.1f}"
        print(f"  {route:<20} {row['requests']:>8,} {row['per_second']:>7.1f} {times} {ratios}"
              f"  {errors}")  # fmt: skip


def _weights(text: str) -> dict[str, int]:
    pairs = (part.split("=") for part in text.split(","))
    return {name.strip(): int(weight) for name, weight in pairs}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--decisions", type=int, default=1_000_000)
    parser.add_argument("--rate", type=float, default=100.0, help="requests a second")
    parser.add_argument("--duration", type=float, default=300.0, help="seconds of the mix")
    parser.add_argument("--warm-duration", type=float, default=0.0,
                        help="seconds of the mix, unmeasured, before the baseline (a server "
                             "that has run a while; 0: from cold caches)")  # fmt: skip
    parser.add_argument("--baseline-duration", type=float, default=60.0,
                        help="seconds of /healthz/ alone, at the same rate, first")  # fmt: skip
    parser.add_argument("--publish-every", type=float, default=10.0,
                        help="seconds between letters published into the corpus from the "
                             "warm-up to the end of the mix, as an IMRO in service does "
                             "(bench/load_publish.py; 0: none)")  # fmt: skip
    parser.add_argument("--lag", type=int,
                        help="the server's OPENIMR_CORPUS_LAG_SECONDS (default: the "
                             "setting's); shorter recomputes kept answers more often")  # fmt: skip
    parser.add_argument("--mix", default=MIX, help=f"route=weight,... (default {MIX})")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: its config)")
    parser.add_argument("--senders", type=int, default=64, help="the driver's threads")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--data", type=Path, help="keep the data in this directory: built "
                        "there if it holds none, reused (after `migrate`) if it does")  # fmt: skip
    return parser.parse_args(argv)


def _run(args: argparse.Namespace, data_dir: str) -> int:
    port = _free_port()
    env = _environment(data_dir, port, args.workers, args.lag)
    started = time.perf_counter()
    data = _load(env, args, data_dir)
    print(f"data: {args.cases:,} cases, {args.decisions:,} decisions in {data_dir}, "
          f"{'reused' if data.get('reused') else 'built'} in "
          f"{time.perf_counter() - started:,.0f} s")  # fmt: skip
    log = Path(data_dir) / "gunicorn.log"
    server = _serve(env, port, log)
    publisher = _publisher(env, args)
    try:
        return _drive(args, port, data, server)
    finally:
        _stop_publisher(publisher)
        server.terminate()
        server.wait(timeout=60)
        _cache_report(log)


def _publisher(env: dict[str, str], args: argparse.Namespace) -> subprocess.Popen[str] | None:
    """Letters published while the server works: each moves the corpus's version stamp."""
    if not args.publish_every:
        return None
    command = [sys.executable, "-m", "bench.load_publish", "--every", str(args.publish_every),
               "--seed", str(args.seed + 7)]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def _stop_publisher(publisher: subprocess.Popen[str] | None) -> None:
    if publisher is None:
        return
    publisher.terminate()
    out, _ = publisher.communicate(timeout=60)
    print(f"publisher: {out.strip() or f'stopped with status {publisher.returncode}'}")


CACHE_LINE = re.compile(r"corpus cache \(worker \d+\): (.*)")
CACHE_COUNTS = re.compile(r"([a-z ]+): (\d+) hits, (\d+) misses")


def _cache_report(log: Path) -> None:
    """The corpus caches' hits and misses over the whole run (warm-up, each route alone,
    the mix), summed over the workers' last log lines (config/gunicorn.conf.py)."""
    totals: dict[str, list[int]] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        found = CACHE_LINE.search(line)
        for name, hits, misses in CACHE_COUNTS.findall(found.group(1) if found else ""):
            row = totals.setdefault(name.strip(), [0, 0])
            row[0], row[1] = row[0] + int(hits), row[1] + int(misses)
    for name, (hits, misses) in sorted(totals.items()):
        rate = hits / (hits + misses) if hits + misses else 0.0
        print(f"corpus cache, {name} (whole run, all workers): {hits:,} hits, "
              f"{misses:,} misses, hit rate {rate:.0%}")  # fmt: skip


def _drive(args: argparse.Namespace, port: int, data: dict[str, Any], server: Any) -> int:
    staff = drive.login(port, data["staff"]["username"], data["password"],
                        data["staff"]["totp_key"])  # fmt: skip
    reviewer = drive.login(port, data["reviewer"]["username"], data["password"],
                           data["reviewer"]["totp_key"])  # fmt: skip
    makers = drive.makers(data, staff, reviewer, args.seed)
    workers = _workers(server)
    _warm(port, makers, args.senders)
    solo = _solo(port, makers)
    phase = {"rate": args.rate, "senders": args.senders}
    if args.warm_duration:
        # The corpus caches as a server that has been up a while has them (until the next
        # publish empties them): the same mix, another seed, not counted.
        warm = drive.mix(_weights(args.mix), makers, args.seed + 1)
        drive.run_phase(port, warm, seconds=args.warm_duration, **phase)
        print(f"warmed: {args.warm_duration:g} s of the mix at {args.rate:g}/s, not measured")
    load_before = os.getloadavg()
    outcomes, seconds = drive.run_phase(port, drive.health(), seconds=args.baseline_duration,
                                        **phase)  # fmt: skip
    base_table = drive.summary(outcomes, seconds)
    base = next(iter(base_table.values()))
    stream = drive.mix(_weights(args.mix), makers, args.seed)
    cpu_before, driver_before = _cpu_seconds(server), time.process_time()
    outcomes, seconds = drive.run_phase(port, stream, seconds=args.duration, **phase)
    cpu = _cpu_seconds(server) - cpu_before
    driver = time.process_time() - driver_before  # every thread of this process
    table = drive.summary(outcomes, seconds)
    print(f"\n{platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores, gunicorn workers: {workers}, driver threads: {args.senders}, "
          f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}, "
          f"database: {os.environ.get('DATABASE_URL', 'SQLite').split('@')[-1]}, "
          f"corpus lag: {'the default' if args.lag is None else f'{args.lag} s'}")  # fmt: skip
    _print("each route alone, 20 requests one at a time (service time, no queueing)",
           solo, solo["healthz (baseline)"])  # fmt: skip
    _print(f"baseline: /healthz/ at {args.rate:g}/s for {args.baseline_duration:g} s",
           base_table, base)  # fmt: skip
    total = sum(row["requests"] for row in table.values())
    answered = sum(row["per_second"] for row in table.values())
    print(f"\nmix at {args.rate:g}/s for {args.duration:g} s: {total:,} requests due, "
          f"{answered:.1f}/s answered over {seconds:.0f} s (sending and draining)")  # fmt: skip
    # Server CPU per request: what a request costs whatever else shares the cores (wall
    # times on a busy machine stretch with the other jobs; this does not, or much less).
    done = sum(1 for o in outcomes if not (o.error or "").startswith(drive.UNANSWERED))
    print(f"server CPU in the mix: {cpu:,.1f} s for {done:,} answers, "
          f"{cpu / max(done, 1) * 1000:.1f} ms a request (all workers and the master)")  # fmt: skip
    # The driver shares the cores: what it takes is CPU the server did not have.
    print(f"driver CPU in the mix: {driver:,.1f} s, {driver / max(done, 1) * 1000:.1f} ms a "
          f"request ({args.senders} threads)")  # fmt: skip
    _print("by route (x = multiple of the baseline's)", table, base)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.data is not None:
        if os.environ.get("DATABASE_URL"):
            raise SystemExit("--data keeps a SQLite database: leave DATABASE_URL unset")
        args.data.mkdir(parents=True, exist_ok=True)
        return _run(args, str(args.data.resolve()))
    with tempfile.TemporaryDirectory(prefix="openimr-bench-load-") as data_dir:
        return _run(args, data_dir)


if __name__ == "__main__":
    sys.exit(main())
