"""A Request for Authorization asks for treatment of the injury, and utilization review
decides it: its date cannot precede the date of injury, follow the UR decision or the day
the application was received, or not be a date at all. Each bad date is named at its own
item, every one at once, by the service, the web form and the batch import alike, and
nothing is stored. The day of the injury and the day of the UR decision are possible."""

import copy
import json
from datetime import UTC, date, datetime

import pytest

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.tests.test_intake_pages import form_data
from openimr.cli import main
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
# The application fixture's injury is 2023-06-14 and its UR decision 2024-03-01.
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _submit(doc):
    return services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    )


def _problems(doc):
    with pytest.raises(InvalidInput) as caught:
        _submit(doc)
    assert models.Case.objects.count() == 0
    return {p.path: p.message for p in caught.value.problems}


def _dated(doc, *days):
    doc = copy.deepcopy(doc)
    for treatment, day in zip(doc["treatments"], days, strict=False):
        treatment["rfa_date"] = day
    return doc


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2023-06-13", "cannot precede the date of injury (2023-06-14)"),
        ("2024-03-02", "cannot follow the UR decision on it (2024-03-01)"),
        ("2024-02-30", "valid date"),
        ("soon", "valid date"),
    ],
)
def test_a_bad_date_is_refused_at_its_item(application_doc, day, words):
    problems = _problems(_dated(application_doc, None, day))
    assert list(problems) == ["$.treatments[1].rfa_date"]
    assert words in problems["$.treatments[1].rfa_date"]


def test_every_bad_date_is_reported_at_once(application_doc):
    doc = _dated(application_doc, "2020-01-01", "2024-03-10")
    doc["signature"]["date"] = "2024-03-21"
    problems = _problems(doc)
    assert {"$.treatments[0].rfa_date", "$.treatments[1].rfa_date"} <= set(problems)


def test_a_date_after_receipt_is_refused_even_when_the_ur_decision_is_too(application_doc):
    doc = _dated(application_doc, "2024-03-22")
    doc["ur_decision"]["date"] = "2024-03-25"
    problems = _problems(doc)
    assert "after the day the application was received" in problems["$.treatments[0].rfa_date"]
    assert "$.ur_decision.date" in problems


def test_the_day_of_injury_and_the_day_of_the_ur_decision_are_accepted(application_doc):
    submitted = _submit(_dated(application_doc, "2023-06-14", "2024-03-01"))
    kept = [t.rfa_date for t in submitted.application.treatments.all()]
    assert kept == [date(2023, 6, 14), date(2024, 3, 1)]


@pytest.mark.usefixtures("intake_day")
def test_the_web_form_shows_the_problem_beside_the_items_date(client, staff_client):
    response = client.post("/cases/new/", form_data(rfa_date_0="2024-03-05"))
    assert response.status_code == 422
    body = response.content.decode()
    assert 'data-field="rfa_date_0"' in body
    assert "cannot follow the UR decision" in body
    assert models.Case.objects.count() == 0


@pytest.mark.usefixtures("intake_day")
def test_the_web_form_keeps_a_good_date(client, staff_client):
    client.post("/cases/new/", form_data(rfa_date_0="2024-02-26"), follow=True)
    assert models.Case.objects.get().items.get().rfa_date == date(2024, 2, 26)


@pytest.mark.django_db(transaction=True)
def test_a_batch_line_with_a_bad_date_imports_nothing_and_names_line_and_item(
    tmp_path, application_doc, capsys
):
    good = json.dumps(_dated(application_doc, "2024-02-20"))
    bad = json.dumps(_dated(application_doc, "2024-02-20", "2023-01-01"))
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 2
    assert "line 2: $.treatments[1].rfa_date" in capsys.readouterr().err
    assert models.Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_batch_line_with_good_dates_keeps_them(tmp_path, application_doc):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(_dated(application_doc, None, "2024-02-28")) + "\n")
    assert main(["applications", "import", str(path)]) == 0
    assert [i.rfa_date for i in models.Case.objects.get().items.all()] == [None, date(2024, 2, 28)]
