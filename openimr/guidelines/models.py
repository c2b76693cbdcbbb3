from django.conf import settings
from django.db import models

from openimr.guidelines.domain.catalog import FAMILIES


class StaffEntry(models.Model):
    """A catalog entry staff added beside the program's own (guidelines.toml): a guideline
    edition or a study the shipped catalog does not list yet. Facts only, never its text."""

    entry_id = models.SlugField(max_length=80, unique=True)
    program = models.CharField(max_length=40, default="ca-dwc-imr")
    family = models.CharField(max_length=20, choices=[(f, f) for f in FAMILIES])
    title = models.CharField(max_length=300)
    part = models.CharField(max_length=300, blank=True, default="")
    edition = models.CharField(max_length=100, blank=True, default="")
    section = models.CharField(max_length=100, blank=True, default="")
    aliases = models.JSONField(default=list, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ("family", "title")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(family__in=FAMILIES), name="staff_entry_family_known"
            ),
        )

    def __str__(self) -> str:
        return self.title
