"""Every signed-in user sees where the account is signed in ("Your sessions": when each
session signed in, when it was last seen, which browser, this one marked) and ends one, or
all but this one; each end is a POST with its CSRF token, audited, and the browser it
ended is signed out at its next request. HIPAA 45 CFR 164.308(a)(5)(ii)(C) (log-in
monitoring), 164.312(b) (audit controls)."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from openimr.accounts.models import AccountSession
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
END = re.compile(r'action="(/accounts/sessions/[0-9a-f]+/end/)"')


@pytest.fixture
def three_browsers():
    clerk("pat")
    return signed_in("pat", FIREFOX), signed_in("pat", SAFARI), signed_in("pat", CHROME)


def test_the_page_lists_each_session_with_its_browser_and_marks_this_one(three_browsers):
    firefox, _, _ = three_browsers
    page = firefox.get("/accounts/sessions/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Firefox 128 on Windows <strong>(this session)</strong>" in body
    assert "Safari 17 on iPhone" in body and "Chrome 126 on Linux" in body
    assert body.count("(this session)") == 1
    assert len(END.findall(body)) == 2  # the two others; this one has Log out
    for row in AccountSession.objects.all():
        assert row.session_key not in body  # a key is the session's secret
    assert 'href="/accounts/sessions/"' in firefox.get("/cases/").content.decode()


def test_ending_one_session_signs_that_browser_out_and_is_audited(three_browsers):
    firefox, safari, chrome = three_browsers
    [safari_end] = [
        u
        for u in END.findall(firefox.get("/accounts/sessions/").content.decode())
        if u.split("/")[3] == session_handle(safari.session.session_key)
    ]
    done = firefox.post(safari_end, follow=True)
    assert "The session in Safari 17 on iPhone has ended." in done.content.decode()
    assert "Safari 17 on iPhone" not in done.content.decode().split("has ended.")[1]
    assert not still_signed_in(safari)
    assert still_signed_in(firefox) and still_signed_in(chrome)
    event = AuditEvent.objects.get(action="user.session_ended")
    assert event.object_id == "pat" and event.actor_label == "pat"
    assert event.detail == {"session": safari_end.split("/")[3], "browser": "Safari 17 on iPhone"}


def test_sign_out_everywhere_else_keeps_only_this_session(three_browsers):
    firefox, safari, chrome = three_browsers
    done = firefox.post("/accounts/sessions/end-others/", follow=True)
    body = done.content.decode()
    assert "Signed out everywhere else: 2 other sessions ended." in body
    assert "You are signed in nowhere else." in body
    assert still_signed_in(firefox)
    assert not still_signed_in(safari) and not still_signed_in(chrome)
    event = AuditEvent.objects.get(action="user.sessions_ended")
    assert event.actor_label == "pat"
    assert event.detail == {"sessions": 2, "why": "signed out everywhere else"}


def test_ending_this_session_from_the_list_logs_it_out(three_browsers):
    firefox, safari, _ = three_browsers
    own = session_handle(firefox.session.session_key)
    done = firefox.post(f"/accounts/sessions/{own}/end/")
    assert done.status_code == 302 and done["Location"] == "/login/"
    assert not still_signed_in(firefox) and still_signed_in(safari)
    assert AuditEvent.objects.filter(action="logout", object_id="pat").count() == 1


def test_the_ends_are_posts_with_their_csrf_token(three_browsers):
    _, safari, _ = three_browsers
    checked = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=FIREFOX)
    checked.cookies = three_browsers[0].cookies
    handle = session_handle(safari.session.session_key)
    assert checked.get(f"/accounts/sessions/{handle}/end/").status_code == 405
    assert checked.post(f"/accounts/sessions/{handle}/end/").status_code == 403
    assert checked.post("/accounts/sessions/end-others/").status_code == 403
    assert still_signed_in(safari)
    assert not AuditEvent.objects.filter(action__startswith="user.session").exists()


def test_a_visitor_not_signed_in_is_sent_to_log_in():
    page = Client().get("/accounts/sessions/")
    assert page.status_code == 302 and page["Location"].startswith("/login/")


def test_the_times_are_in_the_organisations_time_zone_as_on_every_other_page(three_browsers):
    # The page said "(UTC)" over Pacific times, eight hours off what it claimed.
    firefox, _, _ = three_browsers
    body = firefox.get("/accounts/sessions/").content.decode()
    now = timezone.localtime()
    assert "(UTC)" not in body
    assert f"{now:%m/%d/%Y} " in body and now.tzname() in body  # "11/28/2026 11:17 PST"
