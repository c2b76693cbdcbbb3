"""Staff edit the specialty table in the admin (/admin/, specialty rules). Every match reads
the table with every rule, and the admin took a rule the table cannot read: a key that is
no treatment category or ICD-10-CM range, or specialties that are not a list of names. One
such rule stopped matching for every case (the table refused it, or ``5`` was no list), and
one name alone, ``"pain medicine"``, was read letter by letter, so no reviewer fit the
category (LC 139.5(c))."""

import pytest

from openimr.core.case import Category
from openimr.reviewers import selectors
from openimr.reviewers.models import SpecialtyRule

pytestmark = pytest.mark.django_db
ADD = "/admin/reviewers/specialtyrule/add/"


def _errors(answer) -> str:
    return str(answer.context["adminform"].form.errors)


@pytest.mark.parametrize(
    ("kind", "key", "specialties", "said"),
    [
        ("category", "physical therapy", '["pain medicine"]', "is not a treatment category"),
        ("icd10", "M54-", '["pain medicine"]', "is not an ICD-10-CM range"),
        ("keyword", "--", '["pain medicine"]', "has no words"),
        ("category", "surgery", "5", "must be a list of specialty names"),
        ("category", "surgery", '"pain medicine"', "must be a list of specialty names"),
        ("category", "surgery", '["pain medicine", 3]', "must be a list of specialty names"),
    ],
)
def test_a_rule_the_table_cannot_read_is_refused_and_matching_goes_on(
    admin_client, kind, key, specialties, said
):
    answer = admin_client.post(ADD, {"kind": kind, "key": key, "specialties": specialties})
    assert answer.status_code == 200
    assert said in _errors(answer)
    assert not SpecialtyRule.objects.exists()
    assert selectors.specialty_table().categories


def test_a_rule_the_table_reads_is_stored_and_applied(admin_client):
    answer = admin_client.post(
        ADD, {"kind": "category", "key": "acupuncture", "specialties": '["pain medicine"]'}
    )
    assert answer.status_code == 302
    assert selectors.specialty_table().categories[Category.ACUPUNCTURE] == {"pain medicine"}
    assert SpecialtyRule.objects.get().key == "acupuncture"
