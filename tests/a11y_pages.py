"""Every HTML page of the web app as each role that may open it sees it, built over the
authorization matrix's world (tests/authz_world.py): each route of the URL configuration
requested with the ids its role may see, and the pages a GET alone never shows (the status
page's answers, an outbox holding a message and that message). The Django admin and the
API's own pages are left out: their templates are Django's and django-ninja's, not this
project's."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import time_machine
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.test import Client, override_settings
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from openimr.accounts.tests.helpers import totp_device
from openimr.cases.status_views import TRIES_PER_MINUTE
from openimr.cases.tests.test_intake_pages import form_data
from openimr.core import authz_matrix as matrix
from openimr.core.mail import delivered
from openimr.review.forms import RATIONALE_MAX, SUMMARY_MAX
from openimr.review.tests.conftest import PASSWORD, person
from tests.authz_requests import route_values
from tests.authz_routes import django_routes
from tests.authz_world import REVIEW_A, World

NOT_OURS = ("/admin/", "/api/")
# What the world's filed application (tests/data/application.json) holds: the status page
# finds its case by them.
CLAIM, INJURY = "SCIF-2024-118220", "2023-06-14"


def every_page(world: World) -> Iterator[tuple[str, str]]:
    """(where, html) of each page that answers 200 with HTML, once per route and role;
    ``where`` ends " as <role>"."""
    for route in django_routes():
        if route.template.startswith(NOT_OURS):
            continue
        expected = matrix.expected(route.key) or {}
        for role in matrix.ROLES:
            if expected.get(role) != matrix.OK:
                continue
            values = route_values(route, role, world, foreign=False)
            query = {}
            if route.key == "cases:notice_pdf":
                query = {"format": "html", "id": world.notices.get(str(values["case_number"]), 0)}
            response = world.client(role).get(route.url(values), query)
            if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                yield f"{route.url(values)} as {role}", response.content.decode()
    yield from status_answers(world)
    yield from outbox_pages(world)


def status_answers(world: World) -> Iterator[tuple[str, str]]:
    """The status page's answers to a party: the case found, no case matching, and too many
    wrong tries (429). Each from an address of its own, the tries' limit cleared after."""
    cache.clear()
    number = world.own["api_client"]  # filed, so it has a claim number (an import has none)
    asked = {"case_number": number, "claim_number": CLAIM, "date_of_injury": INJURY}
    public = world.client("public")
    found = public.post("/status/", asked, REMOTE_ADDR="10.1.0.1")
    assert 'id="status"' in found.content.decode()
    yield "/status/ answering the case as public", found.content.decode()
    wrong = {**asked, "claim_number": "NOT-THE-CLAIM"}
    # The wrong tries are counted a minute at a time: held inside one minute, however slowly
    # a loaded machine makes them.
    with time_machine.travel("2024-03-20 17:00:05Z", tick=False):
        missing = public.post("/status/", wrong, REMOTE_ADDR="10.1.0.2")
        for _ in range(TRIES_PER_MINUTE):
            held = public.post("/status/", wrong, REMOTE_ADDR="10.1.0.2")
    assert 'id="not-found"' in missing.content.decode()
    yield "/status/ answering no case as public", missing.content.decode()
    assert held.status_code == 429
    yield "/status/ holding an address after too many wrong tries as public", held.content.decode()
    cache.clear()


@contextmanager
def an_outbox_message() -> Iterator[str]:
    """The name of a message (with an attachment) delivered to an outbox of its own, on
    while the block runs."""
    with (
        tempfile.TemporaryDirectory() as folder,
        override_settings(EMAIL_BACKEND="openimr.core.mail.OutboxBackend", EMAIL_FILE_PATH=folder),
    ):
        message = EmailMessage("Notice of Assignment", "The case is assigned.", to=["a@b.org"])
        message.attach("CM16-0400101-assignment.pdf", b"%PDF-1.4", "application/pdf")
        yield delivered(message).rsplit("/", 1)[-1]


def outbox_pages(world: World) -> Iterator[tuple[str, str]]:
    """The outbox holding a message, and that message, as staff open them (with no message,
    as in the matrix's world, the outbox shows only its empty row)."""
    staff = world.client("intake")
    with an_outbox_message() as name:
        yield (
            "/review/outbox/ holding a message as intake",
            staff.get("/review/outbox/").content.decode(),
        )
        opened = staff.get(f"/review/outbox/{name}/")
        assert opened.status_code == 200
        yield f"/review/outbox/{name}/ as intake", opened.content.decode()


def error_pages(world: World) -> Iterator[tuple[str, str]]:
    """(where, html) of each form sent back with its problems: the application, the
    record upload and correction, the guideline catalog, the request for eligibility
    information and its answer, login, the second factor, its
    enrolment, and the password reset's two forms."""
    intake = world.client("intake")
    record = world.records[REVIEW_A]
    posts = [
        ("/cases/new/", {}),
        ("/cases/new/", form_data(employee_email="not an address", rfa_date_0="31/31/2016")),
        (f"/records/{REVIEW_A}/upload/", {"submitted_by": "nobody"}),
        (f"/records/{REVIEW_A}/{record}/edit/", {"kind": "x", "date_of_service": "31/31/2016"}),
        ("/guidelines/", {"id": "Not An Id", "family": "mtus", "title": ""}),
        (f"/cases/{REVIEW_A}/information/request/", {"party": "", "text": ""}),
        (f"/cases/{REVIEW_A}/information/received/", {"note": ""}),
    ]
    for n, (url, data) in enumerate(posts):
        yield f"{url} sent with problems ({n})", intake.post(url, data).content.decode()
    for n, data in enumerate(({}, {"case_number": "CM16", "date_of_injury": "06/14/2023"})):
        refused = world.client("public").post("/status/", data, REMOTE_ADDR="10.1.0.3")
        yield f"/status/ sent with problems ({n})", refused.content.decode()
    yield from _review_error_pages(world)
    yield from _account_error_pages()


def _review_error_pages(world: World) -> Iterator[tuple[str, str]]:
    """The reviewer's workspace refusing a save the form refuses (a rationale too long), one
    the service refuses (a page marker naming no page), a summary too long and a submit
    before anything is decided; QA's return without comments."""
    url = f"/review/{REVIEW_A}/"
    item = {
        "action": "item",
        "item": "0",
        "item-0-decision": "upheld",
        "item-0-free_citation": "MTUS Chronic Pain Medical Treatment Guidelines",
        "item-0-free_is_mtus": "on",
    }
    posts = [
        ("a rationale too long", {**item, "item-0-rationale": "x" * (RATIONALE_MAX + 1)}),
        ("a marker naming no page", {**item, "item-0-rationale": "Upheld. [[99 p1]]"}),
        ("a summary too long", {"action": "summary", "summary": "x" * (SUMMARY_MAX + 1)}),
        ("a submit before any decision", {"action": "submit"}),
    ]
    reviewer = world.client("reviewer")
    for what, data in posts:
        yield f"{url} sent with {what}", reviewer.post(url, data).content.decode()
    qa_url = f"/review/qa/{world.own['qa']}/"
    returned = world.client("qa").post(qa_url, {"action": "return", "comments": ""})
    yield f"{qa_url} returned without comments", returned.content.decode()


def _account_error_pages() -> Iterator[tuple[str, str]]:
    user = person("a11y-clerk", "intake")
    client = Client()
    yield "/login/ with a wrong password", _post(client, "/login/", password="wrong")
    enrol = client.post("/login/", {"username": user.username, "password": PASSWORD}, follow=True)
    yield "/accounts/two-factor/enrol/", enrol.content.decode()
    yield (
        "/accounts/two-factor/enrol/ with a wrong code",
        _post(client, "/accounts/two-factor/enrol/", code="000000"),
    )
    totp_device(user)
    yield (
        "/accounts/two-factor/ with a wrong code",
        _post(client, "/accounts/two-factor/", code="12"),
    )
    yield (
        "/accounts/password-reset/ with a bad address",
        _post(Client(), "/accounts/password-reset/", email="not an address"),
    )
    reset = Client()
    user.refresh_from_db()  # the token covers the last login, which logging in changed
    link = f"/accounts/password-reset/{urlsafe_base64_encode(force_bytes(user.pk))}/"
    form = reset.get(link + default_token_generator.make_token(user) + "/", follow=True)
    yield "the password reset link", form.content.decode()
    yield (
        "the password reset link with passwords that differ",
        _post(
            reset,
            form.redirect_chain[-1][0],
            new_password1="a-long-new-passphrase",
            new_password2="another-passphrase",
        ),
    )


def _post(client: Client, url: str, **data: str) -> str:
    if url == "/login/":
        data = {"username": "a11y-clerk", **data}
    return str(client.post(url, data).content.decode())
