"""The admin app with openimr's audited site as its default site (`admin.site`): every
model registered with the admin, openimr's and the installed libraries' alike, is served
by a ModelAdmin that writes the audit trail (openimr.audit.admin_log). Named in
INSTALLED_APPS in place of ``django.contrib.admin``, as Django's docs advise for
overriding the default admin site. Not a post_save receiver on the admin's LogEntry:
deleting several objects at once writes their entries with bulk_create, which sends no
signal, and a receiver cannot see the form's values.

Kept apart from admin_log: an app config is imported before the models are ready, and
admin_log needs them."""

from django.contrib.admin.apps import AdminConfig


class AuditedAdminConfig(AdminConfig):
    default_site = "openimr.audit.admin_log.AuditedAdminSite"
