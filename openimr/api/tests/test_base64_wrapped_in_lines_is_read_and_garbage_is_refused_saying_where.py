"""A PDF sent as base64 is often wrapped in lines: the `base64` tool and MIME write 76
characters a line (RFC 2045 section 6.8), and a client that pastes such a file into its JSON
sends the line breaks too. The decoder refused every such upload with a bare "is not valid
base64", a record and an application's UR decision alike, and a client could not tell
which of a million characters was wrong. Line breaks and spaces are now taken out; any
other character outside the alphabet is still refused, with its line and column."""

import base64
import hashlib
import json

import pytest
import time_machine

from openimr.cases import models as cases
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.records.models import Record
from openimr.records.tests.receiving import IMMEDIATE, PROGRESS_NOTE, pdf_of

pytestmark = pytest.mark.django_db
URL = "/api/v1/cases/CM16-0400101/documents"
PDF = pdf_of(*PROGRESS_NOTE)
LF = base64.encodebytes(PDF).decode()  # as `base64` writes it: 76 characters, then "\n"
CRLF = LF.replace("\n", "\r\n")  # as MIME writes it
WRAPPED = {"base64 tool": LF, "MIME": CRLF, "spaces and tabs": LF.replace("\n", " \t")}
WHAT = "is not a base64 character (A-Z, a-z, 0-9, + and /; line breaks and spaces are ignored)"


@pytest.fixture(autouse=True)
def _case(settings, three_item_doc):
    settings.TASKS = IMMEDIATE
    case_import(case=case_from_document(three_item_doc), actor="test")


def _post(client, token, url, body):
    return client.post(
        url,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def _send(client, token, content):
    body = {
        "filename": "pr2.pdf",
        "content_base64": content,
        "submitted_by": "claims_administrator",
    }
    return _post(client, token, URL, body)


def _refusal(response):
    assert response.status_code == 422, response.content
    assert Record.objects.count() == 0
    [field] = response.json()["error"]["fields"]
    assert field["path"] == "$.content_base64"
    return field["message"]


@pytest.mark.parametrize("content", WRAPPED.values(), ids=WRAPPED.keys())
def test_a_record_wrapped_in_lines_is_stored_as_the_file_sent(client, administrator_token, content):
    assert "\n" in LF and max(len(line) for line in LF.splitlines()) == 76
    response = _send(client, administrator_token, content)
    assert response.status_code == 201, response.content
    assert response.json()["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert Record.objects.get().size == len(PDF)


def test_a_character_outside_base64_is_refused_at_its_line_and_column(client, administrator_token):
    lines = LF.splitlines(keepends=True)
    lines[2] = lines[2][:4] + "%" + lines[2][5:]
    message = _refusal(_send(client, administrator_token, "".join(lines)))
    assert message == f"is not valid base64: “%” (U+0025) at line 3, column 5 {WHAT}"


def test_base64url_is_refused_naming_the_character_base64_writes_instead(
    client, administrator_token
):
    message = _refusal(_send(client, administrator_token, "JVBERi0x-AAA"))
    assert message == (
        f"is not valid base64: “-” (U+002D) at character 9 {WHAT}; "
        "base64url writes “-” where base64 writes “+”"
    )


def test_an_invisible_character_is_named_by_its_code(client, administrator_token):
    message = _refusal(_send(client, administrator_token, LF[:80] + "\u00a0" + LF[80:]))
    assert message == f"is not valid base64: U+00A0 at line 2, column 4 {WHAT}"


def test_a_file_cut_short_is_refused_saying_so(client, administrator_token):
    cut = LF.rstrip("\n")[:-1]  # the last line loses one character
    data = cut.replace("\n", "")
    message = _refusal(_send(client, administrator_token, cut))
    assert message == (
        f"is not valid base64: its {len(data):,} characters (line breaks and spaces aside) are "
        "not whole groups of four: it was cut short, or its padding “=” is missing"
    )


def test_padding_inside_the_text_is_refused_at_its_place(client, administrator_token):
    message = _refusal(_send(client, administrator_token, "QQ==\nQUI="))
    assert message == (
        "is not valid base64: padding “=” at line 1, column 3 comes before the end; "
        "= may only end the last group of four"
    )


@time_machine.travel("2024-03-20 17:00Z", tick=False)
def test_an_application_with_its_ur_decision_wrapped_in_lines_is_filed(
    client, token, application_doc
):
    document = application_doc["ur_decision_document"]
    document["content_base64"] = base64.encodebytes(
        base64.b64decode(document["content_base64"])
    ).decode()
    response = _post(client, token, "/api/v1/applications", application_doc)
    assert response.status_code == 201, response.content
    assert cases.Application.objects.get().ur_decision_pages == 1


def test_a_file_of_the_size_limit_wrapped_as_mime_fits_the_body_the_server_reads(settings):
    largest = bytes(settings.OPENIMR_UPLOAD_MAX_BYTES)
    content = base64.encodebytes(largest).decode().replace("\n", "\r\n")
    body = {"filename": "x" * 255, "content_base64": content, "submitted_by": "employee"}
    assert len(json.dumps(body)) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
