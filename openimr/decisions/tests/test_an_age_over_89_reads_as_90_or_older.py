"""A letter whose employee was over 89 is published with the age 90, the one category
45 CFR 164.514(b)(2)(i)(C) leaves of those ages: its page says "90 years or older", not
"90 years", which told a reader of a 97-year-old's letter a wrong age."""

import pytest
from django.core.cache import cache

from openimr.decisions.domain.identifiers import age_text
from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import make_decision
from tests.a11y_html import parse, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("age", "shown"),
    [(45, "45 years"), (89, "89 years"), (90, "90 years or older"), (None, "")],
)
def test_an_age_as_the_public_reads_it(age, shown):
    assert age_text(age) == shown


def test_the_letters_page_says_90_or_older(client):
    cache.clear()
    letter = make_decision(case_number="CM16-0000001")
    Decision.objects.filter(pk=letter.pk).update(employee_age=90, employee_sex="female")
    page = parse(client.get("/decisions/CM16-0000001/").content.decode())
    terms = [text(t) for t in page.all("dt")]
    employee = text(page.all("dd")[terms.index("Employee")])
    assert employee == "90 years or older, female"
