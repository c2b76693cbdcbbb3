"""The text letter wraps its body at 80 columns, but printed each header field on one line
however long: an amended letter's reason (up to 2,000 characters) or a party's long name on
a notice ran on for hundreds of columns. Header fields now wrap like the body, and the
letter parser still reads our own letters' headers."""

from dataclasses import replace

from openimr.cases.interchange import case_from_document
from openimr.letters.domain.content import Field
from openimr.letters.domain.extras import LetterExtras
from openimr.letters.domain.notices import build_information_request
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.parsing import parse_text
from openimr.letters.render.text import WIDTH, render_text
from openimr.letters.rendering import letter_for
from openimr.letters.tests.test_a_request_for_eligibility_information_says_what_by_when_and_where import (
    FACTS,
)

SHA = "9f2c" * 16
REASON = (
    "Item 2's rationale named the progress note of August 30, 2016 as the one of June 14, "
    "2016; the corrected rationale names the note the reviewer relied on, and nothing else "
    "in the determination changes."
)


def _amended(doc):
    amends = (
        Field("Amends", f"the letter issued 10/03/2016, SHA-256 {SHA}"),
        Field("Reason for amendment", REASON),
    )
    return render_text(letter_for(case_from_document(doc), extras=LetterExtras(amends=amends)))


def test_an_amended_letters_long_reason_wraps_at_80_columns(three_item_doc):
    text = _amended(three_item_doc)
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    header = text.split("HOW THE IMR", 1)[0]
    assert "Reason for amendment: Item 2's rationale" in header
    assert " ".join(header.split()).endswith(f"{REASON}")


def test_the_parser_still_reads_the_wrapped_header(three_item_doc):
    parsed = parse_text(_amended(three_item_doc)).case
    assert parsed["case_number"] == three_item_doc["case_number"]
    wanted = ("injury", "ur_decision", "application_received", "assigned", "decision")
    assert {k: parsed["dates"][k] for k in wanted} == {
        k: three_item_doc["dates"][k] for k in wanted
    }
    assert parsed["priority"] == three_item_doc["priority"]


def test_a_notices_long_party_name_wraps_at_80_columns():
    long_name = "Golden State Claims Services, Inc., on behalf of " + "Acme Holdings " * 6
    facts = replace(FACTS, claims_administrator=long_name.strip())
    text = render_text(build_information_request(facts, load_template(None, NOTICES_PATH)))
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    assert f"Claims Administrator: {long_name.strip()}" in " ".join(text.split())
