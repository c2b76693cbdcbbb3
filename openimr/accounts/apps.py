from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openimr.accounts"
    label = "accounts"

    def ready(self) -> None:
        from openimr.accounts import signals  # noqa: F401, PLC0415  (connects the receiver)
