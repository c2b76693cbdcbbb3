"""A notice's service is a letters.LetterService row naming the notice (moved there by
letters 0006), so the cases' own NoticeService goes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_choices_read_as_the_pages_label_them"),
        ("letters", "0006_notice_services_moved"),
    ]

    operations = [
        migrations.DeleteModel(name="NoticeService"),
    ]
