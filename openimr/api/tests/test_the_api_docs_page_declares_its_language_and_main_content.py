"""The API's interactive docs (/api/v1/docs, django-ninja's Swagger UI page) declare their
language and hold their content in a <main> landmark, as the site's pages do: a screen
reader read the page with no language (WCAG 3.1.1) and found no main content to jump to
(axe-core: html-has-lang, landmark-one-main)."""

from tests.a11y_html import parse


def test_the_docs_page_is_in_english_with_its_content_in_main(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert page.all("html")[0].attrs.get("lang") == "en"
    (main,) = page.all("main")
    assert main.attrs.get("id") == "swagger-ui"  # where Swagger UI draws the operations
