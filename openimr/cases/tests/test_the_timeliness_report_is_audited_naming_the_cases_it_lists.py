"""The timeliness report names the case of each missed deadline, on the staff page and in
`openimr clocks timeliness` (table and JSON): each showing is one ``list.viewed`` event
naming those cases, as every staff list of cases is, and a refusal of the page is
``list.viewed.refused``. The CSV counts months and names no case, and writes none. HIPAA
45 CFR 164.312(b) (audit controls)."""

from datetime import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db
TODAY = datetime(2026, 6, 1, 9, 0, tzinfo=CALIFORNIA)
SPAN = ["--from", "2026-03", "--to", "2026-04"]


def _listed():
    return list(AuditEvent.objects.filter(action="list.viewed").order_by("id"))


def test_the_page_is_audited_with_the_cases_it_names(client, staff_client, late_case):
    with time_machine.travel(TODAY, tick=False):
        page = client.get("/cases/timeliness/?from=2026-03&to=2026-04")
    assert page.status_code == 200 and late_case.case_number in page.content.decode()
    [event] = _listed()
    assert (event.object_id, event.actor_id) == ("cases:timeliness", staff_client.pk)
    assert event.detail == {"from": "2026-03", "to": "2026-04", "cases": [late_case.case_number]}


def test_the_csv_names_no_case_and_writes_no_event(client, staff_client, late_case):
    with time_machine.travel(TODAY, tick=False):
        csv = client.get("/cases/timeliness/?from=2026-03&to=2026-04&format=csv")
    assert csv.status_code == 200 and late_case.case_number not in csv.content.decode()
    assert _listed() == []


def test_a_reviewer_is_refused_and_the_refusal_audited(late_case):
    reviewer = Client()
    reviewer.force_login(User.objects.create_user("rev", password="a-long-test-password"))
    assert reviewer.get("/cases/timeliness/").status_code == 404
    refused = AuditEvent.objects.get(action="list.viewed.refused")
    assert refused.object_id == "cases:timeliness"


@pytest.mark.parametrize(("shape", "flag"), [("json", "--json"), ("table", None)])
def test_the_command_is_audited_with_the_cases_it_prints(shape, flag, late_case, capsys):
    with time_machine.travel(TODAY, tick=False):
        assert main(["clocks", "timeliness", *SPAN, *([flag] if flag else [])]) == 0
    assert late_case.case_number in capsys.readouterr().out
    [event] = _listed()
    assert (event.object_id, event.actor_label) == ("clocks timeliness", "cli")
    assert event.detail["cases"] == [late_case.case_number]
    assert (event.detail["from"], event.detail["to"], event.detail["as"]) == (
        "2026-03",
        "2026-04",
        shape,
    )
    assert event.detail["os_user"]


def test_the_commands_csv_writes_no_event(late_case, capsys):
    with time_machine.travel(TODAY, tick=False):
        assert main(["clocks", "timeliness", *SPAN, "--csv"]) == 0
    assert _listed() == []


def test_a_cases_own_trail_shows_the_report_without_the_other_cases(late_case):
    from openimr.audit.domain.one_case_trail import one_case_detail

    detail = {"from": "2026-03", "to": "2026-04", "as": "json", "os_user": "ops"}
    detail["cases"] = [late_case.case_number, "CM26-0000999"]
    shown = one_case_detail(detail, late_case.case_number, "clocks timeliness")
    assert shown["cases"] == [late_case.case_number]
    assert shown["shown"] == (
        "in the timeliness report's missed deadlines (command line) with 1 other case"
    )
    assert (shown["from"], shown["to"], shown["withheld"]) == (
        "2026-03",
        "2026-04",
        ["cases", "os_user"],
    )
