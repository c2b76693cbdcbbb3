"""A database whose notices keep their wording in their facts (as each notice did before the
wordings were kept once): the upgrade moves each wording to one row per distinct wording,
each notice referring to its own, and each notice still reads as it was served. A notice
frozen before the wording was kept at all still reads in today's wording."""

import copy
from datetime import UTC, datetime

import pytest

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.services import notices
from openimr.letters.domain.template import LetterTemplate
from openimr.letters.render.text import render_text
from tests.migrating import back_at, migrate_to

BEFORE = [("cases", "0009_claim_number_compared_however_written")]
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
MOVED = "Independent Medical Review, 1 New Street, Fresno, CA 93721"


def _served(doc, claim):
    doc = {**doc, "claim_number": claim}
    doc.pop("ur_decision_document", None)
    case = services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=AT
    ).application.case
    return case.notices.get(kind="ineligible")


def _reworded(monkeypatch):
    data = copy.deepcopy(notices._notice_template().data)
    data["organization"]["address"] = MOVED
    monkeypatch.setattr(notices, "_notice_template", lambda: LetterTemplate(data, "later"))


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_keeps_each_distinct_wording_once_and_each_notice_reads_as_served(
    application_doc, monkeypatch
):
    first, second = _served(application_doc, "WC-1"), _served(application_doc, "WC-2")
    _reworded(monkeypatch)
    moved = _served(application_doc, "WC-3")
    with back_at(BEFORE) as old:
        OldNotice = old.get_model("cases", "Notice")
        assert all("wording" in n.facts for n in OldNotice.objects.all())
        bare = OldNotice.objects.get(pk=first.pk)  # as if frozen before the wording was kept
        OldNotice.objects.create(
            case_id=bare.case_id, kind="ineligible", created_at=AT, text="(older)",
            facts={k: v for k, v in bare.facts.items() if k != "wording"},
        )  # fmt: skip

        migrate_to(None)
    assert models.NoticeWording.objects.count() == 2
    after = {n.pk: n for n in models.Notice.objects.all()}
    assert not any("wording" in n.facts for n in after.values())
    assert after[first.pk].wording_id == after[second.pk].wording_id
    assert after[moved.pk].wording_id != after[first.pk].wording_id
    for notice in (first, second, moved):
        assert render_text(notices.notice_stored_letter(after[notice.pk])) == notice.text
    (older,) = (n for n in after.values() if n.text == "(older)")
    assert older.wording is None
    assert MOVED in render_text(notices.notice_stored_letter(older))  # today's wording


@pytest.mark.django_db(transaction=True)
def test_a_downgrade_puts_each_notices_wording_back_in_its_facts(application_doc):
    notice = _served(application_doc, "WC-1")
    tables = notice.wording.tables
    with back_at(BEFORE) as old:
        assert old.get_model("cases", "Notice").objects.get(pk=notice.pk).facts["wording"] == tables
        migrate_to(None)
    assert models.Notice.objects.get(pk=notice.pk).wording.tables == tables
