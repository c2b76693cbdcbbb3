"""A session belongs to its account alone: "Your sessions" lists none of another account's,
and a handle of another account's session, posted by hand, is answered as one that does
not exist (404, the same words), ends nothing and is not audited as an end. NIST SP 800-63B
7.1 (session secrets); HIPAA 45 CFR 164.312(a)(1) (access control)."""

import pytest

from openimr.accounts.selectors import session_handle
from openimr.accounts.tests.sessions_helpers import (
    CHROME,
    FIREFOX,
    SAFARI,
    clerk,
    signed_in,
    still_signed_in,
)
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat_and_sam():
    clerk("pat")
    clerk("sam")
    return signed_in("pat", FIREFOX), signed_in("sam", SAFARI), signed_in("sam", CHROME)


def test_the_list_shows_none_of_another_accounts_sessions(pat_and_sam):
    pat, sam_safari, sam_chrome = pat_and_sam
    body = pat.get("/accounts/sessions/").content.decode()
    assert "Safari" not in body and "Chrome" not in body
    for other in (sam_safari, sam_chrome):
        assert session_handle(other.session.session_key) not in body
    assert "You are signed in nowhere else." in body


def test_another_accounts_session_cannot_be_ended_by_its_handle(pat_and_sam):
    pat, sam_safari, _ = pat_and_sam
    handle = session_handle(sam_safari.session.session_key)
    refused = pat.post(f"/accounts/sessions/{handle}/end/")
    assert refused.status_code == 404
    assert "No open session of yours has that reference" in refused.content.decode()
    assert still_signed_in(sam_safari)
    assert not AuditEvent.objects.filter(action="user.session_ended").exists()


def test_a_handle_of_nothing_gets_the_same_answer(pat_and_sam):
    pat, _, _ = pat_and_sam
    refused = pat.post("/accounts/sessions/0123456789abcdef/end/")
    assert refused.status_code == 404
    assert "No open session of yours has that reference" in refused.content.decode()


def test_signing_out_everywhere_else_leaves_other_accounts_signed_in(pat_and_sam):
    pat, sam_safari, sam_chrome = pat_and_sam
    pat.post("/accounts/sessions/end-others/")
    assert still_signed_in(pat) and still_signed_in(sam_safari) and still_signed_in(sam_chrome)
    assert not AuditEvent.objects.filter(action="user.sessions_ended").exists()
