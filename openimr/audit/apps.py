from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "openimr.audit"
    label = "audit"
