"""The simulation's on-time shares (`decided_on_time_share`, `noarfi_on_time_share`) round a
half up to four places, with the one function the timeliness report, the analytics and the
precedent panel use: 1 of 32 decided on time reads 0.0313, as the timeliness report prints
it. Before, ``round()`` on the binary float read it 0.0312 (a half to even)."""

from datetime import timedelta

import pytest

from openimr.cases import models
from openimr.cases.simulation import simulate
from openimr.cases.simulation_check import check_deadlines
from openimr.programs.loader import load_program

pytestmark = pytest.mark.django_db


def test_one_of_32_decided_on_time_reads_0_0313():
    simulate(applications=80, seed=7, progress=False)
    decided = list(models.Case.objects.exclude(decided_at=None).order_by("id"))
    assert len(decided) >= 32
    models.Case.objects.filter(pk__in=[c.pk for c in decided[32:]]).update(decided_at=None)
    on_time, late = decided[0], decided[1:32]
    on_time.decided_at = on_time.records_complete_at  # decided as its records came
    on_time.save(update_fields=["decided_at"])
    for case in late:  # decided 60 days after its records came: past every deadline
        case.decided_at = case.records_complete_at + timedelta(days=60)
        case.save(update_fields=["decided_at"])
    report = check_deadlines(load_program())
    assert report["decided"] == 32
    assert report["decided_on_time_share"] == 0.0313
