"""Tests of an upgrade take the database back to the migrations before it and forward again.
Going back unapplies every later migration that depends on those targets, in any app (cases'
0022 depends on audit's 0002), so going forward to the migration under test alone would
leave the tests after it a schema they were not written for: `back_at` always ends at every
app's last migration, whatever the test did."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

Targets = list[tuple[str, str]]


def migrate_to(targets: Targets | None) -> Apps:
    """The database migrated to ``targets`` (every app's last migration for None), and the
    models as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@contextmanager
def back_at(targets: Targets) -> Iterator[Apps]:
    """The database at ``targets`` inside the block, at every app's last migration after it."""
    try:
        yield migrate_to(targets)
    finally:
        migrate_to(None)
