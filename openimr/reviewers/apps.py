from django.apps import AppConfig


class ReviewersConfig(AppConfig):
    name = "openimr.reviewers"
    label = "reviewers"
