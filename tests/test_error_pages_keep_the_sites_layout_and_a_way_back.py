"""A visitor who follows a stale link to a withdrawn or mistyped decision, sends an address
the server refuses, or meets a server error sees a page of openimr, not Django's bare
"Not Found": in English (lang), titled, one heading, the skip link, and a way on: the
decision search (which opens a letter by its case number) and the statistics. With
debug off, as in production: Django's own pages are used only when ours are missing."""

import pytest
from django.test import Client, RequestFactory
from django.views import defaults

from tests.a11y_html import Page, parse, text

pytestmark = pytest.mark.django_db


def _layout_problems(page: Page, heading: str) -> list[str]:
    problems = []
    if page.all("html")[0].attrs.get("lang") != "en":
        problems.append("no lang")
    if [text(h) for h in page.all("h1")] != [heading]:
        problems.append(f"headings {[text(h) for h in page.all('h1')]}")
    links = [a.attrs.get("href") for a in page.all("a")]
    if links[:1] != ["#content"]:
        problems.append("no skip link first")
    if "/decisions/" not in links or "/decisions/analytics/" not in links:
        problems.append(f"no way back to the decisions: {links}")
    return problems


def test_a_decision_no_one_published_answers_404_with_the_sites_page_and_a_search(client):
    response = client.get("/decisions/CM99-9999999/")
    assert response.status_code == 404
    page = parse(response.content.decode())
    assert _layout_problems(page, "Page not found") == []
    assert "Page not found · openimr" in text(page.all("title")[0])
    # The search box opens a letter by its number: the visitor can type it again.
    forms = [f for f in page.all("form") if f.attrs.get("action") == "/decisions/"]
    assert [f.attrs.get("method") for f in forms] == ["get"]
    assert [c.attrs.get("name") for c in page.controls()] == ["q"]
    assert "/decisions/CM99-9999999/" in response.content.decode()


def test_an_unknown_address_anywhere_answers_404_with_the_sites_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert _layout_problems(parse(response.content.decode()), "Page not found") == []


def test_a_server_error_shows_the_sites_page_and_says_what_to_do():
    # Django renders 500.html with no request context (the error may be in the context).
    response = defaults.server_error(RequestFactory().get("/decisions/"))
    assert response.status_code == 500
    page = parse(response.content.decode())
    assert _layout_problems(page, "Something went wrong") == []
    assert "try again" in response.content.decode()


def test_a_refused_request_shows_the_sites_page():
    response = defaults.bad_request(RequestFactory().get("/decisions/"), Exception("bad host"))
    assert response.status_code == 400
    page = parse(response.content.decode())
    assert _layout_problems(page, "This request could not be read") == []
    assert "bad host" not in response.content.decode()  # no detail of the refusal


def test_a_form_sent_without_its_csrf_token_says_to_reload_and_send_again():
    # A login page left open past its token's life, or a browser refusing cookies: Django's
    # own page (unstyled: the CSP refuses its inline style) said only "CSRF verification
    # failed. Request aborted."
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "someone", "password": "x"})
    assert response.status_code == 403
    page = parse(response.content.decode())
    assert _layout_problems(page, "This form could not be sent") == []
    body = text(page.by_id("content"))
    assert "reload the page" in body and "cookies" in body
    assert "CSRF" not in body
