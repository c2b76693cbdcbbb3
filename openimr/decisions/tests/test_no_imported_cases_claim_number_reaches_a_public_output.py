"""The claim number a case imported whole came with is for its parties' look-up on /status/
only: the claim number is PHI and the proof of being a party. A case imported with one,
issued and published through the real path, prints it in none of the issued letter (text,
HTML, PDF and the document kept with it), the published decision, its page, its PDF, the
public API, the corpus exports (CSV, JSONL, Parquet) or what `openimr letter parse` reads
from either letter (Civil Code 56.10; 45 CFR 164.514(b)(2)(i)(B))."""

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from django.conf import settings

from openimr.cases.domain.claims import normalise_claim
from openimr.cases.interchange import imported_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.decisions.models import Decision
from openimr.decisions.tests.test_no_partys_postal_address_reaches_the_published_decision import (
    _pdf_text,
    _stored_text,
)
from openimr.letters.models import IssuedLetter
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
CLAIM = "WCAB-77-4410-QZ"


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _parsed(path: str, capsys) -> str:
    capsys.readouterr()
    assert main(["letter", "parse", "--json", str(Path(settings.MEDIA_ROOT) / path)]) == 0
    return capsys.readouterr().out


def test_the_claim_number_is_in_no_letter_published_decision_or_export(
    client, three_item_doc, capsys, django_capture_on_commit_callbacks
):
    case, contacts, claim = imported_from_document({**three_item_doc, "claim_number": CLAIM})
    case_import(case=case, actor="test", contacts=contacts, claim_number=claim)
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(case_number=case.case_number, actor="qa")
    number = case.case_number
    letter = IssuedLetter.objects.get(case__case_number=number)
    published = Decision.objects.get(case_number=number)
    parquet = pq.read_table(io.BytesIO(_body(client.get("/decisions/export.parquet"))))
    outputs = {
        "letter": f"{letter.text}\n{letter.html}\n{json.dumps(letter.case_document)}",
        "letter pdf": _pdf_text(letter.pdf_path),
        "letter parsed": _parsed(letter.pdf_path, capsys),
        "corpus rows": _stored_text(),
        "public page": client.get(f"/decisions/{number}/").content.decode(),
        "public api": client.get(f"/api/v1/decisions/{number}").content.decode(),
        "export jsonl": _body(client.get("/decisions/export.jsonl")).decode(),
        "export csv": _body(client.get("/decisions/export.csv")).decode(),
        "export parquet": json.dumps(parquet.to_pylist(), default=str),
        "public pdf": _pdf_text(published.letter_path),
        "public pdf parsed": _parsed(published.letter_path, capsys),
    }
    assert number in outputs["public page"] and number in outputs["export parquet"]
    assert number in outputs["letter parsed"] and number in outputs["public pdf parsed"]
    # However it might be written: as given, or as its letters and digits alone.
    needles = (CLAIM, normalise_claim(CLAIM).upper(), "4410-QZ", "4410QZ")
    leaked = [(where, n) for where, text in outputs.items() for n in needles if n in text.upper()]
    assert leaked == []
