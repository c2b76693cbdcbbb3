from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openimr.core"
    label = "core"
