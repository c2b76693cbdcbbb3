"""An application asks for review of a UR decision already made (LC 4610.5(h)(1); 8 CCR
9792.10.1(b)), so a signature dated before that decision is a wrong date, usually a year
typed wrong: the service, the web form, the batch import and the offline eligibility check
refuse it at ``$.signature.date``, naming the decision's date, and store nothing. Signed
the day of the decision is possible; a decision dated after the day of receipt is the date
named, not the signature. A UR decision before the injury names the injury's date too, so
the clerk can see which of the two is wrong."""

import copy
import json
from datetime import UTC, datetime

import pytest

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.tests.test_intake_pages import form_data
from openimr.cli import main
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
# The application fixture's injury is 2023-06-14, its UR decision 2024-03-01.
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _signed(doc, day):
    doc = copy.deepcopy(doc)
    doc["signature"]["date"] = day
    return doc


def _problems(doc):
    with pytest.raises(InvalidInput) as caught:
        services.application_submit(
            form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
        )
    assert models.Case.objects.count() == 0
    return {p.path: p.message for p in caught.value.problems}


def test_a_signature_before_the_ur_decision_is_refused_naming_the_decisions_date(
    application_doc,
):
    problems = _problems(_signed(application_doc, "2023-03-18"))
    assert problems == {
        "$.signature.date": "is before the UR decision it asks to review (2024-03-01)"
    }


def test_a_ur_decision_dated_after_receipt_is_the_date_named_not_the_signature(
    application_doc,
):
    doc = copy.deepcopy(application_doc)
    doc["ur_decision"]["date"] = "2024-03-21"  # signed 2024-03-18, received 2024-03-20
    assert list(_problems(doc)) == ["$.ur_decision.date"]


def test_a_signature_on_the_day_of_the_ur_decision_is_accepted(application_doc):
    submitted = services.application_submit(
        form=parse_application(_signed(application_doc, "2024-03-01")),
        via="api",
        actor="clerk",
        client="t",
        at=RECEIVED,
    )
    assert submitted.application.signature_date.isoformat() == "2024-03-01"


def test_a_ur_decision_before_the_injury_names_the_injurys_date(application_doc):
    doc = copy.deepcopy(application_doc)
    doc["date_of_injury"] = "2024-03-10"
    problems = _problems(doc)
    assert problems["$.ur_decision.date"] == (
        "the UR decision cannot precede the date of injury (2024-03-10)"
    )


@pytest.mark.usefixtures("intake_day")
def test_the_web_form_shows_the_problem_beside_the_signature_date(client, staff_client):
    response = client.post("/cases/new/", form_data(signature_date="2023-03-18"))
    assert response.status_code == 422
    body = response.content.decode()
    assert 'data-field="signature_date"' in body
    assert "is before the UR decision it asks to review (2024-03-01)" in body
    assert models.Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_batch_line_signed_before_its_decision_imports_nothing(tmp_path, application_doc, capsys):
    path = tmp_path / "batch.jsonl"
    lines = [application_doc, _signed(application_doc, "2023-03-18")]
    path.write_text("".join(json.dumps(doc) + "\n" for doc in lines), encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 2
    assert "line 2: $.signature.date: is before the UR decision" in capsys.readouterr().err
    assert models.Case.objects.count() == 0


def test_the_offline_eligibility_check_refuses_it_with_exit_2(tmp_path, application_doc, capsys):
    path = tmp_path / "application.json"
    path.write_text(json.dumps(_signed(application_doc, "2023-03-18")), encoding="utf-8")
    assert main(["eligibility", "check", str(path), "--today", "2024-03-20"]) == 2
    assert "$.signature.date: is before the UR decision it asks to review" in (
        capsys.readouterr().err
    )
