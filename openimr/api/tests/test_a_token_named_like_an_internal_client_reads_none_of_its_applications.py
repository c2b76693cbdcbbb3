"""A token reads back the applications its account filed through the API. The filer is
kept as a name, and other doors name theirs too: `openimr applications import` files as
"batch", the demo as "demo", a web or session filing as "user:NAME". A portal's token
named "batch" (a natural name for a nightly upload) read every application imported from
a file, anyone's: now only an API filing is a token's, and no token may take a name of
the form "user:NAME", a person's own filings."""

import copy

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_create
from openimr.api.tests.test_applications_api import (  # noqa: F401 (the fixture)
    _received_on_march_20_2024,
    post,
)
from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.core.clock import now
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _imported(doc):
    (application,) = services.applications_receive(
        filings=[services.Filing(parse_application(doc), now())],
        via="batch",
        actor="cli",
        client="batch",
    )
    return application.case.case_number


def test_a_token_named_batch_does_not_read_the_applications_imported_from_files(
    client, application_doc
):
    User.objects.create_user("nightly", is_staff=True)
    batch = token_create(name="batch", username="nightly")
    number = _imported(application_doc)
    own = post(client, batch, dict(copy.deepcopy(application_doc), claim_number="OWN-1"))

    refused = client.get(
        f"/api/v1/applications/{number}", headers={"Authorization": f"Bearer {batch}"}
    )
    mine = client.get(
        f"/api/v1/applications/{own.json()['case_number']}",
        headers={"Authorization": f"Bearer {batch}"},
    )

    assert refused.status_code == 404, refused.content
    assert mine.status_code == 200


def test_a_token_cannot_be_named_as_a_persons_filings_are():
    User.objects.create_user("portal", is_staff=True)
    with pytest.raises(InvalidInput) as refused:
        token_create(name="user:clerk", username="portal")
    assert refused.value.problems[0].path == "$.name"
