"""Insecure direct object references: a reader who may open one case puts the id of a
record or a notice of another case in its URL. The authorization matrix swaps the whole
case; here the case stays the reader's own and only the object id is foreign, which a check
on the case alone would let through. Each is refused as an absent object would be (404) and
the refusal is audited, naming what was asked (HIPAA 45 CFR 164.312(b); 164.308(a)(4)
access to PHI limited to what the role needs)."""

import pytest

from openimr.audit.models import AuditEvent
from tests.authz_world import IN_QA, REVIEW_A, REVIEW_B, build_world

pytestmark = pytest.mark.django_db


def _refused(world, role, url, query=None):
    response = world.client(role).get(url, query or {})
    written = AuditEvent.objects.filter(request_id=response["X-Request-ID"])
    return response.status_code, sorted(written.values_list("action", flat=True))


def test_a_record_of_another_case_is_refused_to_each_reader_of_a_case_file():
    world = build_world()
    other = world.records[REVIEW_B]
    asked = {
        ("intake", f"/records/{REVIEW_A}/{other}/"): "record.viewed.refused",
        ("intake", f"/records/{REVIEW_A}/{other}/file.pdf"): "record.downloaded.refused",
        ("reviewer", f"/review/{REVIEW_A}/records/{other}/"): "record.viewed.refused",
        ("reviewer", f"/review/{REVIEW_A}/records/{other}/file.pdf"): "record.downloaded.refused",
        ("qa", f"/review/{IN_QA}/records/{other}/"): "record.viewed.refused",
    }
    got = {key: _refused(world, *key) for key in asked}
    assert got == {key: (404, [action]) for key, action in asked.items()}


def test_a_notice_of_another_case_is_refused_and_audited():
    world = build_world()
    own, other = world.own["api_client"], world.foreign["api_client"]
    notice = world.notices[other]
    got = _refused(world, "intake", f"/cases/{own}/notice.pdf", {"id": notice})
    assert got == (404, ["notice.downloaded.refused"])
