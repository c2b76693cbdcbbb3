from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "openimr.review"
    label = "review"
