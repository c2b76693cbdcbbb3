"""Intake staff's draft of the letter (/cases/<n>/letter/) lists the record pages its
sentences cite, as the QA page's draft and the issued letter do: it had been built without
them, so its REFERENCES section was missing (found in a QA pass)."""

import pytest

from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db


def test_the_draft_letter_and_its_pdf_carry_the_references(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    text = "The exam of August 30, 2016 shows a positive straight-leg raise. [[7 p2]] Not needed."
    client.post(
        f"/review/{CASE}/",
        {
            "action": "item",
            "item": "0",
            "item-0-decision": "upheld",
            "item-0-basis": "mtus-chronic-pain",
            "item-0-rationale": text,
        },
    )
    client.logout()
    login(client, cast.clerk)
    page = client.get(f"/cases/{CASE}/letter/").content.decode()
    assert "REFERENCES" in page.upper() and 'href="#ref-1"' in page
    assert "page 2" in page
