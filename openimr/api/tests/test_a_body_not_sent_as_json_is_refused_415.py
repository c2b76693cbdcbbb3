"""A write's body is read as JSON only when it is sent as application/json (docs/api.md):
one sent as a form (``curl -d`` sends ``application/x-www-form-urlencoded``), as text, as
multipart or with no type at all is refused 415 ``unsupported_media_type`` at ``$``,
naming the type sent, and nothing is filed. Any body had been read as JSON whatever its
type: the application filed, and a form told its JSON was broken."""

import json

import pytest

from openimr.api.domain.json_body import media_type_problem
from openimr.api.tests.test_applications_api import (  # noqa: F401 (the fixture)
    _received_on_march_20_2024,
)
from openimr.cases import models


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content_type", "said"),
    [
        ("", "has no Content-Type; send it as application/json"),
        ("text/plain", "is sent as text/plain; send it as application/json"),
        (
            "application/x-www-form-urlencoded",
            "is sent as application/x-www-form-urlencoded; send it as application/json",
        ),
        ("application/json; charset=latin-1", "is sent in the charset latin-1; send it in UTF-8"),
    ],
)
def test_an_application_not_sent_as_json_is_refused_415_and_not_filed(
    client, token, application_doc, content_type, said
):
    response = client.generic(
        "POST",
        "/api/v1/applications",
        data=json.dumps(application_doc).encode(),
        content_type=content_type,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 415, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == "unsupported_media_type"
    assert error["fields"] == [{"path": "$", "message": said}]
    assert models.Case.objects.count() == 0


@pytest.mark.parametrize(
    ("content_type", "charset"),
    [("application/json", None), ("Application/JSON", "UTF-8"), ("application/json", "utf8")],
)
def test_json_is_read_in_any_letter_case_with_or_without_its_utf8_charset(content_type, charset):
    assert media_type_problem(content_type, charset) == ""
