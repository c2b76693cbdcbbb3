"""The API's rate limit and the status page's wrong tries were counted in each server
process's memory: under gunicorn's several workers a client made the limit to each of them,
N times the limit in all. They are counted in the database now, one count for every process.
Each request below is answered as by another process: one that holds nothing in memory (its
cache emptied)."""

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache

from openimr.api import services
from openimr.api.models import RateCount
from openimr.api.services import rate_count, token_create
from openimr.cases.status_views import TRIES_PER_MINUTE
from openimr.cases.tests.conftest import filed

pytestmark = pytest.mark.django_db
PRIVATE = "/api/v1/applications/CM24-0000001"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.OPENIMR_API_RATE_PER_MINUTE = 3
    settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 2
    with time_machine.travel("2024-03-20 17:00:43Z", tick=False) as traveller:
        yield traveller
    cache.clear()


def _in_another_process(call):
    cache.clear()
    return call()


def test_a_token_is_held_to_its_limit_whichever_process_answers(client):
    User.objects.create_user("portal-user", is_staff=True)
    token = token_create(name="portal", username="portal-user")
    headers = {"Authorization": f"Bearer {token}"}
    answers = [
        _in_another_process(lambda: client.get(PRIVATE, headers=headers).status_code)
        for _ in range(4)
    ]
    assert answers == [404, 404, 404, 429]


def test_an_address_is_held_to_the_anonymous_limit_whichever_process_answers(client):
    answers = [
        _in_another_process(lambda: client.get("/api/v1/decisions").status_code) for _ in range(3)
    ]
    assert answers == [200, 200, 429]


def test_wrong_tries_on_the_status_page_add_up_across_processes(client, application_doc):
    number = filed(application_doc).case_number
    body = {"case_number": number, "claim_number": "GUESS", "date_of_injury": "2023-06-14"}
    for _ in range(TRIES_PER_MINUTE):
        assert _in_another_process(lambda: client.post("/status/", body).status_code) == 200
    assert _in_another_process(lambda: client.post("/status/", body).status_code) == 429


def test_counts_of_minutes_past_are_swept_and_the_count_starts_again(monkeypatch):
    monkeypatch.setattr(services, "_swept", [0])  # a process that has swept nothing yet
    minute = 28_515_900  # 2024-03-20 17:00 UTC
    assert [rate_count(client="ip:10.0.0.1", minute=minute - 5) for _ in range(2)] == [1, 2]
    assert rate_count(client="ip:10.0.0.1", minute=minute) == 1
    assert rate_count(client="ip:10.0.0.1", minute=minute + 1) == 1
    assert sorted(RateCount.objects.values_list("minute", flat=True)) == [minute, minute + 1]
