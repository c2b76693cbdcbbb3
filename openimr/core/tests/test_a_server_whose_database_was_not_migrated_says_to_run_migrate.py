"""The code upgraded and `python manage.py migrate` not run: each request that meets a table
or column the database lacks is answered 503 saying the operator must run migrate (the API
in its error shape). On SQLite it had been told as a database out of reach, "try again in
30 seconds", which never helps; on PostgreSQL it was "Server Error (500)", as for a bug.

The database is taken back to before the API's rate count table (`api.0003_rate_count`),
which every API request writes, as it is under an openimr older than that migration."""

import pytest
from django.test import Client

from tests.migrating import back_at

pytestmark = pytest.mark.django_db(transaction=True)
SAID = (
    "This server's version of openimr needs changes to its database that have not been made "
    "yet, so this request could not be answered. The operator must run "
    "`python manage.py migrate`."
)


@pytest.fixture(autouse=True)
def _counted(settings):
    settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 60


def test_the_api_on_an_older_database_says_to_migrate_in_its_error_shape():
    with back_at([("api", "0002_token_expiry")]):
        answer = Client(raise_request_exception=False).get("/api/v1/decisions")
    assert answer.status_code == 503
    assert "Retry-After" not in answer
    assert answer.json() == {"error": {"code": "unavailable", "message": SAID, "fields": []}}


def test_a_database_that_answers_is_not_taken_for_one_behind():
    answer = Client(raise_request_exception=False).get("/api/v1/decisions")
    assert answer.status_code == 200
