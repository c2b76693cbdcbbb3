"""A real Chromium reads the Permissions-Policy header as meant: the search page may not use
the camera, the microphone, the location or payments, and the browser reports no error in
the header (a misspelt one would be dropped whole, with a console message only)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DENIED = ("camera", "microphone", "geolocation", "payment", "usb")


def test_the_search_page_may_use_none_of_the_features_and_the_header_parses(
    live_server, page, three_lumbar_letters
):
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(f"{live_server.url}/decisions/")
    allowed = page.evaluate(
        "names => names.filter(name => document.featurePolicy.allowsFeature(name))",
        list(DENIED),
    )
    assert allowed == []
    assert [m for m in messages if "Permissions-Policy" in m] == [], messages
