"""`make run`'s work queue shows a clock running: the demo files one application through
intake on the day it loads (the other cases are imported with their old clocks dropped, so
every "Next deadline" had read "—"). A second load files nothing more."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from openimr.cases.models import Application, Case
from openimr.demo.intake import CLIENT
from openimr.demo.services import demo_load
from openimr.demo.tests.conftest import demo_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_application_filed_today_is_eligible_and_its_notice_is_due(demo):
    (application,) = Application.objects.filter(client=CLIENT)
    assert application.case.state == "eligible"
    client, _ = demo_login("staff")
    queue = client.get("/cases/queue/").content.decode()
    (row,) = [r for r in queue.split("<tr") if application.case.case_number in r]
    assert "Rosa Delgado Marín" in row
    assert re.search(r"\d\d/\d\d/\d{4}", row), "the row shows no due date"


def test_loading_the_demo_again_files_the_application_once(demo):
    cases = Case.objects.count()
    demo_load()
    assert Application.objects.filter(client=CLIENT).count() == 1
    assert Case.objects.count() == cases


def test_loading_the_demo_on_a_later_day_files_the_application_once(demo):
    # That day's load builds the application with that day's dates: it is found, not filed.
    cases = Case.objects.count()
    with time_machine.travel(datetime.now(UTC) + timedelta(days=3)):
        demo_load()
    assert Application.objects.filter(client=CLIENT).count() == 1
    assert Case.objects.count() == cases
