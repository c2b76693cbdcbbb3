from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "openimr.letters"
    label = "letters"
