"""The staff pages (intake, cases, case file, panel, catalog, print queue) open for intake
staff and the administrator only. A reviewer, a QA physician and a staff account that holds
no role get 404, as for a page that does not exist, and a refused look at a case is
audited."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group, User

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import case_import
from openimr.core.clock import local_date, now
from openimr.reviewers.models import Assignment, License, Reviewer

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"
PAGES = (
    "/cases/",
    "/cases/new/",
    "/cases/queue/",
    f"/cases/{CASE}/",
    f"/cases/{CASE}/timeline/",
    f"/cases/{CASE}/letter/",
    f"/records/{CASE}/",
    "/reviewers/",
    "/reviewers/import/",
    "/guidelines/",
    "/review/print-queue/",
)


def _user(name: str, *, group: str | None = None, **flags: bool) -> User:
    user = User.objects.create_user(name, password="a-long-test-password", **flags)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def case(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    return CASE


@pytest.mark.parametrize(
    ("name", "group", "flags"),
    [
        ("jroe", "reviewer", {}),
        ("qa-doc", "qa", {}),
        ("flag-only", None, {"is_staff": True}),
        ("staff-reviewer", "reviewer", {"is_staff": True}),
    ],
)
def test_reviewers_qa_and_staff_accounts_without_a_role_are_refused(
    client, case, name, group, flags
):
    client.force_login(_user(name, group=group, **flags))
    refused = {url: client.get(url).status_code for url in PAGES}
    assert refused == dict.fromkeys(PAGES, 404)


def test_a_refused_look_at_a_case_is_audited(client, case):
    client.force_login(_user("jroe", group="reviewer"))
    client.get(f"/cases/{CASE}/")
    client.get(f"/records/{CASE}/")
    refused = AuditEvent.objects.filter(actor_label="jroe", action__endswith=".refused")
    assert {e.action for e in refused} == {"case.viewed.refused", "case_file.viewed.refused"}


def test_a_refused_form_post_changes_nothing(client, case):
    client.force_login(_user("qa-doc", group="qa"))
    before = Case.objects.get(case_number=CASE).state
    response = client.post(f"/cases/{CASE}/action/", {"action": "withdraw", "note": "no"})
    assert response.status_code == 404
    assert Case.objects.get(case_number=CASE).state == before


@pytest.mark.parametrize(
    ("name", "group", "flags"),
    [
        ("clerk", "intake", {}),
        ("clerk-staff", "intake", {"is_staff": True}),
        ("admin", None, {"is_superuser": True, "is_staff": True}),
    ],
)
def test_intake_staff_and_the_administrator_open_every_staff_page(client, case, name, group, flags):
    client.force_login(_user(name, group=group, **flags))
    opened = {url: client.get(url).status_code for url in PAGES}
    assert opened == dict.fromkeys(PAGES, 200)


@pytest.fixture
def proposed(case):
    reviewer = Reviewer.objects.create(
        reviewer_id="R-1",
        name="Jane Q. Roe",
        years_in_practice=12,
        weekly_hours=30,
        last_verified=local_date(now()),
    )
    License.objects.create(reviewer=reviewer, state="CA", number="A 198765")
    # Board certified too: a reviewer who does not qualify when attesting is withdrawn.
    reviewer.certifications.create(board="ABOS", specialty="Orthopedic Surgery")
    return Assignment.objects.create(
        case=Case.objects.get(case_number=CASE),
        reviewer=reviewer,
        assigned_at=datetime(2016, 9, 28, 17, tzinfo=UTC),
        assigned_by="clerk",
    )


def test_a_staff_flag_without_the_intake_role_cannot_record_an_attestation(client, proposed):
    client.force_login(_user("flag-only", is_staff=True))
    response = client.post(f"/reviewers/attest/{proposed.pk}/", {"answer": "no_conflict"})
    assert response.status_code == 404
    proposed.refresh_from_db()
    assert proposed.status == "proposed"


def test_intake_staff_record_the_reviewers_written_attestation(client, proposed):
    client.force_login(_user("clerk", group="intake"))
    response = client.post(f"/reviewers/attest/{proposed.pk}/", {"answer": "no_conflict"})
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == "attested"
