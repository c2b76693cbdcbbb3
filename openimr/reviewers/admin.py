"""Staff editing of the panel and the specialty table (Django admin, staff only)."""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from openimr.reviewers import models, selectors


class CertificationInline(admin.TabularInline):
    model = models.Certification
    extra = 0


class LicenseInline(admin.TabularInline):
    model = models.License
    extra = 0


class AffiliationInline(admin.TabularInline):
    model = models.Affiliation
    extra = 0
    readonly_fields = ("source",)


class LeaveInline(admin.TabularInline):
    model = models.Leave
    extra = 0
    readonly_fields = ("source",)


class SanctionInline(admin.TabularInline):
    model = models.Sanction
    extra = 0


class ReviewerForm(forms.ModelForm):
    class Meta:
        model = models.Reviewer
        # Every field, as the admin's own form had: the admin shows the form's fields.
        fields = "__all__"  # noqa: DJ007

    def clean_user(self) -> Any:
        """The account linked as the reviewer's login is one a reviewer may log in with, as
        the link's service checks (openimr.reviewers.domain.account). Checked when it is
        set or changed: a link made before this check does not block editing the rest."""
        user = self.cleaned_data.get("user")
        if user is not None and "user" in self.changed_data:
            refusal = selectors.account_refusal(user)
            if refusal is not None:
                raise forms.ValidationError(refusal[:1].upper() + refusal[1:] + ".")
        return user


@admin.register(models.Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    form = ReviewerForm
    list_display = (
        "reviewer_id",
        "name",
        "years_in_practice",
        "weekly_hours",
        "last_verified",
        "active",
    )
    search_fields = ("reviewer_id", "name", "affiliations__name")
    inlines = (CertificationInline, LicenseInline, AffiliationInline, LeaveInline, SanctionInline)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The id is the reviewer's key: the panel file and CSV store under it (a renamed
        # reviewer came back as a second, unconflicted record of the same physician at the
        # next import, LC 139.5(d)), and audit rows and each case's explanation of its
        # choice name reviewers by it. It is set once, when the reviewer is added.
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "reviewer_id") if obj is not None else fields


@admin.register(models.SpecialtyRule)
class SpecialtyRuleAdmin(admin.ModelAdmin):
    list_display = ("kind", "key", "specialties")
    list_filter = ("kind",)
