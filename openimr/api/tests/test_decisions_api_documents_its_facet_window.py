"""The OpenAPI description of GET /api/v1/decisions tells a client over which matches the
facet counts are taken, as docs/api.md does: the most recently added FACET_CAP of them."""

from openimr.decisions.search import FACET_CAP


def test_the_search_description_names_the_facet_window(client):
    document = client.get("/api/v1/openapi.json").json()
    description = document["paths"]["/api/v1/decisions"]["get"]["description"]
    assert f"{FACET_CAP:,} most recently added" in description
    assert "first 10,000 matches" not in description
