"""Criteria checklists: the request names the checklist; working it shows each criterion and
outlines an empty rationale. Nothing is stored: the reviewer decides."""

import pytest

from openimr.cases.models import DisputedItem
from openimr.core.case import Category
from openimr.review.checklists import checklist_for, fact_fields
from openimr.review.tests.conftest import CASE, login

URL = f"/review/{CASE}/"


@pytest.mark.parametrize(
    ("treatment", "category", "expected"),
    [
        (
            "Physical therapy, lumbar spine, 2 times a week for 6 weeks",
            Category.REHABILITATION,
            "physical_therapy",
        ),
        ("MRI of the lumbar spine without contrast", Category.DIAGNOSTICS, "lumbar_mri"),
        ("Lumbar spine MRI", Category.DIAGNOSTICS, "lumbar_mri"),
        ("Norco 10/325 mg #90", Category.PHARMACEUTICALS, "opioid_monitoring"),
        ("Acupuncture x 6 sessions", Category.ACUPUNCTURE, "acupuncture"),
        ("Needling, 8 sessions", Category.ACUPUNCTURE, "acupuncture"),
        ("Optimum Home Rehab Kit Lumbar Spine", Category.DMEPOS, "home_exercise_equipment"),
        ("Home exercise kit for the knee", Category.DMEPOS, "home_exercise_equipment"),
        ("MRI of the right knee", Category.DIAGNOSTICS, None),
        ("Orthopedic cervical pillow", Category.DMEPOS, None),
    ],
)
def test_the_request_names_its_checklist(treatment, category, expected):
    assert checklist_for(treatment, category) == expected


def test_a_checklist_asks_for_the_facts_of_its_dataclass():
    assert fact_fields("physical_therapy") == [
        ("visits_requested", "count", ()),
        ("visits_completed", "count", ()),
        ("condition", "choice", ("myalgia", "neuralgia", "postsurgical")),
        ("functional_improvement_documented", "yes_no", ()),
        ("postsurgical_visits_allowed", "optional_count", ()),
    ]


@pytest.mark.django_db
def test_working_the_checklist_outlines_an_empty_rationale_and_stores_nothing(
    client, cast, under_review
):
    login(client, cast.reviewer)
    response = client.post(
        URL,
        {
            "action": "checklist",
            "item": "0",
            "facts-0-visits_requested": "12",
            "facts-0-visits_completed": "12",
            "facts-0-condition": "neuralgia",
            "facts-0-functional_improvement_documented": "no",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "not met: visits within the 10 allowed over 4 weeks for neuralgia" in body
    assert "The request does not meet the physical therapy criteria" in body
    assert DisputedItem.objects.get(case__case_number=CASE, position=0).rationale is None


@pytest.mark.django_db
def test_the_outline_never_replaces_what_the_reviewer_wrote(client, cast, under_review):
    login(client, cast.reviewer)
    response = client.post(
        URL,
        {
            "action": "checklist",
            "item": "0",
            "item-0-rationale": "My own words.",
            "facts-0-visits_requested": "6",
            "facts-0-visits_completed": "0",
            "facts-0-condition": "myalgia",
        },
    )
    form = response.context["items"][0]["form"]
    assert form.data["item-0-rationale"] == "My own words."


@pytest.mark.django_db
def test_a_checklist_without_its_facts_is_refused(client, cast, under_review):
    login(client, cast.reviewer)
    response = client.post(
        URL, {"action": "checklist", "item": "0", "facts-0-visits_requested": "-1"}
    )
    assert response.status_code == 422
    assert "give every fact the checklist needs" in response.content.decode()


@pytest.mark.django_db
def test_a_refused_checklist_keeps_what_was_written_in_the_item_and_says_so_above(
    client, cast, under_review
):
    """The checklist shares the item's form: refused for a missing fact, the page came back
    with the item as stored, the rationale being written gone, and no announcement."""
    login(client, cast.reviewer)
    data = {"action": "checklist", "item": "0", "facts-0-visits_requested": "-1"}
    data |= {"item-0-decision": "upheld", "item-0-rationale": "My own words, an hour's worth."}
    response = client.post(URL, data)
    assert response.status_code == 422
    assert response.context["items"][0]["form"]["rationale"].value() == data["item-0-rationale"]
    assert response.context["items"][0]["form"]["decision"].value() == "upheld"
    assert response.context["errors"] == [
        "Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks): give every fact "
        "the checklist needs"
    ]


@pytest.mark.django_db
def test_an_item_no_checklist_fits_is_refused(client, cast, under_review):
    login(client, cast.reviewer)
    response = client.post(URL, {"action": "checklist", "item": "2"})
    assert response.status_code == 422
    assert "no checklist fits this item" in response.content.decode()
