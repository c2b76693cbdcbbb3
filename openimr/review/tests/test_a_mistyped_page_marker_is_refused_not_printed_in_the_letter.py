"""A page marker the workspace cannot read (``[[7p2]]``, ``[[7 page 2]]``, ``[[7 p2]``) is
not taken out of the text: it would print in the letter as typed. It is refused at its field,
naming it and the form a marker takes, and nothing is saved. The reason for leaving the MTUS
prints as written, so a marker there is refused too."""

import pytest

from openimr.cases.models import Case
from openimr.review.models import Determination
from openimr.review.sources import stray_markers
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        ("Pain is 7/10. [[7p2]]", ["[[7p2]]"]),
        ("Pain is 7/10. [[7 page 2]] Exam normal.", ["[[7 page 2]]"]),
        ("Pain is 7/10 [[7 p2]. Exam normal.", ["[[7 p2]"]),
        ("Pain is 7/10. [[7 p12345]]", ["[[7 p12345]]"]),
        ("Pain is 7/10. 7 p2]]", ["]]"]),
        ("Pain is 7/10. [[7 p2]] Exam normal. [[7 p.1]]", []),
        ("No marker at all [with brackets].", []),
    ],
)
def test_a_marker_the_workspace_cannot_read_is_found(text, stray):
    assert stray_markers(text) == stray


def test_a_summary_with_a_mistyped_marker_is_refused_and_nothing_is_saved(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    response = client.post(
        URL, {"action": "summary", "summary": "The MRI showed a protrusion at L4-5. [[7p2]]"}
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "[[7p2]] is not a page marker" in body and "[[7 p2]]" in body
    assert "Clinical case summary: [[7p2]] is not a page marker" in body
    assert "$.clinical_summary" not in body  # a JSON path is the API's, not the reviewer's
    assert Case.objects.get(case_number=CASE).clinical_summary is None
    assert not Determination.objects.filter(case__case_number=CASE).exists()


def _item(client, **fields):
    data = {
        "action": "item",
        "item": "0",
        "item-0-decision": "upheld",
        "item-0-free_citation": "MTUS Chronic Pain Medical Treatment Guidelines",
        "item-0-free_is_mtus": "on",
        "item-0-rationale": "Lumbar strain; the progress note [[7 p2]] shows no deficit.",
    }
    data.update(fields)
    return client.post(URL, data)


def test_a_rationale_with_a_mistyped_marker_is_refused_at_the_item(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    response = _item(client, **{"item-0-rationale": "Lumbar strain, see [[7 page 2]]."})
    body = response.content.decode()
    assert response.status_code == 422
    assert (
        "Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks), Decision rationale: [[7 page 2]] is not a page marker"
        in body
    )
    assert "$.items" not in body
    assert Case.objects.get(case_number=CASE).items.get(position=0).decision is None


def test_a_marker_in_the_reason_for_leaving_the_mtus_is_refused(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    response = _item(
        client,
        **{
            "item-0-free_citation": "ODG Low Back, Physical therapy",
            "item-0-free_is_mtus": "",
            "item-0-why_not_mtus": "The MTUS does not address this condition [[7 p2]].",
        },
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert (
        "Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks), Why the MTUS does not apply: page markers are not read"
        in body
    )
    assert "$.items" not in body
    assert Case.objects.get(case_number=CASE).items.get(position=0).decision is None


def test_a_well_formed_marker_still_saves(client, cast, under_review, records_layer):
    login(client, cast.reviewer)
    assert _item(client).status_code == 302
    saved = Case.objects.get(case_number=CASE).items.get(position=0)
    assert saved.rationale == "Lumbar strain; the progress note shows no deficit."


def test_an_amended_letter_with_a_mistyped_marker_is_refused_and_nothing_is_issued(
    client, cast, issued
):
    from openimr.letters.models import AmendedLetter
    from openimr.review.tests.conftest import amend_post

    login(client, cast.qa)
    form = client.get(f"/review/qa/{CASE}/amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    summary = form.initial["summary"] + " The note of 8/30/2016 [[7 page 2]] agrees."
    response = amend_post(client, "A date was misstated.", summary, rationales)
    assert response.status_code == 422
    assert "[[7 page 2]] is not a page marker" in response.content.decode()
    assert not AmendedLetter.objects.exists()
