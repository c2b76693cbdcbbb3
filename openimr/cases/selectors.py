"""Reads of cases, and the access helpers that raise instead of leaking: a user who may
not see a case gets NotFound, the same answer as for a case that does not exist."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from openimr.cases import models
from openimr.cases.mapping import case_from_row
from openimr.core.case import Case
from openimr.core.errors import NotFound

User = AbstractBaseUser | AnonymousUser


def user_is_case_staff(user: User) -> bool:
    """Until roles arrive (issue 7), staff accounts handle cases; nobody else sees them."""
    return bool(user.is_authenticated and getattr(user, "is_staff", False))


def case_list_for_user(user: User, *, query: str = "") -> QuerySet[models.Case]:
    if not user_is_case_staff(user):
        return models.Case.objects.none()
    cases = models.Case.objects.select_related("letter").prefetch_related("items")
    if query.strip():
        q = query.strip()
        cases = cases.filter(
            Q(case_number__icontains=q) | Q(items__treatment__icontains=q)
        ).distinct()
    return cases


def case_get_for_user(user: User, case_number: str) -> models.Case:
    row = case_list_for_user(user).filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    return row


def case_by_number(case_number: str) -> Case:
    """The domain case, for trusted callers (CLI, services) that check no user."""
    row = models.Case.objects.filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    return case_from_row(row)


def case_id_for(case_number: str) -> int:
    row = models.Case.objects.only("id").filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    return row.id
