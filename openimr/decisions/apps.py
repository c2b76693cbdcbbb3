from django.apps import AppConfig
from django.db.backends.signals import connection_created


class DecisionsConfig(AppConfig):
    name = "openimr.decisions"
    label = "decisions"

    def ready(self) -> None:
        # SQLite's triggers of the numbers' table call this function (migration 0016).
        from openimr.decisions.number_runs_sql import on_connection  # noqa: PLC0415

        connection_created.connect(on_connection, dispatch_uid="openimr.decisions.number_runs")
