"""An e-mail delivered to the local outbox (no mail server) says so: "delivered to outbox",
not "sent". Rows written before stay "sent"; their mail may have gone either way."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("letters", "0006_notice_services_moved"),
    ]

    operations = [
        migrations.AddField(
            model_name="letterservice",
            name="delivered_to",
            field=models.CharField(
                blank=True,
                default="",
                help_text="with no mail server: outbox/<file> (the local outbox) or console; "
                "empty: handed to the mail server",
                max_length=100,
            ),
        ),
        migrations.AlterField(
            model_name="letterservice",
            name="sent_at",
            field=models.DateTimeField(
                blank=True,
                help_text="e-mail handed to the server, or to the local outbox",
                null=True,
            ),
        ),
    ]
