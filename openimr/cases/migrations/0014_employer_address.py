from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0013_document_kinds_in_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="employer_address",
            field=models.TextField(blank=True, default=""),
        ),
    ]
