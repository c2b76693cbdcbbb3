"""The account's sessions (SESSION_ENGINE openimr.accounts.session_store) and the lock on
its second factor. The sessions open at the upgrade are copied over with their user, so
nobody is signed out by it."""

from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations, models
from django.utils import timezone


def copy_open_sessions(apps: Any, schema_editor: Any) -> None:
    old = apps.get_model("sessions", "Session")
    new = apps.get_model("accounts", "AccountSession")
    decoder = SessionStore()  # the store that wrote them (its class name salts the data)
    rows = [
        new(
            session_key=row.session_key,
            session_data=row.session_data,
            expire_date=row.expire_date,
            user_id=decoder.decode(row.session_data).get(SESSION_KEY),
        )
        for row in old.objects.filter(expire_date__gt=timezone.now()).iterator()
    ]
    new.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("sessions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SecondFactorLock",
            fields=[
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("wrong_codes", models.PositiveIntegerField(default=0)),
                ("locked_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "verbose_name": "second-factor lock",
            },
        ),
        migrations.CreateModel(
            name="AccountSession",
            fields=[
                (
                    "session_key",
                    models.CharField(
                        max_length=40, primary_key=True, serialize=False, verbose_name="session key"
                    ),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
            },
        ),
        migrations.RunPython(copy_open_sessions, migrations.RunPython.noop),
    ]
