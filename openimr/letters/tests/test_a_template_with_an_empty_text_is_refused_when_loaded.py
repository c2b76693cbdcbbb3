"""A replacement template that leaves a text empty (``title = ""``, or only spaces) used to
load and print a letter with no title or a missing paragraph. Every text the shipped
wording fills must be filled: it is refused when loaded, naming the key and the file."""

import pytest

from openimr.core.errors import InvalidInput
from openimr.letters.domain.template import DEFAULT_PATH, load_template

TITLE = 'title = "Final Determination Letter"'
INTRO = 'intro = "The Final Determination rests on the decisions on each disputed item or service below:"'


def _replaced(tmp_path, old, new):
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "letter.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (TITLE, 'title = ""', "template.title"),
        (TITLE, 'title = "   "', "template.title"),
        (INTRO, 'intro = """\n"""', "template.issues.intro"),
    ],
)
def test_an_empty_text_is_refused_naming_key_and_file(tmp_path, old, new, key):
    path = _replaced(tmp_path, old, new)
    with pytest.raises(InvalidInput) as caught:
        load_template(path)
    assert str(path) in str(caught.value)
    [problem] = caught.value.problems
    assert problem.path == key
    assert "empty" in problem.message


def test_a_filled_replacement_still_loads(tmp_path):
    path = _replaced(tmp_path, TITLE, 'title = "Determination"')
    assert load_template(path).get("title") == "Determination"
