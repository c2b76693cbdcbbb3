"""Demo data for `make run`: the seed letter's case, three more with their case files, two
staff logins."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from openimr.cases.interchange import case_from_file
from openimr.cases.services import case_import
from openimr.demo.record_files import demo_records_load
from openimr.letters.selectors import letter_for_case_number
from openimr.letters.services import letter_issue
from openimr.reviewers import selectors as reviewer_selectors
from openimr.reviewers import services as reviewer_services
from openimr.reviewers.panel_format import panel_from_json

CASES = Path(__file__).parent / "cases"
PANEL = Path(__file__).parent / "panel.json"
SEED = CASES / "seed-90bd304bc794ee83.json"
# Demo-only passwords for a local, throwaway database; `make run` prints them.
USERS = (
    ("staff", "staff-demo-password", False),
    ("admin", "admin-demo-password", True),
)


def _users() -> None:
    model = get_user_model()
    for username, password, superuser in USERS:
        user, created = model.objects.get_or_create(username=username, defaults={"is_staff": True})
        if created:
            user.set_password(password)
            user.is_superuser = superuser
            user.save()


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
    issued = letter_for_case_number(case_from_file(SEED).case_number)
    assert issued is not None
    return Path(settings.MEDIA_ROOT) / issued.pdf_path


def _panel() -> None:
    """The demo panel, so that `make run` can assign reviewers; an existing panel is kept."""
    if reviewer_selectors.panel_version()[0]:
        return
    for reviewer in panel_from_json(PANEL.read_text(encoding="utf-8")).values():
        reviewer_services.reviewer_store(reviewer=reviewer, actor="demo")
