"""A control character typed or pasted into the search (ESC, DEL, a C1 control) is read and
shown as a space, as NUL always was: "knee\\x1bpain" had been one word, searched as the
phrase "knee pain" where "knee\\x00pain" is two words, and the page echoed the ESC, which
HTML forbids. In a specialty too: PostgreSQL's lexeme had read "Orthopedic\\x1bSurgery" as
"Orthopedic Surgery", FTS5 as no specialty at all. Run on each database (DATABASE_URL for
PostgreSQL)."""

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

CONTROLS = ["\x1b", "\x01", "\x7f", "\x85", "\x9b"]


@pytest.fixture
def letters() -> None:
    make_decision(case_number="CM16-0000001", summary="Pain in the left knee after a fall.")
    make_decision(
        case_number="CM16-0000002",
        summary="Knee pain at rest.",
        specialties=("Physical Medicine & Rehabilitation",),
    )


@pytest.mark.parametrize("control", CONTROLS)
def test_a_control_character_parts_two_words_as_a_space_does(client, letters, control):
    answer = client.get("/api/v1/decisions", {"q": f"knee{control}pain"}).json()
    assert answer["searched_words"] == ["knee", "pain"]
    assert [hit["case_number"] for hit in answer["results"]] == ["CM16-0000002", "CM16-0000001"]


@pytest.mark.parametrize("control", CONTROLS)
def test_the_page_shows_a_space_where_a_control_character_was_typed(client, letters, control):
    body = client.get("/decisions/", {"q": f"knee{control}pain"}).content.decode()
    assert control not in body
    assert 'value="knee pain"' in body


def test_a_box_of_control_characters_alone_is_an_empty_box(client, letters):
    answer = client.get("/api/v1/decisions", {"q": "\x01\x1b\x7f"}).json()
    assert answer["searched_words"] == [] and answer["total"] == 2


@pytest.mark.parametrize("control", ["\x00", *CONTROLS])
def test_a_control_character_in_a_specialty_parts_its_words(client, letters, control):
    typed = f"Physical Medicine{control}and Rehabilitation"
    answer = client.get("/api/v1/decisions", {"specialty": typed}).json()
    assert [hit["case_number"] for hit in answer["results"]] == ["CM16-0000002"]
