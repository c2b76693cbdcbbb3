"""The authorization matrix: every URL and API operation, and what each role gets there.

Pure data, the one table ``tests/test_authorization_matrix.py`` checks: it walks the URL
configuration and the API's routers, fails naming any route missing here, and requests each
route as each role. The outcome is what the role gets on an object it may see (its own
case); on a case it may not see (another reviewer's, one not in QA, another claims
administrator's) an "ok" must turn into "404", the answer for a case that does not exist.

Roles (``openimr.core.access``):

- ``public``: not logged in.
- ``intake``: intake staff (group ``intake``), who run the staff pages.
- ``case_manager``: intake staff manage cases; there is no separate case-manager group
  (``STAFF_ROLES`` is the intake role alone), so this column must equal ``intake``'s: a
  distinct role would join ``STAFF_ROLES`` and get its own column here.
- ``reviewer``: a reviewer (group ``reviewer``), on the cases assigned to them.
- ``qa``: a QA physician (group ``qa``), on cases in QA or issued.
- ``admin``: the superuser: every role but the reviewer's.
- ``api_client``: a claims administrator's portal calling the API with a bearer token with
  the claims administrator's scopes (no ``review:read``); on pages it is anonymous.

Outcomes: ``ok`` (2xx), ``login`` (redirect to a login page), ``redirect`` (elsewhere),
or the refusal's status: ``401``, ``403``, ``404``, ``405`` (a POST-only route asked with
GET), ``422`` (an API write that got past authorization to validation of an empty body:
a new application, which no role could be refused for want of a case).

A key is a URL name (``cases:detail``), an unnamed URL's pattern, an API operation
(``API GET /applications/{case_number}``), or, for the admin site's generated per-model
URLs only, a shell pattern (``admin:*_changelist``)."""

from fnmatch import fnmatchcase

ROLES = ("public", "intake", "case_manager", "reviewer", "qa", "admin", "api_client")
OK, LOGIN, REDIRECT = "ok", "login", "redirect"
Row = dict[str, str]


def _row(
    *,
    public: str,
    intake: str,
    reviewer: str,
    qa: str,
    admin: str,
    api_client: str | None = None,
) -> Row:
    """One route's outcomes; the case manager is intake staff, and the API client is
    anonymous on pages (it has a token, no session)."""
    return {
        "public": public,
        "intake": intake,
        "case_manager": intake,
        "reviewer": reviewer,
        "qa": qa,
        "admin": admin,
        "api_client": public if api_client is None else api_client,
    }


def _all(outcome: str) -> Row:
    return dict.fromkeys(ROLES, outcome)


PUBLIC = _all(OK)
POST_ONLY = _all("405")  # require_POST comes first: a GET is refused before anything else
STAFF = _row(public=LOGIN, intake=OK, reviewer="404", qa="404", admin=OK)
REVIEWER = _row(public=LOGIN, intake="404", reviewer=OK, qa="404", admin="404")
QA = _row(public=LOGIN, intake="404", reviewer="404", qa=OK, admin=OK)
ANY_LOGIN = _row(public=LOGIN, intake=OK, reviewer=OK, qa=OK, admin=OK)
START = _row(public=LOGIN, intake=REDIRECT, reviewer=REDIRECT, qa=REDIRECT, admin=REDIRECT)
# The admin site: is_staff accounts (intake staff are) reach its index but no model without
# a permission; reviewers and QA physicians, not staff, are sent to its login.
ADMIN_INDEX = _row(public=LOGIN, intake=OK, reviewer=LOGIN, qa=LOGIN, admin=OK)
ADMIN_MODEL = _row(public=LOGIN, intake="403", reviewer=LOGIN, qa=LOGIN, admin=OK)
ADMIN_REFUSED = _row(public=LOGIN, intake="403", reviewer=LOGIN, qa=LOGIN, admin="403")
ADMIN_NOT_FOUND = _row(public=LOGIN, intake="404", reviewer=LOGIN, qa=LOGIN, admin="404")
# The admin's object pages, asked with an id no row has: it refuses intake staff (no
# permission) before it looks for the object, except on the history page; it sends the
# administrator back to its index, as there is no such object.
ADMIN_CHANGE = _row(public=LOGIN, intake="403", reviewer=LOGIN, qa=LOGIN, admin=REDIRECT)
ADMIN_HISTORY = _row(public=LOGIN, intake=REDIRECT, reviewer=LOGIN, qa=LOGIN, admin=REDIRECT)
# The API: sessions of intake staff (and the administrator) for the staff operations; a
# token for its scopes; anything else is unauthenticated there.
API_STAFF_READ = _row(public="401", intake=OK, reviewer="401", qa="401", admin=OK, api_client=OK)
API_STAFF_WRITE = _row(
    public="401", intake="422", reviewer="401", qa="401", admin="422", api_client="422"
)
# Only the claims administrator of the case reports its authorization; staff are told where
# they record one instead (8 CCR 9792.10.6(a)), 403, once their body is valid: posted with
# a body it refuses, every role let in gets 422.
API_PAYER_WRITE = _row(
    public="401", intake="422", reviewer="401", qa="401", admin="422", api_client="422"
)
API_REVIEW = _row(public="401", intake="404", reviewer=OK, qa="404", admin="404", api_client="403")

MATRIX: dict[str, Row] = {
    # Public: the site's door, sign-in and password reset, the decisions corpus.
    "start": START,
    "healthz": PUBLIC,
    "case_status": PUBLIC,  # a party's "where is my case": the answer needs the claim number
    "login": PUBLIC,
    "logout": POST_ONLY,
    "accounts:verify": _row(
        public=LOGIN, intake=REDIRECT, reviewer=REDIRECT, qa=REDIRECT, admin=REDIRECT
    ),
    "accounts:enrol": _row(
        public=LOGIN, intake=REDIRECT, reviewer=REDIRECT, qa=REDIRECT, admin=REDIRECT
    ),
    # Each signed-in person's own sessions; a handle of another's is a 404
    # (openimr/accounts/tests/test_one_user_can_never_see_or_end_another_users_session.py).
    "accounts:sessions": ANY_LOGIN,
    "accounts:session_end": POST_ONLY,
    "accounts:sessions_end_others": POST_ONLY,
    "accounts:password_reset": PUBLIC,
    "accounts:password_reset_done": PUBLIC,
    "accounts:password_reset_confirm": PUBLIC,
    "accounts:password_reset_complete": PUBLIC,
    "decisions:search": PUBLIC,
    "decisions:analytics": PUBLIC,
    "decisions:analytics_csv": PUBLIC,
    "decisions:export": PUBLIC,
    "decisions:decision": PUBLIC,
    "decisions:letter_pdf": PUBLIC,
    # Staff pages (intake, case managers, the administrator).
    "cases:list": STAFF,
    "cases:application_new": STAFF,
    "cases:queue": STAFF,
    "cases:timeliness": STAFF,
    "cases:timeline": STAFF,
    "cases:action": POST_ONLY,
    "cases:notice_pdf": STAFF,
    "cases:information_request": STAFF,
    "cases:information_received": STAFF,
    "cases:claim_number": STAFF,
    "cases:detail": STAFF,
    "cases:letter": STAFF,
    "cases:letter_pdf": STAFF,
    "cases:amended_pdf": STAFF,
    "reviewers:panel": STAFF,
    "reviewers:import": STAFF,
    "reviewers:assign": POST_ONLY,
    "reviewers:attest": POST_ONLY,
    "records:case_file": STAFF,
    "records:upload": POST_ONLY,
    "records:record": STAFF,
    "records:edit": POST_ONLY,
    "records:extract": POST_ONLY,
    "records:file": STAFF,
    "records:original": STAFF,
    "guidelines:catalog": STAFF,
    "review:print_queue": STAFF,
    "review:print_queue_letter": STAFF,
    "review:print_queue_notice": STAFF,
    "review:outbox": STAFF,
    # Asked for a message the outbox does not hold (the tests send mail to memory): staff
    # get 404 too; a role refused is refused before the outbox is looked in. A message that
    # is there: letters/tests/test_without_a_mail_server_a_notice_is_delivered_to_the_...
    "review:outbox_read": STAFF | {"intake": "404", "case_manager": "404", "admin": "404"},
    "review:mark_printed": POST_ONLY,
    "review:print_queue_address": POST_ONLY,
    "review:withdraw": POST_ONLY,
    "review:send_again": POST_ONLY,
    "decisions:failures": STAFF,
    "audit:case_trail": STAFF,
    # The reviewer's workspace: the assigned reviewer only.
    "review:home": REVIEWER,
    "review:case": REVIEWER,
    # A QA physician reads the records of a case in QA too; the administrator, asked with a
    # case in review, is refused like any QA reader.
    "review:record": REVIEWER | {"qa": OK},
    "review:record_file": REVIEWER | {"qa": OK},
    # QA: QA physicians and the administrator.
    "review:qa_home": QA,
    "review:qa_case": QA,
    "review:qa_letter_pdf": QA,
    "review:amend": QA,
    "review:amended_pdf": QA,
    # The API's documentation and operations.
    "api:openapi-json": PUBLIC,
    "api:openapi-view": PUBLIC,
    "api:api-root": PUBLIC,
    "API POST /applications": API_STAFF_WRITE,
    "API GET /applications/{case_number}": API_STAFF_READ,
    "API POST /cases/{case_number}/documents": API_STAFF_READ,  # asked with a valid record
    "API GET /cases/{case_number}/documents": API_STAFF_READ,
    "API GET /review/{case_number}": API_REVIEW,
    "API POST /cases/{case_number}/authorizations": API_PAYER_WRITE,
    "API GET /cases/{case_number}/status": API_STAFF_READ,
    "API GET /decisions": PUBLIC,
    "API GET /decisions/{case_number}": PUBLIC,
    # The admin site.
    "admin:index": ADMIN_INDEX,
    "admin:login": _row(public=OK, intake=REDIRECT, reviewer=OK, qa=OK, admin=REDIRECT),
    "admin:logout": _row(
        public=REDIRECT, intake="405", reviewer=REDIRECT, qa=REDIRECT, admin="405"
    ),
    "admin:password_change": ADMIN_INDEX,
    "admin:password_change_done": ADMIN_INDEX,
    "admin:autocomplete": ADMIN_REFUSED,  # asked without its app_label and field
    "admin:jsi18n": ADMIN_INDEX,
    "admin:view_on_site": ADMIN_NOT_FOUND,  # asked with no such object
    "admin:app_list": _row(public=LOGIN, intake="404", reviewer=LOGIN, qa=LOGIN, admin=OK),
    "admin:admin/{url}": ADMIN_NOT_FOUND,
    "admin:*_changelist": ADMIN_MODEL,
    "admin:*_add": ADMIN_MODEL,
    "admin:axes_*_add": ADMIN_REFUSED,  # login records are written by axes, never by hand
    "admin:django_tasks_database_*_add": ADMIN_REFUSED,  # tasks are queued by the code
    "admin:django_tasks_database_*_delete": ADMIN_REFUSED,
    # A person enrols their own authenticator; the admin only lists and deletes devices
    # (openimr/accounts/admin.py), and has no key or QR code pages.
    "admin:otp_totp_totpdevice_add": ADMIN_REFUSED,
    "admin:auth_user_password_change": ADMIN_NOT_FOUND | {"intake": "403", "case_manager": "403"},
    "admin:*_change": ADMIN_CHANGE,
    "admin:*_delete": ADMIN_CHANGE,
    "admin:*_history": ADMIN_HISTORY,
    "admin:admin/*/{object_id}/": ADMIN_HISTORY,  # the old object URL, redirected
}

# Routes asked with the case that has an issued (and amended) letter, as they need one.
NEEDS_ISSUED_LETTER = frozenset(
    {"cases:letter", "cases:letter_pdf", "cases:amended_pdf", "review:amend", "review:amended_pdf"}
)
# Routes asked with a case that has a notice and an application (one filed through the API).
NEEDS_NOTICE = frozenset({"cases:notice_pdf"})
NEEDS_APPLICATION = frozenset({"API GET /applications/{case_number}"})
# Routes asked with the case in QA.
NEEDS_QA_CASE = frozenset({"review:qa_case", "review:qa_letter_pdf"})
# Routes whose case numbers are public: there is no case a role may not see.
PUBLIC_CASE_NUMBERS = frozenset(
    {"decisions:decision", "decisions:letter_pdf", "API GET /decisions/{case_number}"}
)


def is_pattern(key: str) -> bool:
    return "*" in key


def expected(route: str) -> Row | None:
    """The route's row: its own entry, else the longest (most specific) shell pattern that
    matches it."""
    if route in MATRIX:
        return MATRIX[route]
    matching = [key for key in MATRIX if is_pattern(key) and fnmatchcase(route, key)]
    return MATRIX[max(matching, key=len)] if matching else None


def foreign_outcome(own: str) -> str:
    """What a role gets on an object it may not see: 404 where it would get its own, the
    same refusal as on its own otherwise."""
    return "404" if own == OK else own
