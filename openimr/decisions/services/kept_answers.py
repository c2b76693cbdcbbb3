"""Forgetting every answer the corpus's readers kept (openimr.decisions.corpus), for a change
of the corpus its triggers do not see.

The kept answers trust the corpus's two stamps (migrations 0005 and 0007): a restore
(`openimr restore`) loads the backup's rows and with them the backup's stamps. An answer
kept after the backup (a search counting a letter ingested since) then carried the very
``removal`` stamp the restored row holds, and went on being served, a letter no longer in
the database among its results, until its lease ended (``OPENIMR_CORPUS_LAG_SECONDS``);
the files under ``<data folder>/cache/`` outlived a restart too."""

import secrets
import shutil
from pathlib import Path

from django.conf import settings
from django.db import connection

from openimr.decisions.corpus import TABLE

# Both stamps new, with the row's one upsert (a flushed table gets it back): the same
# statement on SQLite and PostgreSQL.
_RENEW = (
    f"INSERT INTO {TABLE} (id, stamp, removal) VALUES (1, %s, %s) "
    "ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, removal = excluded.removal"
)


def kept_answers_forget() -> None:
    """Give the corpus new stamps, so that no server process serves an answer it kept
    before, and empty the folder of kept answers that the processes share. A database
    without the stamps' table (not migrated yet) keeps nothing to forget."""
    if TABLE in connection.introspection.table_names():
        with connection.cursor() as cursor:
            # Random, as the triggers' are (a counter could meet an old value again).
            cursor.execute(_RENEW, [_random_stamp(), _random_stamp()])
    shutil.rmtree(Path(settings.DATA_DIR) / "cache", ignore_errors=True)


def _random_stamp() -> int:
    return secrets.randbits(63) - 2**62
