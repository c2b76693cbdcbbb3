from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_information_request"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="attorney_address",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="application",
            name="claims_administrator_address",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="application",
            name="requesting_physician_address",
            field=models.TextField(blank=True, default=""),
        ),
    ]
