"""The OpenAPI document names each schema by its class name, so two answer schemas of the
same name (the reviewer's and the public corpus's `ItemOut`) collapse into one and an
operation declares a shape it does not give. Each name is taken by one schema, and the
reviewer's answer matches the schema declared for it."""

import typing

import jsonschema
import pytest
from pydantic import BaseModel

from openimr.api.urls import api
from openimr.review.tests.conftest import CASE, cast, login, under_review

pytestmark = pytest.mark.django_db
__all__ = ["cast", "under_review"]  # fixtures of the review's cast, used here


def _models(annotation: object, found: dict[str, set[type]]) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in found.setdefault(annotation.__name__, set()):
            return
        found[annotation.__name__].add(annotation)
        for field in annotation.model_fields.values():
            _models(field.annotation, found)
    for argument in typing.get_args(annotation):
        _models(argument, found)


def test_no_two_answer_schemas_share_a_name():
    found: dict[str, set[type]] = {}
    for _, router in api._routers:
        for view in router.path_operations.values():
            for operation in view.operations:
                for wrapper in operation.response_models.values():  # ninja's, per status
                    _models(wrapper.model_fields["response"].annotation, found)
    shared = {name: classes for name, classes in found.items() if len(classes) > 1}
    assert shared == {}


def test_the_reviewers_answer_matches_its_declared_schema(client, cast, under_review):
    document = client.get("/api/v1/openapi.json").json()
    response = login(client, cast.reviewer).get(f"/api/v1/review/{CASE}")
    assert response.status_code == 200
    assert response.json()["items"][0]["decision"] is None  # undecided: nulls included
    declared = document["paths"]["/api/v1/review/{case_number}"]["get"]["responses"]["200"]
    schema = declared["content"]["application/json"]["schema"]
    jsonschema.validate(
        response.json(),
        {**schema, "components": document["components"]},
        cls=jsonschema.Draft202012Validator,
    )
