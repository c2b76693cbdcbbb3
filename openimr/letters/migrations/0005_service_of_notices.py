"""A service row names a letter or a notice, so notices are served as letters are (the
notices' old rows move here in 0006; on PostgreSQL a data migration cannot share a
transaction with the index this one creates)."""

from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0007_choices_read_as_the_pages_label_them"),
        ("letters", "0004_letter_service_deadlines_from_mailing"),
    ]

    operations = [
        migrations.AddField(
            model_name="letterservice",
            name="notice",
            field=models.ForeignKey(
                blank=True,
                help_text="the notice served; none for a letter",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="services",
                to="cases.notice",
            ),
        ),
        migrations.AddField(
            model_name="letterservice",
            name="postal_address",
            field=models.TextField(
                blank=True,
                default="",
                help_text="the postal address on file when served; none: staff must find one to mail it",
            ),
        ),
        migrations.AlterField(
            model_name="letterservice",
            name="pdf_sha256",
            field=models.CharField(blank=True, max_length=64),
        ),
    ]
