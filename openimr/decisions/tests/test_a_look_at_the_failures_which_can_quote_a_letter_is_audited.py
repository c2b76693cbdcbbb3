"""The failures page shows each failed file's reason as it was met, and a parser bug's
message can quote the letter it met it in, read before de-identification: the page can
show a patient's name. Each look at it is audited with the files it showed, and a refusal
too (HIPAA 45 CFR 164.312(b))."""

import pytest
from django.contrib.auth import get_user_model

from openimr.audit.models import AuditEvent
from openimr.decisions.models import SourceFile
from openimr.decisions.services import corpus_ingest, ingest

pytestmark = pytest.mark.django_db
URL = "/decisions/failures/"
LINE = "Patient: Mary Major, born 02/03/1961"


@pytest.fixture
def quoted(tmp_path, monkeypatch):
    """A letter whose parse met a bug that quotes the line it was reading."""

    def parser_bug(data: bytes):
        raise ValueError(f"invalid literal for int() with base 10: {LINE!r}")

    monkeypatch.setattr(ingest, "read_published", parser_bug)
    (tmp_path / "letter.txt").write_text(f"INDEPENDENT MEDICAL REVIEW\n{LINE}\n", encoding="utf-8")
    corpus_ingest([tmp_path], actor="test")
    return SourceFile.objects.get(name__endswith="letter.txt")


def test_the_reason_quoting_the_letter_is_shown_and_the_look_audited(client, staff_client, quoted):
    page = client.get(URL).content.decode()
    assert "Mary Major" in page
    viewed = AuditEvent.objects.get(action="corpus.failures_viewed")
    assert (viewed.actor_label, viewed.object_id) == ("clerk", "decisions:failures")
    assert viewed.detail == {"files": [quoted.sha256]}


def test_a_user_without_a_staff_role_is_refused_and_recorded(client, quoted):
    user = get_user_model().objects.create_user("someone", password="a-long-test-password")
    client.force_login(user)
    assert client.get(URL).status_code == 404
    assert AuditEvent.objects.filter(action="corpus.failures_viewed.refused").count() == 1
    assert not AuditEvent.objects.filter(action="corpus.failures_viewed").exists()
