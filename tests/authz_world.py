"""The world the authorization-matrix test walks: a user for each role of
``openimr.core.authz_matrix``, a case in each state a page needs, and the object ids each
role may and may not see."""

import base64
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from conftest import APPLICATION_FILE, THREE_ITEM_FILE, make_pdf
from openimr.api.services import token_create
from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.selectors import case_by_number
from openimr.cases.services import case_import
from openimr.decisions.tests.public_factories import make_decision
from openimr.letters.models import LetterService
from openimr.letters.services import letter_amend, letter_issue
from openimr.records.services import record_extract, record_receive
from openimr.records.vocabulary import Via
from openimr.review.tests.conftest import assign, person, undecided
from openimr.reviewers.models import Assignment

REVIEW_A, REVIEW_B, IN_QA, ISSUED = "CM16-0400101", "CM16-0400102", "CM16-0400103", "CM16-0400104"
PUBLISHED = "CM16-0000001"


@dataclass
class World:
    users: dict[str, User | None]
    tokens: dict[str, str]
    # Per role: the case it may see ("own") and one it may not ("foreign"), when one exists.
    own: dict[str, str]
    foreign: dict[str, str]
    records: dict[str, int] = field(default_factory=dict)  # case number -> a record's id
    notices: dict[str, int] = field(default_factory=dict)  # case number -> a notice's id
    service_id: int = 0
    notice_service_id: int = 0  # a notice's row in the print queue
    assignment_id: int = 0

    clients: dict[tuple[str, bool], Client] = field(default_factory=dict)

    def client(self, role: str, *, csrf: bool = False) -> Client:
        """A client acting as ``role`` (one per role): logged in (both factors), or bearing
        the API client's token, or anonymous."""
        if (role, csrf) not in self.clients:
            self.clients[role, csrf] = self._new_client(role, csrf)
        return self.clients[role, csrf]

    def _new_client(self, role: str, csrf: bool) -> Client:
        client = Client(enforce_csrf_checks=csrf)
        user = self.users.get(role)
        if user is not None:
            client.force_login(user)
        if role in self.tokens:
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {self.tokens[role]}"
        return client


def _application(client: Client) -> str:
    doc = json.loads(Path(APPLICATION_FILE).read_text(encoding="utf-8"))
    doc["ur_decision_document"] = {
        "filename": "ur.pdf",
        "content_base64": base64.b64encode(make_pdf()).decode(),
    }
    response = client.post("/api/v1/applications", doc, content_type="application/json")
    assert response.status_code == 201, response.content
    return str(response.json()["case_number"])


def _record(case_number: str, actor: User, text: str) -> int:
    row = Case.objects.get(case_number=case_number)
    record = record_receive(
        case=row,
        data=make_pdf(text),
        filename="progress-note.pdf",
        submitted_by="claims_administrator",
        via=Via.UPLOAD,
        actor=actor,
    )
    record_extract.call(record.pk)  # read its text now, as the worker would
    return int(record.pk)


def _import(doc: dict[str, Any], case_number: str) -> None:
    case_import(case=case_from_document({**doc, "case_number": case_number}), actor="test")


def build_world() -> World:
    decided = json.loads(Path(THREE_ITEM_FILE).read_text(encoding="utf-8"))
    users: dict[str, User | None] = {
        "public": None,
        "intake": person("clerk", "intake", is_staff=True),
        "case_manager": person("case-manager", "intake", is_staff=True),
        "reviewer": person("jroe", "reviewer"),
        "qa": person("qa-doc", "qa"),
        "admin": person("admin", is_staff=True, is_superuser=True),
        "api_client": None,
    }
    other_reviewer = person("mpark", "reviewer")
    # Two claims administrators' portals: accounts with no password, used by token only.
    for name in ("acme-claims", "other-claims"):
        User.objects.create_user(name, is_staff=True)
    # Each is registered as its claims administrator's account: the cases it files are
    # linked to that administrator, and its token reaches their case files only.
    tokens = {
        "api_client": token_create(
            name="acme-portal", username="acme-claims", administrator="Acme Claims Services"
        )
    }
    other_token = token_create(
        name="other-portal", username="other-claims", administrator="Other Claims Services"
    )

    _import(undecided(decided, REVIEW_A), REVIEW_A)
    _import(undecided(decided, REVIEW_B), REVIEW_B)
    _import(decided, IN_QA)
    _import(decided, ISSUED)
    reviewer = users["reviewer"]
    assert reviewer is not None
    roe = assign(REVIEW_A, reviewer, "R-1", "Jane Q. Roe")
    for number in (IN_QA, ISSUED):
        first_assignment = Assignment.objects.get(case__case_number=REVIEW_A)
        Assignment.objects.create(
            case=Case.objects.get(case_number=number),
            reviewer=roe,
            status=Assignment.ATTESTED,
            assigned_at=first_assignment.assigned_at,
            assigned_by="clerk",
        )
    assign(REVIEW_B, other_reviewer, "R-9", "Min Park")
    staff = users["intake"]
    assert staff is not None
    # Before the letter: once it has issued the case file takes no new record.
    issued_record = _record(ISSUED, staff, f"Progress note of {ISSUED}.")
    letter_issue(case_number=ISSUED, actor="qa-doc")
    first = case_by_number(ISSUED)
    corrected = replace(first, clinical_summary=f"{first.clinical_summary} (corrected)")
    letter_amend(case_number=ISSUED, corrected=corrected, reason="a typo", actor="qa-doc")

    api_own = _application(World({}, tokens, {}, {}).client("api_client"))
    api_other = _application(World({}, {"o": other_token}, {}, {}).client("o"))
    letter = Path(settings.MEDIA_ROOT) / "letters" / f"{PUBLISHED}.pdf"
    letter.parent.mkdir(parents=True, exist_ok=True)
    letter.write_bytes(make_pdf("A published Final Determination Letter."))
    make_decision(case_number=PUBLISHED, letter_path=f"letters/{PUBLISHED}.pdf")

    world = World(
        users=users,
        tokens=tokens,
        own={
            "public": REVIEW_A,
            "intake": REVIEW_A,
            "case_manager": REVIEW_A,
            "admin": REVIEW_A,  # QA pages take the case in QA (NEEDS_QA_CASE)
            "reviewer": REVIEW_A,
            "qa": IN_QA,
            "api_client": api_own,
        },
        foreign={"reviewer": REVIEW_B, "qa": REVIEW_A, "api_client": api_other},
    )
    for number in (REVIEW_A, REVIEW_B, IN_QA, ISSUED, api_own, api_other):
        world.records[number] = (
            issued_record
            if number == ISSUED
            else _record(number, staff, f"Progress note of {number}.")
        )
        notice = Case.objects.get(case_number=number).notices.first()
        if notice is not None:
            world.notices[number] = int(notice.pk)
    # A letter's row: a notice's opens from its own route, not review:print_queue_letter.
    mailed = LetterService.objects.filter(method=LetterService.MAIL, printed_at=None, notice=None)
    world.service_id = int(mailed.first().pk)  # type: ignore[union-attr]
    notices = LetterService.objects.filter(method=LetterService.MAIL, printed_at=None)
    world.notice_service_id = int(notices.exclude(notice=None).first().pk)  # type: ignore[union-attr]
    world.assignment_id = int(
        Case.objects.get(case_number=REVIEW_A).assignments.first().pk  # type: ignore[union-attr]
    )
    return world
