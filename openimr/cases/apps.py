from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "openimr.cases"
    label = "cases"
