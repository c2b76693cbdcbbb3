from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what to which object, when. Written in the same transaction as the change it
    records, so a rolled-back change leaves no event and a committed one always has one."""

    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    # The actor's username at the time, and "system"/"cli" for work with no logged-in user.
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=60)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("id",)
        indexes = (models.Index(fields=("object_type", "object_id")),)

    def __str__(self) -> str:
        when = f"{self.at:%Y-%m-%d %H:%M}"
        return f"{when} {self.actor_label} {self.action} {self.object_type} {self.object_id}"
