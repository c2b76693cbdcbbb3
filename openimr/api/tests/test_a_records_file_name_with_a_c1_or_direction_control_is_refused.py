"""A record's file name is printed in the case file and given to the browser that saves it:
one holding DEL or a C1 control (U+0085 breaks a line), or a text-direction control, which
makes "scan\u202efdp.exe" read "scanexe.pdf" where it is saved, is refused 422 at
``$.filename`` and nothing is stored, as the C0 controls were and as the application's text
refuses them. Only C0 controls had been refused."""

import pytest

from openimr.api.tests.test_documents_api import (  # noqa: F401 (the fixtures)
    _setup,
    document,
    post,
    token,
)
from openimr.records.models import Record

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("scan\x7f.pdf", "must be at most 255 printable characters"),
        ("scan\x85page-2.pdf", "must be at most 255 printable characters"),
        (
            "scan\u202efdp.exe",
            "must not contain text-direction controls (U+202A to U+202E, U+2066 to U+2069)",
        ),
        (
            "\u2067report.pdf",
            "must not contain text-direction controls (U+202A to U+202E, U+2066 to U+2069)",
        ),
    ],
)
def test_the_name_is_refused_at_its_field_and_nothing_is_stored(
    client,
    token,  # noqa: F811
    document,  # noqa: F811
    name,
    said,
):
    response = post(client, token, {**document, "filename": name})
    assert response.status_code == 422, response.content[:300]
    assert response.json()["error"]["fields"] == [{"path": "$.filename", "message": said}]
    assert Record.objects.count() == 0


def test_a_name_in_another_script_is_kept_as_sent(client, token, document):  # noqa: F811
    response = post(client, token, {**document, "filename": "informe-médico-東京.pdf"})
    assert response.status_code == 201, response.content[:300]
    assert Record.objects.get().filename == "informe-médico-東京.pdf"
