from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0014_employer_address"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="contacts",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
