"""Odd text typed into the search box is answered alike on the page, in the API, in the
exports and by the CLI, on both databases (DATABASE_URL for PostgreSQL): an underscore alone
is no word, as "%" is none (it had been searched, and found nothing behind "matching “_”");
a soft hyphen or a zero-width character pasted inside a word no longer cuts it in two
("lum\u00adbar" had found no lumbar letter, behind a box showing "lumbar"); "%" and "_"
are no wildcards; a query over the limit says how long it was; a bidirectional control
("\u202e") is read and shown as a space, not turning the rest of the page's line around.
Right-to-left words are searched and shown as typed."""

import csv
import io

import pytest

from openimr.cli import main
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db(transaction=True)

LUMBAR, KNEE = "CM16-0000001", "CM16-0000002"
SURFACES = [
    ("/decisions/", 400, "The search box"),
    ("/api/v1/decisions", 422, "$.q"),
    ("/decisions/export.csv", 400, "$.q"),
]


@pytest.fixture
def corpus() -> None:
    make_decision(case_number=LUMBAR, summary="Lumbar strain.", items=[item("Lumbar MRI")])
    make_decision(case_number=KNEE, summary="Knee pain.", items=[item("Knee brace")])


def _found(text: str) -> set[str]:
    return {hit.case_number for hit in search(parse({"q": text})).hits}


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


@pytest.mark.parametrize("text", ["_", "__", "_ %", "-_"])
@pytest.mark.parametrize(("path", "status", "place"), SURFACES)
def test_underscores_alone_are_no_word_to_search_for(client, corpus, text, path, status, place):
    response = client.get(path, {"q": text})
    assert response.status_code == status
    assert f"{place}: holds no letter or digit to search for" in _body(response)


@pytest.mark.parametrize(
    "text",
    ["lum\u00adbar", "lum\u200bbar", "\ufefflumbar", "lum\u200dbar MRI", '"lum\u00adbar mri"'],
)
def test_an_invisible_character_inside_a_word_leaves_it_whole(client, corpus, text):
    assert _found(text) == {LUMBAR}
    body = client.get("/api/v1/decisions", {"q": text}).json()
    assert body["searched_words"][0] in ("lumbar", "lumbar mri")


@pytest.mark.parametrize(("text", "found"), [("%knee%", {KNEE}), ("kn_e", set()), ("kn%", set())])
def test_percent_and_underscore_are_no_wildcards(corpus, text, found):
    assert _found(text) == found


@pytest.mark.parametrize(("path", "status", "place"), SURFACES)
def test_a_query_over_the_limit_says_how_long_it_was(client, corpus, path, status, place):
    response = client.get(path, {"q": "lumbar " * 90})
    assert response.status_code == status
    assert f"{place}: is 629 characters long; at most 500 characters" in _body(response)


def test_the_cli_refuses_it_alike_and_writes_nothing(corpus, tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["corpus", "export", "--format", "csv", "--q", "knee " * 101, "-o", str(out)]) == 2
    assert "--q: is 504 characters long; at most 500 characters" in capsys.readouterr().err
    assert not out.exists()


def test_the_cli_exports_what_the_page_finds_for_pasted_text(client, corpus, tmp_path):
    out = tmp_path / "out.csv"
    assert main(["corpus", "export", "--format", "csv", "--q", "lum\u00adbar", "-o", str(out)]) == 0
    with out.open(newline="", encoding="utf-8-sig") as handle:
        assert {row["case_number"] for row in csv.DictReader(handle)} == {LUMBAR}
    response = client.get("/decisions/export.csv", {"q": "lum\u00adbar"})
    rows = csv.DictReader(io.StringIO(_body(response)))
    assert {row["case_number"] for row in rows} == {LUMBAR}


def test_the_api_says_how_long_q_may_be(client):
    schema = client.get("/api/v1/openapi.json").json()
    params = schema["paths"]["/api/v1/decisions"]["get"]["parameters"]
    [q] = [p for p in params if p["name"] == "q"]
    assert q["schema"]["maxLength"] == 500


@pytest.mark.parametrize("control", ["\u202e", "\u202b", "\u2067", "\u200f"])
def test_a_bidirectional_control_is_a_space_searched_and_shown(client, corpus, control):
    text = f"knee{control}pain"
    assert _found(text) == {KNEE}
    page = client.get("/decisions/", {"q": text}).content.decode()
    assert control not in page and "matching “knee pain”" in page
    body = client.get("/api/v1/decisions", {"q": text}).json()
    assert body["searched_words"] == ["knee", "pain"]


def test_right_to_left_words_are_searched_and_shown_as_typed(client):
    make_decision(case_number=LUMBAR, summary="Lumbar strain; ألم أسفل الظهر. כאב גב.")
    assert _found("الظهر") == {LUMBAR} == _found("כאב")
    page = client.get("/decisions/", {"q": "כאב"}).content.decode()
    assert "1 decision matching “כאב”" in page


def test_the_cli_exports_the_letters_writing_the_number(tmp_path):
    make_decision(case_number=LUMBAR, summary="Lidocaine 5% cream.")
    make_decision(case_number=KNEE, summary="Lidocaine 0.5% solution.")
    out = tmp_path / "out.csv"
    # A decimal typed is checked in each letter's text (on SQLite too, whose index reads
    # "0.5" as "0" "5"): the letter writing "5%" is not exported.
    assert (
        main(["corpus", "export", "--format", "csv", "--q", "lidocaine 0.5%", "-o", str(out)]) == 0
    )
    with out.open(newline="", encoding="utf-8-sig") as handle:
        assert {row["case_number"] for row in csv.DictReader(handle)} == {KNEE}
