"""The notice of a conversion to expedited review and the formulary track were added to the
notices' wording later: an organization's notices file written before them still loads, and
the shipped wording stands in for what it leaves out. A key it gets wrong is still refused."""

import tomllib

import pytest

from openimr.core.errors import InvalidInput
from openimr.letters.domain.template import NOTICES_PATH, load_template


def _older(tmp_path, **change):
    data = tomllib.loads(NOTICES_PATH.read_text(encoding="utf-8"))
    del data["converted"]
    del data["noarfi"]["track_formulary"]
    lines = []
    for table in {**data, **change}:
        keys = data.get(table, {})
        lines.append(f"[{table}]")
        for key, value in {**keys, **change.get(table, {})}.items():
            if isinstance(value, list):
                lines.append(f"{key} = [" + ", ".join(_quoted(v) for v in value) + "]")
            else:
                lines.append(f"{key} = {_quoted(value)}")
    path = tmp_path / "notices.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_an_older_notices_file_loads_with_the_shipped_conversion_wording(tmp_path):
    path = _older(tmp_path, organization={"name": "Acme Review"})
    template = load_template(path, NOTICES_PATH)
    assert template.get("organization.name") == "Acme Review"
    assert template.text("converted.title") == "Notice of Conversion to Expedited Review"
    assert "drug-formulary" in template.text("noarfi.track_formulary")


def test_a_conversion_table_with_a_wrong_key_is_still_refused(tmp_path):
    path = _older(tmp_path, converted={"title": "Converted", "subtitle": "x"})
    with pytest.raises(InvalidInput) as caught:
        load_template(path, NOTICES_PATH)
    assert "template.converted.subtitle" in [p.path for p in caught.value.problems]
