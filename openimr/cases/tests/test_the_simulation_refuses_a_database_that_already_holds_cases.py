"""`openimr simulate --database-url` writes a synthetic year into the database it is given: one
that already holds cases (the application's own, by a slip of the URL) is refused before any
synthetic case is written, so that made-up cases never mix with real ones."""

import pytest

from openimr.cases import models
from openimr.cases.simulation import simulate
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def test_a_database_with_cases_is_refused_and_nothing_is_written():
    simulate(applications=3, seed=5, progress=False)
    before = models.Case.objects.count()
    with pytest.raises(InvalidInput) as refused:
        simulate(applications=3, seed=6, progress=False)
    problem = refused.value.problems[0]
    assert problem.path == "--database-url"
    assert f"already holds {before} case" in problem.message
    assert models.Case.objects.count() == before
