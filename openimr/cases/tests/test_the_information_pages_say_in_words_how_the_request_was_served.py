"""The page that records a party's answer says how the request reached the party in words
("served by e-mail", "served by mail"), not the stored code: it had read "served by
electronic"."""

import pytest

from openimr.cases import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


@pytest.mark.parametrize(
    ("party", "words"),
    [("employee", "served by e-mail"), ("claims_administrator", "served by mail")],
)
def test_the_answer_page_says_how_the_request_was_served(
    client, staff_client, ineligible, party, words
):
    services.case_information_request(
        row=ineligible, party=party, text="Please sign the application.", actor="clerk"
    )
    body = client.get(f"/cases/{ineligible.case_number}/information/received/").content.decode()
    assert words in body
    assert "served by electronic" not in body


def test_the_timeline_says_how_and_that_the_case_is_held_not_ineligible(
    client, staff_client, ineligible
):
    services.case_information_request(
        row=ineligible, party="employee", text="Please sign the application.", actor="clerk"
    )
    body = client.get(f"/cases/{ineligible.case_number}/timeline/").content.decode()
    assert "(served by e-mail)" in body
    assert '<strong id="outcome">Held in screening</strong>' in body
    assert "found Ineligible before the request" in body
