"""A service row names a letter or a notice, so notices are served as letters are: the
notices' own service rows (cases.NoticeService, which recorded a method but sent nothing)
move here; an "electronic" one becomes an e-mail never sent, as it was."""

from django.db import migrations

ROLES = {
    "claims administrator": "claims_administrator",
    "requesting physician": "requesting_physician",
    "employee's attorney": "attorney",
}
EMAILS = {
    "employee": "employee_email",
    "attorney": "attorney_email",
    "claims_administrator": "claims_administrator_email",
    "requesting_physician": "requesting_physician_email",
}


def _copy_notice_services(apps, schema_editor):
    NoticeService = apps.get_model("cases", "NoticeService")
    LetterService = apps.get_model("letters", "LetterService")
    Application = apps.get_model("cases", "Application")
    applications = {a.case_id: a for a in Application.objects.all()}
    rows = []
    for old in NoticeService.objects.select_related("notice").order_by("pk"):
        role = ROLES.get(old.party_role, old.party_role)
        app = applications.get(old.notice.case_id)
        email = getattr(app, EMAILS.get(role, ""), "") if app and old.method == "electronic" else ""
        postal = app.employee_address if app and role == "employee" else ""
        rows.append(
            LetterService(
                case_id=old.notice.case_id,
                notice_id=old.notice_id,
                pdf_sha256="",
                party_role=role,
                party_name=old.party_name,
                method="email" if old.method == "electronic" else "mail",
                address=email,
                postal_address=postal,
                served_on=old.served_on,
                error="" if email or old.method != "electronic" else "no e-mail address on file",
            )
        )
    LetterService.objects.bulk_create(rows, batch_size=500)


def _drop_notice_services(apps, schema_editor):
    # Downgrading: the notices' rows would read as letters' once the column goes.
    apps.get_model("letters", "LetterService").objects.exclude(notice=None).delete()


def _employee_addresses(apps, schema_editor):
    LetterService = apps.get_model("letters", "LetterService")
    Application = apps.get_model("cases", "Application")
    for app in Application.objects.exclude(employee_address=""):
        LetterService.objects.filter(case_id=app.case_id, party_role="employee").update(
            postal_address=app.employee_address
        )


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0007_choices_read_as_the_pages_label_them"),
        ("letters", "0005_service_of_notices"),
    ]

    operations = [
        migrations.RunPython(_employee_addresses, migrations.RunPython.noop),
        migrations.RunPython(_copy_notice_services, _drop_notice_services),
    ]
