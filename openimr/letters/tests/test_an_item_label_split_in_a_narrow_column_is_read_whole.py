"""An item's label in a narrow left column wraps after one of its words ("Claims
Administrator" / "guideline:"), and extraction puts the value beside the label's second
line, beside its first (the row read across), or below both (the label's cell read whole):
each guideline and the rationale are still read under their own label."""

import pytest

from openimr.letters.parsing import parse_text
from openimr.letters.tests.extraction_noise import damaged_text, fields, lost
from openimr.letters.tests.test_parse_support import corpus_text
from openimr.letters.tests.test_parse_text_as_extraction_leaves_it import LETTER

FIRST = LETTER.format(header="Case Number: CM16-0000001\n", heading="MRI of the neck: Upheld")
# The second item as pdfium prints it: a wrapped line keeps its trailing space.
SECOND = (
    "Physical therapy, 6 sessions: Overturned\n"
    "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment \n"
    "2016, Section(s): Physical medicine treatment.\n"
    "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): \n"
    "Physical Methods.\n"
    "Decision rationale: The claimant was injured on 10-\n"
    "25-16 and has had no therapy since. Six sessions are \n"
    "recommended.\n"
)
DAMAGED = {
    "the value beside the second line": (
        "Physical therapy, 6 sessions: Overturned\n"
        "Claims Administrator \n"
        "guideline: Decision based on MTUS Chronic Pain Medical Treatment \n"
        "2016, Section(s): Physical medicine treatment.\n"
        "MAXIMUS \n"
        "guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): \n"
        "Physical Methods.\n"
        "Decision \n"
        "rationale: The claimant was injured on 10-\n"
        "25-16 and has had no therapy since. Six sessions are \n"
        "recommended.\n"
    ),
    "the row read across": (
        "Physical therapy, 6 sessions: Overturned\n"
        "Claims Decision based on MTUS Chronic Pain Medical Treatment \n"
        "Administrator guideline: 2016, Section(s): Physical medicine treatment.\n"
        "MAXIMUS Decision based on MTUS Low Back Complaints 2004, Section(s): \n"
        "guideline: Physical Methods.\n"
        "Decision The claimant was injured on 10-\n"
        "rationale: 25-16 and has had no therapy since. Six sessions are \n"
        "recommended.\n"
    ),
    "the value's first line beside the label's first, the rest below": (
        "Physical therapy, 6 sessions: Overturned\n"
        "Claims Administrator Decision based on MTUS Chronic Pain Medical Treatment \n"
        "guideline: \n"
        "2016, Section(s): Physical medicine treatment.\n"
        "MAXIMUS Decision based on MTUS Low Back Complaints 2004, Section(s): \n"
        "guideline: \n"
        "Physical Methods.\n"
        "Decision The claimant was injured on 10-\n"
        "rationale: \n"
        "25-16 and has had no therapy since. Six sessions are \n"
        "recommended.\n"
    ),
    "the label's cell whole, then the value": (
        "Physical therapy, 6 sessions: Overturned\n"
        "Claims \n"
        "Administrator guideline: \n"
        "Decision based on MTUS Chronic Pain Medical Treatment \n"
        "2016, Section(s): Physical medicine treatment.\n"
        "MAXIMUS \n"
        "guideline: \n"
        "Decision based on MTUS Low Back Complaints 2004, Section(s): \n"
        "Physical Methods.\n"
        "Decision \n"
        "rationale: \n"
        "The claimant was injured on 10-\n"
        "25-16 and has had no therapy since. Six sessions are \n"
        "recommended.\n"
    ),
}


def _items(text: str) -> list[dict]:
    return [
        {k: item[k] for k in ("treatment", "decision", "rationale")}
        | {k: item[k] for k in ("claims_administrator_basis", "reviewer_basis")}
        for item in parse_text(text).case["items"]
    ]


def test_the_undamaged_letter_reads_both_items_with_their_guidelines_and_rationales():
    items = _items(FIRST + SECOND)
    assert [i["treatment"] for i in items] == ["MRI of the neck", "Physical therapy, 6 sessions"]
    assert items[1]["rationale"] == (
        "The claimant was injured on 10-25-16 and has had no therapy since. Six sessions are "
        "recommended."
    )
    assert items[1]["reviewer_basis"] == [
        {"mtus": True, "citation": "Low Back Complaints 2004, Section(s): Physical Methods"}
    ]


# Before (session 26) every one of these read the second item's guidelines into the first
# item's rationale or the wrong label, and lost the second item's rationale.
@pytest.mark.parametrize("damaged", DAMAGED.values(), ids=DAMAGED.keys())
def test_an_items_labels_split_in_a_narrow_column_read_as_the_undamaged_letter(damaged):
    assert _items(FIRST + damaged) == _items(FIRST + SECOND)


def test_a_guideline_named_in_a_rationale_on_a_line_of_its_own_stays_text():
    # Every label of the item was read, so no split label is looked for: "MAXIMUS" /
    # "guideline: ..." inside the rationale is the reviewer's prose.
    prose = "Decision rationale: The request is not medically necessary per \nMAXIMUS \n"
    text = FIRST.replace(
        "Decision rationale: The request is not medically necessary.\n",
        prose + "guideline: the records show no new injury.\n",
    )
    assert _items(text)[0]["rationale"] == (
        "The request is not medically necessary per MAXIMUS guideline: the records show no new "
        "injury."
    )


# Real letters, the labels of every item split (the damage picks the cut and the order per
# label, by seed): a value's word broken at a hyphen across the label's second line
# ("... injury on 10-" / "rationale:" / "25-16. ..."); a label whole after a page break
# above split ones; "Guidelines." closing a guideline above "MAXIMUS guideline:" (no label's
# first word); fourteen items of one letter.
@pytest.mark.parametrize(
    ("case_number", "seed"),
    [("CM17-0010364", 1), ("CM16-0248698", 1), ("CM17-0005177", 0), ("CM17-0019907", 0)]
    + [("CM17-0014449", seed) for seed in range(3)],
)
def test_a_real_letter_with_its_item_labels_split_gives_every_field_of_the_undamaged_one(
    case_number, seed
):
    text = corpus_text(case_number)
    damaged = damaged_text("item labels split in a narrow cell", text, seed)
    assert damaged != text
    assert lost(fields(text), fields(damaged)) == []
