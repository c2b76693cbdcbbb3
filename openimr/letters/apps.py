from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "openimr.letters"
    label = "letters"

    def ready(self) -> None:
        from openimr.letters import checks  # noqa: F401, PLC0415  (registers the check)
