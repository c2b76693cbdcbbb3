"""Staff editing of the panel and the specialty table (Django admin, staff only)."""

from django.contrib import admin

from openimr.reviewers import models


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


@admin.register(models.Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
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


@admin.register(models.SpecialtyRule)
class SpecialtyRuleAdmin(admin.ModelAdmin):
    list_display = ("kind", "key", "specialties")
    list_filter = ("kind",)
