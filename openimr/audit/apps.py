from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _lanes_ready(using: str = "default", **kwargs: Any) -> None:
    """After migrate and after flush (which sends the same signal): the chain's lanes exist
    before any writer needs one."""
    from openimr.audit import chain  # noqa: PLC0415

    connection = connections[using]
    if chain.HEAD_TABLE in connection.introspection.table_names():
        chain.lanes_create(connection)


class AuditConfig(AppConfig):
    name = "openimr.audit"
    label = "audit"

    def ready(self) -> None:
        post_migrate.connect(_lanes_ready, sender=self, dispatch_uid="openimr.audit.lanes")
