"""A small simulated year through the real services: every case moves, no deadline wrong."""

import pytest

from openimr.cases import models
from openimr.cases.simulation import simulate
from openimr.letters.models import LetterService

pytestmark = pytest.mark.django_db


def test_a_small_year_runs_every_case_to_a_decision_with_no_deadline_wrong():
    report = simulate(applications=250, seed=7, progress=False)
    events = report["events"]
    assert events["screened_eligible"] + events["screened_ineligible"] == 250
    assert events["screened_ineligible"] > 0
    assert events["decide"] == events["screened_eligible"]
    assert report["deadlines_checked"] >= 3 * events["decide"]
    assert report["deadlines_wrong"] == 0, report["wrong_examples"]
    assert models.Case.objects.filter(state="qa").count() == events["decide"]
    assert 0.9 < report["decided_on_time_share"] <= 1


def test_the_same_seed_gives_the_same_year():
    first = simulate(applications=60, seed=3, progress=False)
    numbers = list(
        models.Case.objects.order_by("id").values_list("state", "priority", "next_due_name")
    )
    LetterService.objects.all().delete()  # the notices' service rows protect their cases
    models.Case.objects.all().delete()
    models.CaseNumberCounter.objects.all().delete()
    second = simulate(applications=60, seed=3, progress=False)
    assert first["events"] == second["events"]
    assert numbers == list(
        models.Case.objects.order_by("id").values_list("state", "priority", "next_due_name")
    )
