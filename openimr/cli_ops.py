"""`openimr backup`, `openimr restore`, `openimr worker` and `openimr files sweep`: running a
deployment."""

import argparse
import math
from pathlib import Path

from openimr.cli_output import shown_name
from openimr.core.errors import Conflict, InvalidInput, Problem


def _django() -> None:
    """Set up as every command is (a malformed setting named in one line), without the
    check that the database holds every migration: these commands copy, restore or serve
    whatever it holds."""
    from openimr.cli import _django as setup

    setup(migrated=False)


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MiB"


def cmd_backup(args: argparse.Namespace) -> int:
    _django()
    from openimr.ops.services import backup_create

    done = backup_create(dest=Path(args.dest), actor="cli")
    print(
        f"backed up the {done.vendor} database and {done.files - 1} stored file(s), "
        f"{_size(done.bytes)}, to {done.folder} (checksums in MANIFEST.json)"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _django()
    from openimr.ops.services import backup_restore

    done = backup_restore(src=Path(args.src), actor="cli", force=args.force)
    print(
        f"restored the {done.vendor} database and {done.files - 1} stored file(s) from "
        f"{done.folder}; run `python manage.py migrate` if this version is newer than the backup"
    )
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    if args.max_tasks is not None and args.max_tasks < 1:  # 0 would mean "no limit" below
        raise InvalidInput([Problem("--max-tasks", "must be 1 or more")])
    if not 0 < args.interval < math.inf:  # also refuses nan, which db_worker meets with a traceback
        raise InvalidInput([Problem("--interval", "must be more than 0 seconds, a finite number")])
    _django()
    from django.conf import settings
    from django.core.management import call_command

    backend = str(settings.TASKS["default"]["BACKEND"])
    if not backend.startswith("django_tasks_db."):
        raise Conflict(
            f"the tasks backend is {backend}, which keeps no queue: set "
            "OPENIMR_TASKS_BACKEND=database to run tasks in a worker"
        )
    options = ["--no-reload", "--interval", str(args.interval), "--no-startup-delay"]
    options += ["--batch"] if args.batch else []
    options += ["--max-tasks", str(args.max_tasks)] if args.max_tasks else []
    call_command("db_worker", *options)
    return 0


def cmd_files_sweep(args: argparse.Namespace) -> int:
    if not 0 <= args.older_than < math.inf:
        raise InvalidInput([Problem("--older-than", "must be 0 or more hours, a finite number")])
    _django()
    from datetime import timedelta

    from openimr.accounts.services import sessions_expired_remove
    from openimr.ops.services import stored_files_sweep

    done = stored_files_sweep(
        grace=timedelta(hours=args.older_than), dry_run=args.dry_run, actor="cli"
    )
    # After the files: a sweep refused as another deployment's database removes nothing.
    sessions = sessions_expired_remove(actor="cli", dry_run=args.dry_run)
    verb = "would remove" if done.dry_run else "removed"
    for orphan in done.removed:
        hours = orphan.age.total_seconds() / 3600
        named = shown_name(str(orphan.path))
        print(f"{verb} {named} ({orphan.size:,} bytes, {hours:.1f} hours old)")
    size = _size(sum(o.size for o in done.removed))
    print(
        f"{verb} {len(done.removed)} file(s) no row names, {size}; kept {done.named} named "
        f"file(s) and {done.kept_young} younger than {args.older_than:g} hours"
    )
    print(f"{verb} {sessions} expired session(s)")
    return 0


def register(groups: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    backup = groups.add_parser(
        "backup", help="back up the database and stored files, with a checksum manifest"
    )
    backup.add_argument("dest", metavar="DEST", help="a new or empty folder")
    backup.set_defaults(handler=cmd_backup)

    restore = groups.add_parser("restore", help="check a backup's checksums and restore it")
    restore.add_argument("src", metavar="SRC", help="a folder written by `openimr backup`")
    restore.add_argument(
        "--force", action="store_true", help="overwrite a database or data folder that has data"
    )
    restore.set_defaults(handler=cmd_restore)

    worker = groups.add_parser("worker", help="run queued background tasks (reading records)")
    worker.add_argument(
        "--interval",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="seconds between polls of an empty queue (default 1)",
    )
    worker.add_argument("--batch", action="store_true", help="run what is queued, then exit")
    worker.add_argument("--max-tasks", type=int, metavar="N", help="exit after N tasks")
    worker.set_defaults(handler=cmd_worker)

    files = groups.add_parser("files", help="the stored files").add_subparsers(
        dest="command", required=True
    )
    sweep = files.add_parser(
        "sweep",
        help="remove stored files (records, UR decisions, letters, corpus PDFs) no row names, "
        "and expired sessions",
    )
    sweep.add_argument(
        "--older-than",
        type=float,
        default=24.0,
        metavar="HOURS",
        help="only files older than this, so that no upload in flight is touched (default 24)",
    )
    sweep.add_argument("--dry-run", action="store_true", help="say what would go; remove nothing")
    sweep.set_defaults(handler=cmd_files_sweep)
