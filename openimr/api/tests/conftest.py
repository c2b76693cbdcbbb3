"""The API clients the tests call as: a claims administrator's portal account (staff, as
every token's account must be) and its token."""

import pytest
from django.contrib.auth import get_user_model

from openimr.api.services import token_create

# As the demo case names its administrator ("Golden State Claims Services, Inc."), written
# another way: registering matches names whatever their case and punctuation.
ADMINISTRATOR = "Golden State Claims Services Inc"


@pytest.fixture
def token() -> str:
    """A portal's token, for no administrator in particular: it files applications."""
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    return token_create(name="portal", username="claims-portal")


@pytest.fixture
def administrator_token() -> str:
    """The portal of the administrator the demo case names: it reaches that case's file."""
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    return token_create(name="portal", username="claims-portal", administrator=ADMINISTRATOR)
