"""The wording a notice was served in is kept once for all the notices served in it (a row
of `NoticeWording`, keyed by the SHA-256 of its canonical JSON), not in each notice: nearly
every notice of a year reads the same. A notice still reads as it was served."""

import copy
from datetime import UTC, datetime

import pytest
from django.db import connection

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.services import notices
from openimr.cases.tests.conftest import race_an_open_first
from openimr.letters.domain.template import LetterTemplate
from openimr.letters.render.text import render_text

RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _served(doc, claim="WC-1"):
    doc = {**doc, "claim_number": claim}
    doc.pop("ur_decision_document", None)  # screened out: an ineligibility notice at once
    case = services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case
    return case.notices.get(kind="ineligible")


def _reworded(monkeypatch):
    data = copy.deepcopy(notices._notice_template().data)
    data["ineligible"]["title"] = "Notice That Your Application Cannot Go Forward"
    monkeypatch.setattr(notices, "_notice_template", lambda: LetterTemplate(data, "later"))


@pytest.mark.django_db
def test_two_notices_in_the_same_wording_share_one_row(application_doc):
    first, second = _served(application_doc, "WC-1"), _served(application_doc, "WC-2")
    assert models.NoticeWording.objects.count() == 1
    assert first.wording_id == second.wording_id is not None
    assert "wording" not in first.facts  # kept once, not in each notice
    assert first.title == "Notice of Ineligibility for Independent Medical Review"


@pytest.mark.django_db
def test_a_new_wording_adds_one_row_and_the_old_notice_keeps_its_own(application_doc, monkeypatch):
    before = _served(application_doc, "WC-1")
    _reworded(monkeypatch)
    after, again = _served(application_doc, "WC-2"), _served(application_doc, "WC-3")
    assert models.NoticeWording.objects.count() == 2
    assert after.wording_id == again.wording_id != before.wording_id
    assert after.title == "Notice That Your Application Cannot Go Forward"
    assert models.Notice.objects.get(pk=before.pk).title != after.title
    assert render_text(notices.notice_stored_letter(before)) == before.text


@pytest.mark.django_db
def test_the_same_wording_has_the_same_key_whatever_order_its_tables_were_read_in():
    tables = {"organization": {"name": "IMR", "address": "1 Main St"}, "ineligible": {"a": 1}}
    shuffled = {"ineligible": {"a": 1}, "organization": {"address": "1 Main St", "name": "IMR"}}
    assert models.wording_key(tables) == models.wording_key(shuffled)
    assert models.wording_key(tables) != models.wording_key({**tables, "ineligible": {"a": 2}})


@pytest.mark.django_db
def test_a_wording_stored_by_another_process_after_the_look_up_is_read_not_refused(
    application_doc, monkeypatch
):
    """Another intake stored the same new wording after this one looked for it: the INSERT
    ignores the conflict on the key and the row it stored is used."""
    theirs = _served(application_doc, "WC-1")
    looked_up, calls = notices._wordings_stored, []

    def not_yet_committed(keys):
        calls.append(keys)
        return {} if len(calls) == 1 else looked_up(keys)

    monkeypatch.setattr(notices, "_wordings_stored", not_yet_committed)
    ours = _served(application_doc, "WC-2")
    assert len(calls) == 2
    assert ours.wording_id == theirs.wording_id
    assert models.NoticeWording.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes the write lock at BEGIN, so two intakes cannot race; and its test "
    "database is shared memory, which does not wait for a lock",
)
@pytest.mark.django_db(transaction=True)
def test_two_intakes_storing_the_first_notice_of_a_new_wording_at_once_share_its_row():
    tables = {"organization": {"name": "IMR"}, "ineligible": {"title": "New"}}
    key = models.wording_key(tables)

    def keep():
        return notices.wordings_keep([models.NoticeWording(sha256=key, tables=tables)])

    # The first intake has stored the new wording but not committed when the second looks
    # for it: the second's INSERT waits on the key, then is ignored.
    results, failures = race_an_open_first(keep, keep)

    assert failures == []
    assert len({kept[key].pk for kept in results}) == 1 and len(results) == 2
    assert models.NoticeWording.objects.filter(sha256=key).count() == 1
