"""A correction sent twice (a double click, a resent form) is refused rather than served to
every party again. It was recognised by the PDF's SHA-256, so any change in how the PDF is
rendered (now tagged, a font updated) made the same correction look new. It is now
recognised by what it says: the corrected case, the reason and the letter's text."""

import pytest

from openimr.letters import services as letter_services
from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import QA_URL, amend_post, login

pytestmark = pytest.mark.django_db
REASON = "A typo in the summary."


def _correct(client, reason: str = REASON):
    form = client.get(f"{QA_URL}amend/").context["form"].initial
    rationales = [form[f"rationale_{n}"] for n in range(3)]
    return amend_post(client, reason, form["summary"] + " Corrected.", rationales)


@pytest.fixture
def rerendered(monkeypatch):
    """Each render gives different bytes, as a new renderer would for the same letter."""
    real, renders = letter_services.render_pdf_bytes, []

    def render(letter):
        renders.append(1)
        return real(letter) + f"\n%render {len(renders)}\n".encode()

    monkeypatch.setattr(letter_services, "render_pdf_bytes", render)
    return renders


def test_a_rerendered_repeat_of_a_correction_is_refused(client, cast, issued, rerendered):
    login(client, cast.qa)
    assert _correct(client).status_code == 302
    # The form is sent again: the form starts from the correction, so it carries it again.
    first = AmendedLetter.objects.get(number=1)
    form = client.get(f"{QA_URL}amend/").context["form"].initial
    rationales = [form[f"rationale_{n}"] for n in range(3)]
    response = amend_post(client, REASON, form["summary"], rationales)
    assert response.status_code == 422
    body = response.content.decode()
    assert "this correction is word for word amended letter 1" in body
    assert AmendedLetter.objects.count() == 1
    assert first.pdf_sha256  # the stored letter is the one served, untouched


def test_a_new_reason_serves_the_same_wording_again(client, cast, issued, rerendered):
    login(client, cast.qa)
    _correct(client)
    form = client.get(f"{QA_URL}amend/").context["form"].initial
    rationales = [form[f"rationale_{n}"] for n in range(3)]
    response = amend_post(
        client, "Served again: the attorney's copy was lost.", form["summary"], rationales
    )
    assert response.status_code == 302
    assert AmendedLetter.objects.count() == 2
