"""Demo data for `make run`: the seed letter's case, three more with their case files, and a
login for each role: intake staff, the administrator, a reviewer with the case in review
assigned and attested, and a QA physician with a determination waiting in QA."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from openimr.cases.interchange import case_from_document, case_from_file
from openimr.cases.selectors import case_id_for
from openimr.cases.services import case_import
from openimr.core.access import INTAKE, QA, REVIEWER
from openimr.core.errors import NotFound
from openimr.demo.record_files import demo_records_copy, demo_records_load
from openimr.letters.selectors import letter_for_case_number
from openimr.letters.services import letter_issue
from openimr.reviewers import selectors as reviewer_selectors
from openimr.reviewers import services as reviewer_services
from openimr.reviewers.panel_format import panel_from_json

CASES = Path(__file__).parent / "cases"
PANEL = Path(__file__).parent / "panel.json"
SEED = CASES / "seed-90bd304bc794ee83.json"
# Demo-only passwords for a local, throwaway database; `make run` prints them.
# (username, password, role group, is_staff, superuser)
USERS = (
    ("staff", "staff-demo-password", INTAKE, True, False),
    ("admin", "admin-demo-password", None, True, True),
    ("reviewer", "reviewer-demo-password", REVIEWER, False, False),
    ("qa", "qa-demo-password", QA, False, False),
)
# The case in review that the demo reviewer works on, and a decided case copied with its
# records under a new number to wait in QA (its records-complete date dropped: a 2016 clock
# would be long overdue today).
REVIEW_CASE = "CM17-0600001"
QA_SOURCE, QA_CASE = CASES / "cm16-0400101.json", "CM17-0600002"
QA_SOURCE_NUMBER = "CM16-0400101"


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


def _case(path: Path) -> str:
    case = case_from_file(path)
    if letter_for_case_number(case.case_number) is None:
        case_import(case=case, actor="demo", replace=True)
        if case.is_decided:
            letter_issue(case_number=case.case_number, actor="demo")
    return case.case_number


def demo_load() -> Path:
    """Idempotent: run it twice and nothing is doubled. Returns the seed letter's PDF."""
    call_command("migrate", verbosity=0, interactive=False)
    _users()
    _panel()
    for path in sorted(CASES.glob("*.json")):
        _case(path)
    demo_records_load()
    _reviewer_at_work()
    _case_in_qa()
    issued = letter_for_case_number(case_from_file(SEED).case_number)
    assert issued is not None
    return Path(settings.MEDIA_ROOT) / issued.pdf_path


def _panel() -> None:
    """The demo panel, so that `make run` can assign reviewers; an existing panel is kept."""
    if reviewer_selectors.panel_version()[0]:
        return
    for reviewer in panel_from_json(PANEL.read_text(encoding="utf-8")).values():
        reviewer_services.reviewer_store(reviewer=reviewer, actor="demo")


def _reviewer_at_work() -> None:
    """The demo reviewer's account opens the case in review: the case is assigned as staff
    would assign it, the account is the first chosen reviewer's, and each chosen reviewer
    attests no conflict (LC 139.5), which opens the case file."""
    user = get_user_model().objects.get(username="reviewer")
    if reviewer_selectors.attested_assignment(user, REVIEW_CASE) is not None:
        return
    assignments = reviewer_services.reviewer_assign(case_number=REVIEW_CASE, actor="demo")
    reviewer_services.reviewer_account_link(
        reviewer_id=assignments[0].reviewer.reviewer_id, username="reviewer", actor="demo"
    )
    for assignment in assignments:
        reviewer_services.assignment_attest(
            assignment_id=assignment.pk, actor="demo", no_conflict=True, statement=""
        )


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
    case_import(case=case_from_document(doc), actor="demo")
    demo_records_copy(QA_SOURCE_NUMBER, QA_CASE)
