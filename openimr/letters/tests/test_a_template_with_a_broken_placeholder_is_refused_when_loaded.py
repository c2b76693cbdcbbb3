"""A template text with a brace that is not a placeholder ("{oops", "{0}", "{states:d}")
used to load and then crash every letter it rendered (a traceback in the CLI, a 500 on the
letter pages). It is refused when loaded, naming the key and the file, and a brace written
twice prints as one brace."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.core.errors import InvalidInput
from openimr.letters.domain.template import DEFAULT_PATH, load_template
from openimr.letters.rendering import render

INTRO = 'intro = "The Final Determination rests on the decisions on each disputed item or service below:"'


def _with_intro(tmp_path, intro):
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert INTRO in text
    path = tmp_path / "letter.toml"
    path.write_text(text.replace(INTRO, f"intro = {intro!r}"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "intro",
    [
        "Decisions {below",
        "Decisions below}",
        "Decision {0}:",
        "Decisions {}:",
        "Decisions of {organization.name}:",
        "Decisions in {states:d}:",
        "Decisions of {organization!r}:",
    ],
)
def test_a_text_whose_braces_are_not_placeholders_is_refused_naming_key_and_file(tmp_path, intro):
    path = _with_intro(tmp_path, intro)
    with pytest.raises(InvalidInput) as caught:
        load_template(path)
    assert str(path) in str(caught.value)
    [problem] = caught.value.problems
    assert problem.path == "template.issues.intro"
    assert "{{" in problem.message


def test_a_placeholder_and_a_doubled_brace_print_as_written(tmp_path, three_item_doc):
    path = _with_intro(tmp_path, "{organization} decided each item {{in order}}:")
    text = render(case_from_document(three_item_doc), "text", path).decode("utf-8")
    assert "{organization} decided each item {in order}:" in text  # unknown here: kept


def test_the_organization_name_is_printed_as_written_braces_and_all(tmp_path, three_item_doc):
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    path = tmp_path / "letter.toml"
    path.write_text(
        text.replace('name = "openimr Independent Review"', 'name = "Review {West"'),
        encoding="utf-8",
    )
    rendered = render(case_from_document(three_item_doc), "text", path).decode("utf-8")
    assert rendered.startswith("Review {West\n")
