"""Changes made in the Django admin site (/admin/) go into the audit trail like any other:
each add, change and delete writes an event (`admin.added`, `admin.changed`,
`admin.deleted`) naming the actor, the model (``app_label.model``) and the object's id, in
the transaction of the change, so a change that fails leaves neither.

What changed comes from the admin's own change message (the fields' names, the inline
rows added, changed or deleted) and, for the form's own fields, the values before and
after. A field whose name or widget says it holds a secret (a password, a key, a token)
is named but its values are never recorded: a password hash or a TOTP key in the trail
would be a copy of the secret outside its table."""

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget
from django.db import router, transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from openimr.audit.services import audit_event, audit_save

ADDED, CHANGED, DELETED = "admin.added", "admin.changed", "admin.deleted"
# A field named like this may hold a secret: its values stay out of the trail (a false
# alarm only loses the values, never the field name).
SECRET_NAME = re.compile(r"password|secret|key|token|hash|salt|otp", re.IGNORECASE)
# Fields known to hold no secret although their name says "key": a specialty rule's key is
# the category, ICD-10 range or keyword it applies to, which staff must see changed.
NOT_SECRET = {"reviewers.specialtyrule": frozenset({"key"})}
_SECRET_WIDGETS = (forms.PasswordInput, ReadOnlyPasswordHashWidget)
_TEXT_MAX = 200
# Where save_model leaves the form's values for log_addition/log_change to record.
_VALUES = "_openimr_admin_values"


def _secret(name: str, field: forms.Field) -> bool:
    return bool(SECRET_NAME.search(name)) or isinstance(field.widget, _SECRET_WIDGETS)


def _labels(field: forms.ModelChoiceField, value: Any) -> list[str]:
    """The objects a relation field names, as the form shows them (a group's name, a
    user's username), not their ids: the trail is read by people."""
    prepared = field.prepare_value(value)
    keys = prepared if isinstance(prepared, list | tuple) else [prepared]
    keys = [key for key in keys if key not in (None, "")]
    if not keys:
        return []
    lookup = f"{field.to_field_name or 'pk'}__in"
    found = field.queryset.filter(**{lookup: keys}) if field.queryset is not None else []
    return sorted(str(field.label_from_instance(obj)) for obj in found)


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value[:_TEXT_MAX] if isinstance(value, str) else value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    return str(value)[:_TEXT_MAX]


def _value(field: forms.Field, value: Any) -> Any:
    if isinstance(field, forms.ModelMultipleChoiceField):
        return _labels(field, value)
    if isinstance(field, forms.ModelChoiceField):
        found = _labels(field, value)
        return found[0] if found else None
    return _plain(value)


def form_values(form: forms.BaseForm) -> dict[str, Any]:
    """Each changed field's value before and after (``{"from": ..., "to": ...}``), or
    ``"(secret)"`` for a field that may hold one."""
    values: dict[str, Any] = {}
    model = getattr(getattr(form, "_meta", None), "model", None)
    known = NOT_SECRET.get(model._meta.label_lower if model else "", frozenset())
    for name in form.changed_data:
        field = form.fields[name]
        if name not in known and _secret(name, field):
            values[name] = "(secret)"
            continue
        before = _value(field, form.initial.get(name, field.initial))
        after = _value(field, form.cleaned_data.get(name))
        values[name] = {"from": before, "to": after}
    return values


def _message(message: Any) -> Any:
    """The admin's change message as plain JSON (a list of what changed, or a text)."""
    if isinstance(message, str):
        try:
            return json.loads(message) if message.startswith("[") else message
        except ValueError:
            return message
    return json.loads(json.dumps(message, default=str))


def _event(request: HttpRequest, obj: Model, action: str, **detail: Any) -> Any:
    return audit_event(
        actor=request.user,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        detail={"object": str(obj)[:_TEXT_MAX], **detail},
    )


class AuditedModelAdmin(admin.ModelAdmin[Any]):
    """Put before a ModelAdmin in the bases (`audited`): the admin's log methods also write
    the audit trail. Django calls them inside the transaction of the change (add, change,
    list edits, password change, delete); actions, which Django runs without one, get one
    here."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        setattr(obj, _VALUES, form_values(form))

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        entry = super().log_addition(request, obj, message)
        self._audit(request, obj, ADDED, message)
        return entry

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        entry = super().log_change(request, obj, message)
        self._audit(request, obj, CHANGED, message)
        return entry

    def log_deletions(self, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
        objects = list(queryset)  # a queryset keeps what it read: super() reads it again
        entries = super().log_deletions(request, queryset)
        audit_save([_event(request, obj, DELETED) for obj in objects])
        return entries

    def response_action(self, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
        # delete_selected logs, then deletes: one transaction, so both happen or neither.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().response_action(request, queryset)

    def _audit(self, request: HttpRequest, obj: Any, action: str, message: Any) -> None:
        detail: dict[str, Any] = {"changes": _message(message)}
        values = getattr(obj, _VALUES, None)
        if values:
            detail["values"] = values
        audit_save([_event(request, obj, action, **detail)])


_audited: dict[type, type] = {}


def audited(admin_class: type[admin.ModelAdmin[Any]]) -> type[admin.ModelAdmin[Any]]:
    """``admin_class`` with the audit trail's log methods in front of its own."""
    if issubclass(admin_class, AuditedModelAdmin):
        return admin_class
    if admin_class not in _audited:
        _audited[admin_class] = type(
            admin_class.__name__,
            (AuditedModelAdmin, admin_class),
            {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
        )
    return _audited[admin_class]


class AuditedAdminSite(admin.AdminSite):
    """The default admin site (openimr.audit.admin_app): whatever registers a model, with
    whatever ModelAdmin, gets that ModelAdmin audited."""

    def register(
        self,
        model_or_iterable: type[Model] | Iterable[type[Model]],
        admin_class: type[admin.ModelAdmin[Any]] | None = None,
        **options: Any,
    ) -> None:
        super().register(model_or_iterable, audited(admin_class or admin.ModelAdmin), **options)


__all__ = ["AuditedAdminSite", "AuditedModelAdmin", "audited", "form_values"]
