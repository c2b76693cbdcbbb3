"""A claims administrator registered with the program: the organization whose API account
(its portal's tokens) may reach the case files of the cases linked to it."""

from django.conf import settings
from django.db import models


class ClaimsAdministrator(models.Model):
    name = models.CharField(max_length=300)
    # openimr.cases.domain.administrators.administrator_key(name): what a case's free-text
    # name must match to be linked here.
    name_key = models.CharField(max_length=300, unique=True)
    # The account its portal acts as (one per administrator; an account acts for one).
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims_administrator",
    )
    registered_at = models.DateTimeField()
    # How its letters and notices reach it when a case's application gave no address or
    # e-mail for it (a case imported whole, or filed naming it without one): staff-only,
    # set with `openimr tokens register` or `openimr tokens contact`.
    address = models.TextField(blank=True, default="")
    email = models.CharField(max_length=254, blank=True, default="")

    def __str__(self) -> str:
        return self.name
