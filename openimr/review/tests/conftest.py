"""The review's named cast and cases: an intake clerk, the assigned reviewer (Dr. Jane Roe),
another reviewer, a QA physician, the administrator and a visitor who is not logged in."""

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import Group, User

from openimr.cases.interchange import case_from_document
from openimr.cases.models import Application, Case
from openimr.cases.services import case_import
from openimr.letters.models import IssuedLetter
from openimr.review.selectors import ROLES
from openimr.review.tests.fakes import install_records_layer
from openimr.reviewers.models import Assignment, Certification, License, Reviewer

PASSWORD = "a-long-test-password"
CASE = "CM16-0400101"
OTHER_CASE = "CM16-0400102"
QA_URL = f"/review/qa/{CASE}/"


@dataclass
class Cast:
    clerk: User
    reviewer: User
    other_reviewer: User
    qa: User
    admin: User


def person(username: str, *roles: str, **flags: Any) -> User:
    for role in ROLES:
        Group.objects.get_or_create(name=role)  # a transactional test flushes the migration's
    user = User.objects.create_user(username, password=PASSWORD, **flags)
    user.groups.add(*Group.objects.filter(name__in=roles))
    return user


def assign(
    case_number: str, user: User, reviewer_id: str, name: str, items: tuple[int, ...] = ()
) -> Reviewer:
    """An attested reviewer of the case, deciding ``items`` (positions; none: the whole case,
    as a single reviewer is assigned)."""
    reviewer = Reviewer.objects.create(
        reviewer_id=reviewer_id, name=name, user=user, years_in_practice=12, weekly_hours=30
    )
    License.objects.create(reviewer=reviewer, state="CA", number=f"A {reviewer.pk}98765")
    # In force with no end date: the submission and QA's approval check them again.
    Certification.objects.create(
        reviewer=reviewer, board="ABPMR", specialty="physical medicine and rehabilitation"
    )
    Assignment.objects.create(
        case=Case.objects.get(case_number=case_number),
        reviewer=reviewer,
        items=list(items),
        status=Assignment.ATTESTED,
        assigned_at=datetime(2016, 9, 28, 17, tzinfo=UTC),
        assigned_by="clerk",
    )
    return reviewer


def undecided(doc: dict[str, Any], case_number: str = CASE) -> dict[str, Any]:
    """The demo case as it stands under review: nothing decided, no summary yet."""
    doc = json.loads(json.dumps(doc))
    doc.update(case_number=case_number, clinical_summary=None)
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None, reviewer_basis=[], why_not_mtus=None)
    return doc


@pytest.fixture
def cast(db: Any) -> Cast:
    return Cast(
        clerk=person("clerk", "intake", is_staff=True),
        reviewer=person("jroe", "reviewer"),
        other_reviewer=person("mpark", "reviewer"),
        qa=person("qa-doc", "qa"),
        admin=person("admin", is_staff=True, is_superuser=True),
    )


@pytest.fixture
def under_review(cast: Cast, three_item_doc: dict[str, Any]) -> str:
    """The demo case under review, assigned to Dr. Jane Roe; another case to Dr. Park."""
    case_import(case=case_from_document(undecided(three_item_doc)), actor="test")
    case_import(case=case_from_document(undecided(three_item_doc, OTHER_CASE)), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")
    assign(OTHER_CASE, cast.other_reviewer, "R-2", "Min Park")
    return CASE


@pytest.fixture
def in_qa(cast: Cast, three_item_doc: dict[str, Any]) -> str:
    """The demo case as its reviewer decided it, waiting in QA."""
    case_import(case=case_from_document(three_item_doc), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")
    return CASE


@pytest.fixture
def split(cast: Cast, three_item_doc: dict[str, Any]) -> str:
    """The demo case undecided, split: Dr. Jane Roe decides items 1 and 3, Dr. Min Park
    item 2 (LC 139.5(c): each decides only the items of their specialty)."""
    case_import(case=case_from_document(undecided(three_item_doc)), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe", items=(0, 2))
    assign(CASE, cast.other_reviewer, "R-2", "Min Park", items=(1,))
    return CASE


def login(client: Any, user: User) -> Any:
    client.force_login(user)
    return client


@pytest.fixture
def records_layer(monkeypatch: Any) -> SimpleNamespace:
    return install_records_layer(monkeypatch)


def decide_as_published(doc: dict[str, Any], actor: Any, case_number: str = CASE) -> None:
    """The reviewer writes the summary and decides every item as the demo letter did."""
    from openimr.cases.selectors import case_row
    from openimr.core.case import Citation, Decision
    from openimr.review import services

    row = case_row(case_number)
    services.summary_save(row=row, text=doc["clinical_summary"], actor=actor)
    for n, item in enumerate(doc["items"]):
        basis = tuple(Citation(c["mtus"], c["citation"]) for c in item["reviewer_basis"])
        entry = services.ItemInput(
            n, Decision(item["decision"]), basis, item["why_not_mtus"] or "", item["rationale"]
        )
        services.item_save(row=row, entry=entry, actor=actor)


def store_record(case_number: str, pages: tuple[str, ...]) -> Any:
    """An extracted progress note of the case file, as the records layer stores one."""
    from openimr.records.models import Record, RecordPage

    record = Record.objects.create(
        case=Case.objects.get(case_number=case_number),
        filename="progress-note.pdf",
        file_path="records/progress-note.pdf",
        sha256="b" * 64,
        size=2048,
        received_at=datetime(2016, 10, 1, 17, tzinfo=UTC),
        submitted_by="claims_administrator",
        via="upload",
        received_by="clerk",
        kind="progress_note",
        author="Ramón Ortega-Vásquez, MD",
        date_of_service=date(2016, 8, 30),
        title="Progress note",
        status="extracted",
        page_count=len(pages),
    )
    for number, text in enumerate(pages, 1):
        RecordPage.objects.create(record=record, number=number, text=text)
    return record


@pytest.fixture
def issued(client: Any, cast: Cast, in_qa: str) -> Any:
    """The demo case's letter, approved by QA and issued."""
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    return IssuedLetter.objects.get(case__case_number=CASE)


def amend_post(
    client: Any, reason: str, summary: str, rationales: list[str], **changes: Any
) -> Any:
    """Post the amend form as a browser would: its shown values (each item's basis as
    issued), with the given texts and ``changes`` (None drops a field, as an empty select)."""
    shown = client.get(f"{QA_URL}amend/").context["form"].initial
    data = {k: v for k, v in shown.items() if v not in (False, None, "")}
    data.update({"reason": reason, "summary": summary})
    data.update({f"rationale_{n}": text for n, text in enumerate(rationales)})
    data.update(changes)
    return client.post(f"{QA_URL}amend/", {k: v for k, v in data.items() if v is not None})


def item_post(client: Any, **fields: Any) -> Any:
    """Post the first item's decision on the case's workspace, a whole one (upheld, a
    non-MTUS citation with its reason, a rationale) with ``fields`` in place of its own."""
    data = {
        "action": "item",
        "item": "0",
        "item-0-decision": "upheld",
        "item-0-free_citation": "Official Disability Guidelines, Low Back, Physical therapy",
        "item-0-why_not_mtus": "The MTUS does not address visits after a flare of pain.",
        "item-0-rationale": "Lumbar strain with no deficit on examination.",
    }
    data.update(fields)
    return client.post(f"/review/{CASE}/", data)


def application_of(case_number: str = CASE, **fields: Any) -> Application:
    """The case's application as the web form files it (received 2016-09-26), with the
    party addresses and names given; the letter is served from it."""
    values: dict[str, Any] = {
        "received_at": datetime(2016, 9, 26, 17, tzinfo=UTC),
        "received_on": "2016-09-26",
        "via": "web",
        "client": "test",
        "review_type": "regular",
        "claim_number": "CL-1",
        "date_of_injury": "2015-08-03",
        "ur_decision_date": "2016-09-12",
        "ur_service_method": "mail",
    }
    return Application.objects.create(
        case=Case.objects.get(case_number=case_number), **(values | fields)
    )
