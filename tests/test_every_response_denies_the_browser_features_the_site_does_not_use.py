"""Every response carries a Permissions-Policy that denies, to the page and to anything it
embeds, the browser features openimr never uses: camera, microphone, geolocation, payment,
USB and the others, and interest-based advertising cohorts. No header had been sent, so a
script slipped into a page (or a page framing ours elsewhere) could have asked a reviewer's
browser for the camera or the location, and the visitor's browsing could join an
advertising cohort. Checked on pages, refusals, errors, redirects, the API and a PDF."""

import pytest

from openimr.core.middleware import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db

DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort")


def _policy(header: str) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in header.split(",") if part.strip())


def test_the_policy_denies_each_feature_to_every_origin():
    policy = _policy(PERMISSIONS_POLICY)
    assert {name: policy.get(name) for name in DENIED} == dict.fromkeys(DENIED, "()")
    assert set(policy.values()) == {"()"}


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/decisions/", 200),
        ("/decisions/analytics/", 200),
        ("/decisions/?q=*", 400),
        ("/decisions/CM99-0000000/", 404),
        ("/decisions/CM%00/", 400),
        ("/login/", 200),
        ("/cases/", 302),
        ("/api/v1/decisions", 200),
        ("/api/v1/decisions?year=soon", 422),
        ("/decisions/export.csv", 200),
    ],
)
def test_each_answer_carries_the_policy(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
