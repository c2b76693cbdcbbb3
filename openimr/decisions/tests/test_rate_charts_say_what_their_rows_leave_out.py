"""The overturn-rate charts say what their rows do not hold: the specialty chart draws the 15
specialties with the most decided items and had not said so, nor how many others there
were (its table and CSV now hold every one); the guideline family chart had not
said how many decided items cite no family. A letter that prints no decision date is
still named once, in the singular."""

import datetime as dt

import pytest
from django.core.cache import cache

from openimr.decisions.models import Decision, DecisionItem
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_report() -> None:
    cache.clear()


def chart(client, name: str) -> str:
    body = client.get("/decisions/analytics/").content.decode()
    return body.split(f'id="chart-{name}"')[1].split("</section>")[0]


def test_the_specialty_chart_says_how_many_specialties_it_does_not_show(client):
    for n in range(17):
        make_decision(specialties=(f"Specialty {n:02d}",), items=[item()] * (20 - n))
    shown = chart(client, "specialty")
    assert shown.count("<tr><td>Specialty") == 17  # the table holds them all
    assert (
        "The chart draws the 15 specialties with the most decided items; "
        "2 others (9 decided items) are in the table and the CSV only." in shown
    )


def test_the_specialty_chart_of_a_few_specialties_has_no_such_note(client):
    make_decision(specialties=("Pain Medicine",))
    assert "not counted" not in chart(client, "specialty")
    assert "are shown" not in chart(client, "specialty")


def test_the_family_chart_says_how_many_items_cite_no_family(client):
    make_decision(items=[item(), item(), item()])
    DecisionItem.objects.filter(position__gt=0).update(cites_mtus=False)
    assert "2 decided items cite no guideline family and are not counted here." in chart(
        client, "family"
    )
    assert "not counted" not in chart(client, "category")


def test_one_undated_letter_is_named_in_the_singular(client):
    make_decision(decided=dt.date(2016, 1, 25))
    undated = make_decision()
    Decision.objects.filter(pk=undated.pk).update(decision_date=None, year=None)
    assert "1 letter prints no decision date and is not counted here." in chart(client, "letters")
