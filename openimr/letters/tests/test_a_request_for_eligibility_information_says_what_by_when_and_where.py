"""The Request for Information About Eligibility (8 CCR 9792.10.3(c)) tells the party what
is asked (as staff wrote it), by when and where to send it, and that eligibility is decided
on what is on file if nothing arrives; the employee's copy tells them the application is on
hold. A notices file written before this notice still loads, the shipped wording standing
in; one that gets a key of it wrong is refused."""

import tomllib
from dataclasses import replace

import pytest

from openimr.core.errors import InvalidInput
from openimr.letters.domain.notices import NoticeFacts, build_information_request
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.render.html import render_fragment
from openimr.letters.render.text import render_text

NEED = "The written UR decision of March 1, 2024 (it was not attached).\nAnd the RFA."
FACTS = NoticeFacts(
    case_number="CM24-0000001",
    claim_number="C-1",
    employee_name="Rosa Delgado",
    claims_administrator="SCIF",
    requesting_physician="Dr. Alan Whitcomb",
    ur_decision_date="March 1, 2024",
    application_received="March 20, 2024",
    expedited=False,
    treatments=("MRI of the right knee",),
    sent_on="March 20, 2024",
    party_role="claims_administrator",
    party_asked="the claims administrator (SCIF)",
    information=NEED,
    information_due="April 2, 2024",
)


def _letter(template=None):
    return build_information_request(FACTS, template or load_template(None, NOTICES_PATH))


def test_the_request_says_what_is_asked_of_whom_by_when_and_where():
    letter = _letter()
    text = " ".join(render_text(letter).split())
    assert letter.title == "Request for Information About Eligibility"
    assert "asks the claims administrator (SCIF) for the following" in text
    assert " ".join(NEED.split()) in text
    assert "by April 2, 2024" in text and "case number CM24-0000001" in text
    assert "Sacramento" in text  # the organization's address, where to send it
    assert "eligibility will be decided on what is on file" in text
    assert "A copy of this request is sent to the employee" in text and "on hold" in text


def test_the_employee_asked_is_not_told_a_copy_goes_to_the_employee():
    asked = replace(FACTS, party_role="employee", party_asked="the employee")
    text = " ".join(render_text(build_information_request(asked, _template())).split())
    assert "asks the employee for the following" in text
    assert "copy" not in text and "on hold" in text


def _template():
    return load_template(None, NOTICES_PATH)


def test_what_staff_wrote_is_printed_as_text_not_markup():
    hostile = replace(FACTS, information="<b>send</b> & sign")
    html = render_fragment(build_information_request(hostile, load_template(None, NOTICES_PATH)))
    assert "&lt;b&gt;send&lt;/b&gt; &amp; sign" in html and "<b>send</b>" not in html


def _older(tmp_path, **table):
    data = tomllib.loads(NOTICES_PATH.read_text(encoding="utf-8"))
    del data["information_request"]
    data.update(table)
    lines = []
    for name, keys in data.items():
        lines.append(f"[{name}]")
        for key, value in keys.items():
            items = value if isinstance(value, list) else None
            quoted = "[" + ", ".join(_quoted(v) for v in items) + "]" if items else _quoted(value)
            lines.append(f"{key} = {quoted}")
    path = tmp_path / "notices.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_an_older_notices_file_loads_with_the_shipped_request_wording(tmp_path):
    template = load_template(_older(tmp_path), NOTICES_PATH)
    assert template.text("information_request.title") == (
        "Request for Information About Eligibility"
    )
    assert "on what is on file" in " ".join(render_text(_letter(template)).split())


def test_a_request_table_with_a_wrong_key_is_refused(tmp_path):
    path = _older(tmp_path, information_request={"title": "Request", "subject": "x"})
    with pytest.raises(InvalidInput) as caught:
        load_template(path, NOTICES_PATH)
    assert "template.information_request.subject" in [p.path for p in caught.value.problems]
