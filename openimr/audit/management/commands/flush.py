"""Django's flush, which empties every table, also on SQLite: there it deletes row by row,
which the audit trail's triggers (on its events and its case index) refuse, so they are
dropped and put back around it in one transaction. (PostgreSQL's flush truncates, which
row triggers do not see.) Django's transactional tests flush after each test; on a live
database, flush wipes the trail with everything else, as it would on PostgreSQL."""

from typing import Any

from django.core.management.commands import flush
from django.db import connections, transaction

from openimr.audit import triggers


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with transaction.atomic(using=connection.alias):
            triggers.remove(connection)
            super().handle(**options)
            triggers.install(connection)
        return None
