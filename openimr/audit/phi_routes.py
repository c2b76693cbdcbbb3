"""Which routes show or export a case's PHI, and the audit event each writes: pure data, the
one table ``tests/test_every_route_showing_phi_is_audited.py`` checks. It walks the URL
configuration and the API's routers (as the authorization matrix's test does), fails naming
any route left out of both tables below, requests each audited route as a role the
authorization matrix lets in and checks that the request wrote its event, then asks it with
a case the role may not see and checks that the refusal wrote ``<action>.refused``.

HIPAA 45 CFR 164.312(b) requires audit controls that record and examine activity in
systems that contain electronic PHI; 45 CFR 164.308(a)(1)(ii)(D) requires that records of
that activity be reviewed. A route added without an entry here fails the test, so a new
way to see a case is audited from its first day.

Keys are those of ``openimr.core.authz_matrix``: a URL name, an unnamed URL's pattern, an
API operation, or a shell pattern for the admin site's generated per-model URLs."""

from fnmatch import fnmatchcase

from openimr.audit.services import LIST_VIEWED

# Route -> the action of the event a look (or a download) through it writes.
AUDITED: dict[str, str] = {
    "cases:list": LIST_VIEWED,
    "cases:queue": LIST_VIEWED,
    "cases:timeliness": LIST_VIEWED,  # the case numbers of missed deadlines
    "cases:timeline": "case.timeline_viewed",
    "cases:notice_pdf": "notice.downloaded",
    "cases:information_request": "case.viewed",
    "cases:information_received": "case.viewed",
    "cases:claim_number": "case.viewed",
    "cases:detail": "case.viewed",
    "cases:letter": "letter.viewed",
    "cases:letter_pdf": "letter.downloaded",
    "cases:amended_pdf": "letter.downloaded",
    "records:case_file": "case_file.viewed",
    "records:record": "record.viewed",
    "records:file": "record.downloaded",
    "records:original": "record.original_downloaded",
    "review:print_queue": LIST_VIEWED,
    "review:home": LIST_VIEWED,
    "review:qa_home": LIST_VIEWED,
    "review:print_queue_letter": "letter.downloaded",
    "review:print_queue_notice": "notice.downloaded",
    "review:outbox": LIST_VIEWED,
    "review:outbox_read": "mail.outbox_read",
    "review:case": "review.viewed",
    "review:record": "record.viewed",
    "review:record_file": "record.downloaded",
    "review:qa_case": "review.qa_viewed",
    "review:qa_letter_pdf": "letter.downloaded",
    "review:amend": "letter.amend_viewed",
    "review:amended_pdf": "letter.downloaded",
    "audit:case_trail": "case.trail_exported",
    # A reason for a failure can quote the letter, read before it is de-identified.
    "decisions:failures": "corpus.failures_viewed",
    "API GET /applications/{case_number}": "application.viewed",
    "API GET /cases/{case_number}/documents": "case_file.viewed",
    "API GET /cases/{case_number}/status": "case.status_viewed",
    "API GET /review/{case_number}": "review.api_viewed",
}

# Route -> why it shows no case's PHI, or where what it does is audited instead.
_WRITE = "a POST only (a GET is refused): the change it makes is audited by its service"
_PUBLIC = "the public, de-identified decisions: no PHI (openimr.decisions.deid)"
_ACCOUNT = (
    "signing in and one's own account: no case (each login, logout and wrong password is"
    " audited: openimr.accounts.signals)"
)
_DOCS = "the API's documentation"
_ADMIN = (
    "the admin site: holds users, groups, devices, the panel and background tasks, no case;"
    " every change is audited (openimr.audit.admin_log)"
)
NOT_PHI: dict[str, str] = {
    "start": "a redirect to the role's home page",
    # A GET shows the empty form; each look-up, posted, is audited with the client's address
    # (openimr/cases/tests/test_a_status_look_up_is_audited_with_the_client_address_...).
    "case_status": "the form a party looks its case up with",
    "healthz": "the server's health",
    "login": _ACCOUNT,
    "logout": _ACCOUNT,
    "accounts:*": _ACCOUNT,
    "decisions:search": _PUBLIC,
    "decisions:analytics": _PUBLIC,
    "decisions:analytics_csv": _PUBLIC,
    "decisions:export": _PUBLIC,
    "decisions:decision": _PUBLIC,
    "decisions:letter_pdf": _PUBLIC,
    "cases:application_new": "an empty application form",
    "cases:action": _WRITE,
    "reviewers:panel": "the reviewers' panel: staff records, no case",
    "reviewers:import": "the panel's import form",
    "reviewers:assign": _WRITE,
    "reviewers:attest": _WRITE,
    "records:upload": _WRITE,
    "records:edit": _WRITE,
    "records:extract": _WRITE,
    "guidelines:catalog": "the guideline catalog: no case",
    "review:mark_printed": _WRITE,
    "review:print_queue_address": _WRITE,
    "review:withdraw": _WRITE,
    "review:send_again": _WRITE,
    "api:*": _DOCS,
    "API POST /applications": "a filing: audited as the case it makes (case.received)",
    "API POST /cases/{case_number}/authorizations": "a report: audited by its service",
    "API POST /cases/{case_number}/documents": (
        "an upload: audited by its service (record.received, or record.received_again for a"
        " copy it holds; record.upload.refused)"
    ),
    "API GET /decisions": _PUBLIC,
    "API GET /decisions/{case_number}": _PUBLIC,
    "admin:*": _ADMIN,
}


def audited_action(route: str) -> str | None:
    return AUDITED.get(route)


def exemption(route: str) -> str | None:
    """Why the route writes no look at a case: its own entry, else the longest shell
    pattern that matches it."""
    if route in NOT_PHI:
        return NOT_PHI[route]
    matching = [key for key in NOT_PHI if "*" in key and fnmatchcase(route, key)]
    return NOT_PHI[max(matching, key=len)] if matching else None
