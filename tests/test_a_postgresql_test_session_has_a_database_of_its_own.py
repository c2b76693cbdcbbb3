"""Two test sessions on one PostgreSQL server (CI's `make test-postgres` and a developer's
run of the race tests, both on the Makefile's server) shared the test database
``test_openimr``: the second dropped and remade it between two transactional tests of the
first and flushed it under them, and the first failed on rows that vanished (4 of the 11
withdrawal race tests one morning). Each session now has a database named for its process
(the root conftest's ``django_db_modify_db_settings``)."""

import os

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_test_database_is_this_sessions_own():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is in memory, one a process")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        (name,) = cursor.fetchone()
    assert name.startswith("test_") and name.endswith(f"_{os.getpid()}"), name
