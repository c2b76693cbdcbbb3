from django.apps import AppConfig
from django.urls import register_converter


class CasesConfig(AppConfig):
    name = "openimr.cases"
    label = "cases"

    def ready(self) -> None:
        # The converter reads the case table: importable only once the models are.
        from openimr.cases.converters import CaseNumberConverter  # noqa: PLC0415

        register_converter(CaseNumberConverter, "case")
