"""Small helpers for models that store closed vocabularies (StrEnums)."""

from enum import StrEnum

from django.db.models import Q


def choices_of(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]


def in_enum(field: str, enum: type[StrEnum], *, null: bool = False) -> Q:
    """A check constraint's condition: the column holds one of the enum's values."""
    allowed = Q(**{f"{field}__in": [m.value for m in enum]})
    return allowed | Q(**{f"{field}__isnull": True}) if null else allowed
