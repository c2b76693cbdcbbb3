"""Demo data for `make run`: the seed letter's case, three more with their case files, an
application filed today with its clocks running, and a login for each role: intake staff,
the administrator, the two reviewers the case in review is split between (each assigned and
attested), and a QA physician with a determination waiting in QA."""

import hashlib
import json
from base64 import b32encode
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.cases.domain.lifecycle import CLOSED, State
from openimr.cases.interchange import case_from_file, imported_from_document, imported_from_file
from openimr.cases.selectors import case_id_for, case_row
from openimr.cases.services import case_import
from openimr.cases.services.lifecycle import CaseChanges, case_event
from openimr.core.access import INTAKE, QA, REVIEWER
from openimr.core.clock import local_date, now
from openimr.core.errors import NotFound
from openimr.demo.corpus import Loaded, demo_corpus_load
from openimr.demo.intake import demo_application_file
from openimr.demo.record_files import demo_records_copy, demo_records_load
from openimr.letters.selectors import letter_for_case_number
from openimr.letters.services import letter_issue
from openimr.reviewers import selectors as reviewer_selectors
from openimr.reviewers import services as reviewer_services
from openimr.reviewers.panel_format import panel_from_json

__all__ = ["Loaded", "demo_code", "demo_corpus_load", "demo_load", "demo_secret"]

CASES = Path(__file__).parent / "cases"
PANEL = Path(__file__).parent / "panel.json"
SEED = CASES / "seed-90bd304bc794ee83.json"
# Demo-only passwords for a local, throwaway database; `make run` prints them.
# (username, password, role group, is_staff, superuser)
USERS = (
    ("staff", "staff-demo-password", INTAKE, True, False),
    ("admin", "admin-demo-password", None, True, True),
    ("reviewer", "reviewer-demo-password", REVIEWER, False, False),
    ("reviewer2", "reviewer2-demo-password", REVIEWER, False, False),
    ("qa", "qa-demo-password", QA, False, False),
)
# The logins of the demo case's chosen reviewers, in the order they were chosen: its items
# are split between two reviewers, and each decides only their own (LC 139.5(c)).
REVIEWER_LOGINS = ("reviewer", "reviewer2")
# The case in review that the demo reviewers work on, and a decided case copied with its
# records under a new number to wait in QA (its 2016 records-complete date replaced by one a
# few days before the load: a 2016 clock would be long overdue today).
REVIEW_CASE = "CM17-0600001"
QA_SOURCE, QA_CASE = CASES / "cm16-0400101.json", "CM17-0600002"
QA_SOURCE_NUMBER = "CM16-0400101"
QA_RECORDS_COMPLETE_AGO = timedelta(days=6)


def _users() -> None:
    model = get_user_model()
    for username, password, role, staff, superuser in USERS:
        user, created = model.objects.get_or_create(username=username, defaults={"is_staff": staff})
        if created:
            user.set_password(password)
            user.is_superuser = superuser
            user.save()
        if role:
            # Also on a database loaded before roles: the group is (re)joined every time.
            user.groups.add(Group.objects.get_or_create(name=role)[0])


# Every demo login needs a second factor like any staff login (issue 7); the demo's
# authenticators have keys anyone can derive, so `openimr demo --code USER` can print the
# current code. Only devices of this name: a real user's authenticator is never read.
DEMO_DEVICE = "demo authenticator"


def _demo_key(username: str) -> str:
    return hashlib.sha256(f"openimr demo {username}".encode()).hexdigest()[:40]


def _devices() -> None:
    for user in get_user_model().objects.filter(username__in=[u[0] for u in USERS]):
        TOTPDevice.objects.get_or_create(
            user=user, name=DEMO_DEVICE, defaults={"key": _demo_key(user.username)}
        )


def demo_secret(username: str) -> str:
    """The demo login's authenticator key in base32, for an authenticator app."""
    return b32encode(bytes.fromhex(_demo_key(username))).decode("ascii")


def demo_code(username: str) -> str:
    """The current second-factor code of a demo login."""
    try:
        device = TOTPDevice.objects.get(user__username=username, name=DEMO_DEVICE)
    except TOTPDevice.DoesNotExist:
        raise NotFound(f"{username!r} is not a demo login (run `openimr demo` first)") from None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


def _case(path: Path) -> str | None:
    """Import a demo case not yet issued; its number when it is decided and its letter is
    still to issue (after its records are loaded, so that the letter lists them)."""
    case, contacts, claim_number = imported_from_file(path)
    if letter_for_case_number(case.case_number) is not None:
        return None
    if not case.is_decided and _loaded(case.case_number):
        # A case in review is left as its reviewers (and its complete file) left it: a new
        # import would drop their work and the records-complete date.
        return None
    case_import(case=case, actor="demo", replace=True, contacts=contacts, claim_number=claim_number)
    return case.case_number if case.is_decided else None


def _loaded(case_number: str) -> bool:
    try:
        case_id_for(case_number)
    except NotFound:
        return False
    return True


def demo_load() -> Path:
    """Idempotent: run it twice and nothing is doubled. Returns the seed letter's PDF."""
    call_command("migrate", verbosity=0, interactive=False)
    _users()
    _devices()
    _panel()
    to_issue = [number for path in sorted(CASES.glob("*.json")) if (number := _case(path))]
    demo_records_load()
    for number in to_issue:
        letter_issue(case_number=number, actor="demo")
    _review_file_complete()
    _reviewer_at_work()
    _case_in_qa()
    _qa_file_complete()
    demo_application_file()
    issued = letter_for_case_number(case_from_file(SEED).case_number)
    assert issued is not None
    return Path(settings.MEDIA_ROOT) / issued.pdf_path


def _panel() -> None:
    """The demo panel, so that `make run` can assign reviewers; an existing panel is kept."""
    if reviewer_selectors.panel_version()[0]:
        return
    for reviewer in panel_from_json(PANEL.read_text(encoding="utf-8")).values():
        reviewer_services.reviewer_store(reviewer=reviewer, actor="demo")


def _review_assignments() -> list[Any]:
    """The demo case's open assignments, first chosen first; assigned as staff would assign
    it when it has none yet."""
    found = [
        a
        for a in reviewer_selectors.assignments_for_case(case_id_for(REVIEW_CASE))
        if a.status in reviewer_selectors.OPEN_STATUSES
    ]
    return found or reviewer_services.reviewer_assign(case_number=REVIEW_CASE, actor="demo")


def _reviewer_at_work() -> None:
    """The demo reviewers' accounts open the case in review: the case is assigned as staff
    would assign it, each chosen reviewer gets a login ("reviewer" the first, "reviewer2"
    the second when the items are split between two), and each attests no conflict
    (LC 139.5), which opens the case file. A database loaded before the second login
    existed gets it linked on the next load."""
    assignments = _review_assignments()
    for username, assignment in zip(REVIEWER_LOGINS, assignments, strict=False):
        if assignment.reviewer.user_id is None:
            reviewer_services.reviewer_account_link(
                reviewer_id=assignment.reviewer.reviewer_id, username=username, actor="demo"
            )
    for assignment in assignments:
        if assignment.status != assignment.ATTESTED:
            reviewer_services.assignment_attest(
                assignment_id=assignment.pk, actor="demo", no_conflict=True, statement=""
            )


def _review_file_complete() -> None:
    """The case in review has its file complete from the first load on, so its determination
    clock runs (LC 4610.6(d): 30 days for its standard priority) and the reviewers see a due
    date. Once: a later load finds the date and writes nothing."""
    _file_complete(REVIEW_CASE, at=now())


def _file_complete(case_number: str, *, at: datetime, decided_on: date | None = None) -> None:
    """Imported whole, a demo case is already past the state the intake action
    `case_records_complete` moves from; the same change is written as that action writes
    it: the date, the clocks recomputed, a timeline event, in one transaction. Once: a case
    that has the date (or is closed) is left as it is."""
    row = case_row(case_number)
    if row.records_complete_at is not None or State(row.state) in CLOSED:
        return
    with transaction.atomic():
        changes = CaseChanges()
        row.records_complete_at, row.date_records_complete = at, local_date(at)
        changes.changed(row, "records_complete_at", "date_records_complete")
        if decided_on is not None:
            row.date_decision = decided_on
            changes.changed(row, "date_decision")
        note = "demo: the case file is complete; the determination clock starts"
        changes.events.append(
            case_event(row=row, actor="demo", at=now(), kind="records_complete", note=note)
        )
        changes.save()


def _case_in_qa() -> None:
    """A decided determination waiting for the QA physician; left alone once loaded, so
    that what QA did with it (returned, approved) survives another load."""
    try:
        case_id_for(QA_CASE)
    except NotFound:
        pass
    else:
        return
    doc = json.loads(QA_SOURCE.read_text(encoding="utf-8"))
    doc["case_number"] = QA_CASE
    doc["dates"]["records_complete"] = None
    case, contacts, claim_number = imported_from_document(doc)
    case_import(case=case, actor="demo", contacts=contacts, claim_number=claim_number)
    demo_records_copy(QA_SOURCE_NUMBER, QA_CASE)


def _qa_file_complete() -> None:
    """The case in QA had its file complete a few days ago (the reviewer has decided since),
    so the QA and work queues show when its determination is due. Also on a database loaded
    before this date was set, until QA issues the case; once set, a later load writes
    nothing. Its determination is dated the day before the load, after the records it
    read: its source's 2016 date, before them, made a case the rules refuse (an export that
    would not import again) and a letter issued by QA dated nine years before its records."""
    _file_complete(
        QA_CASE, at=now() - QA_RECORDS_COMPLETE_AGO, decided_on=local_date(now()) - timedelta(1)
    )
