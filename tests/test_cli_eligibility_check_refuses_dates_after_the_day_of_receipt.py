"""`openimr eligibility check --today DAY` refuses an application dated after DAY, its day of
receipt, as the API and the web form refuse it: a UR decision or a signature later than the
application's receipt cannot be right. It had been screened (exit 0) as if it could be."""

from conftest import APPLICATION_FILE
from openimr.cli import main


def test_a_ur_decision_and_signature_after_the_day_of_receipt_are_named(capsys):
    # The example's UR decision is dated 2024-03-01 and its signature 2024-03-18.
    assert main(["eligibility", "check", str(APPLICATION_FILE), "--today", "2024-02-01"]) == 2
    err = capsys.readouterr().err
    assert "$.ur_decision.date: is after the day the application was received (2024-02-01)" in err
    assert "$.signature.date: is after the day the application was received (2024-02-01)" in err


def test_an_application_received_after_its_dates_is_screened(capsys):
    assert main(["eligibility", "check", str(APPLICATION_FILE), "--today", "2024-03-18"]) == 0
    assert capsys.readouterr().out.startswith("ineligible; last day to apply 2024-04-05")
