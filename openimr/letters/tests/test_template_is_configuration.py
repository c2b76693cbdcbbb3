"""An organization replaces the wording with its own; a broken template is refused."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.core.errors import InvalidInput
from openimr.letters.domain.template import DEFAULT_PATH, load_template
from openimr.letters.rendering import render


def _own_template(tmp_path, old, new):
    path = tmp_path / "letter.toml"
    path.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path


def test_an_organization_template_changes_name_and_wording(tmp_path, three_item_doc):
    path = _own_template(
        tmp_path, 'name = "openimr Independent Review"', 'name = "Sierra Review Partners"'
    )
    path.write_text(path.read_text().replace('short_name = "openimr"', 'short_name = "Sierra"'))
    text = render(case_from_document(three_item_doc), "text", path).decode()
    assert text.startswith("Sierra Review Partners\n")
    assert "Sierra guideline:" in text
    assert "openimr" not in text


def test_a_case_from_another_organization_keeps_its_name(seed_doc):
    text = render(case_from_document(seed_doc), "text").decode()
    assert text.startswith("MAXIMUS Federal Services\n")


def test_a_template_missing_a_key_is_refused_naming_it(tmp_path):
    path = _own_template(tmp_path, 'after = """', 'afterwards = """')
    with pytest.raises(InvalidInput) as caught:
        load_template(path)
    paths = {p.path for p in caught.value.problems}
    assert paths == {"template.appeal.after", "template.appeal.afterwards"}


def test_a_template_that_is_not_toml_is_refused(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("title = \n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not valid TOML"):
        load_template(path)


def test_a_missing_template_file_is_refused(tmp_path):
    with pytest.raises(InvalidInput, match="cannot read"):
        load_template(tmp_path / "absent.toml")


def test_a_template_that_is_not_utf8_text_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "Décision finale"\n'.encode("latin-1"))
    with pytest.raises(InvalidInput, match="not valid TOML") as caught:
        load_template(path)
    assert str(path) in str(caught.value)
