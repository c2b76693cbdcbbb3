"""Text normalisation: what PDF extraction does to a letter is undone before it is read."""

import pytest

from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter
from openimr.letters.parsing import parse_text
from openimr.letters.parsing.layout import HEADINGS
from openimr.letters.parsing.pdf import extract_text
from openimr.letters.parsing.text import normalize
from openimr.letters.tests.extraction_noise import damaged_text, fields, lost

HEADER = "Case Number: CM16-0000001\n"
LETTER = """{header}HOW THE IMR FINAL DETERMINATION WAS MADE
The expert reviewer is Board Certified in Family Practice and is licensed to practice in Texas.
CLINICAL CASE SUMMARY
The applicant is a 40-year-old female with neck pain.
IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
{heading}
Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.
MAXIMUS guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.
Decision rationale: The request is not medically necessary.
"""


def test_pdfium_line_ends_form_feeds_and_doubled_breaks_give_the_same_lines():
    plain = normalize("one line \nof a paragraph.\nNext one.")
    assert normalize("one line \r\nof a paragraph.\r\nNext one.").text == plain.text
    assert normalize("one line \n\nof a paragraph.\n\nNext one.\n\n").text == plain.text
    assert normalize("one line \fof a paragraph.\r\nNext one.").text == plain.text


def test_a_word_broken_at_a_line_end_is_one_word_again_and_a_compound_keeps_its_hyphen():
    lines = normalize("the treat-\nment of L3-\nS1 after a follow-\nup, x\uffferay, non\ufffeMTUS")
    assert lines.text == ("the treatment of L3-S1 after a follow-up, x-ray, non-MTUS",)


def test_running_headers_and_page_numbers_are_dropped():
    page = "Case CM16-0000001 Independent Medical Review\n{}\nPage {} of 3"
    text = "\f".join(page.format(body, n) for n, body in enumerate(["a.", "b.", "c."], 1))
    assert normalize(text).text == (
        "Case CM16-0000001 Independent Medical Review",
        "a.",
        "b.",
        "c.",
    )


def test_a_footer_of_words_alone_under_both_pages_of_two_is_dropped_and_prose_is_not():
    # Before (session 25): a line with no digit had to close three pages to be a footer, and
    # most letters have two: "CONFIDENTIAL" was read as the end of a rationale.
    page = "Page {} opens here.\nThe request is not \nmedically necessary.\n{}"
    text = "\f".join(page.format(n, "CONFIDENTIAL") for n in (1, 2))
    assert "CONFIDENTIAL" not in normalize(text).text
    # Prose closing both pages stays: a sentence's end, or a lowercase word in the line.
    for last in ("as the guideline says.", "Claims Administrator guideline: MTUS"):
        text = "\f".join(page.format(n, last) for n in (1, 2))
        assert normalize(text).text.count(last) == 2


def test_pdfiums_trailing_space_marks_a_paragraph_that_goes_on():
    text = "A first \nparagraph.\nA second \none goes \non.\nThird.\nFourth \nand last.\n"
    lines = normalize(text)
    assert [t for t, end in zip(lines.text, lines.ends, strict=True) if end] == [
        "paragraph.",
        "on.",
        "Third.",
        "and last.",
    ]


def test_a_heading_that_wraps_onto_a_second_line_gives_the_whole_treatment():
    heading = "EMG (electromyography)/NCV (nerve conduction velocity) of the bilateral upper \nextremities: Overturned"
    (item,) = parse_text(LETTER.format(header=HEADER, heading=heading)).case["items"]
    assert item["treatment"] == (
        "EMG (electromyography)/NCV (nerve conduction velocity) of the bilateral upper extremities"
    )
    assert item["decision"] == "overturned"


def test_the_remaining_portion_of_a_request_is_the_item():
    heading = (
        "Physical therapy 12 visits was the original request. Physical therapy 6 visits was \n"
        "authorized by the Claims Administrator. The remaining IMR eligible portion of the \n"
        "original request, Physical therapy 6 visits is: \nUpheld"
    )
    (item,) = parse_text(LETTER.format(header=HEADER, heading=heading)).case["items"]
    assert (item["treatment"], item["decision"]) == ("Physical therapy 6 visits", "upheld")
    assert item["ur_outcome"] == "modified"


def test_header_labels_and_values_in_separate_blocks_are_paired_in_order():
    header = (
        "Case Number: CM16-0000001\nDate Assigned:\nDate of Injury:\nDecision Date:\n"
        "UR Denial Date:\n11/18/2016\n10/10/2016\n12/19/2016\n11/09/2016\n"
        "Priority: Standard Application \nReceived: \n11/14/2016\n"
    )
    parsed = parse_text(LETTER.format(header=header, heading="Cervical MRI: Upheld"))
    assert parsed.case["dates"] == {
        "injury": "2016-10-10",
        "ur_decision": "2016-11-09",
        "application_received": "2016-11-14",
        "assigned": "2016-11-18",
        "records_complete": None,
        "decision": "2016-12-19",
    }
    assert parsed.case["priority"] == "standard"


def test_a_sentence_two_rationales_repeat_at_page_edges_is_not_taken_for_a_footer():
    # CM17-0014320 repeats "rotation 30, and external rotation 60. ..." in the rationales of
    # its two items, once at the foot of a page and once at the top of another.
    from openimr.letters.tests.test_parse_support import corpus_text

    items = parse_text(corpus_text("CM17-0014320")).case["items"]
    assert all("rotation 30, and external rotation 60" in item["rationale"] for item in items)


def test_a_verdict_in_capitals_is_read_too():
    parsed = parse_text(LETTER.format(header=HEADER, heading="MRI of the left knee: OVERTURNED"))
    assert [(i["treatment"], i["decision"]) for i in parsed.case["items"]] == [
        ("MRI of the left knee", "overturned")
    ]


def _wrapped(text: str, after: int) -> str:
    """Each section heading of the text wrapped after its ``after``-th word (-1: before its
    last word)."""
    out = []
    for line in text.split("\n"):
        words = line.strip().split(" ")
        if line.strip().rstrip(" :").lower() in HEADINGS and len(words) > 1:
            cut = after % len(words) or 1
            out += [" ".join(words[:cut]), " ".join(words[cut:])]
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("after", [1, -1], ids=["after its first word", "before its last"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_section_heading_wrapped_onto_two_lines_is_read_as_one(layout, after):
    # Before (session 25): no wrapped heading was found: the letter was refused, or read
    # without its summary or its items ("RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE
    # IS/WAS NOT" / "MEDICALLY NECESSARY" in a narrow column).
    case = next(c for c in generate_cases(12, seed=2026) if len(c["items"]) >= 3)
    text = render_letter(case, layout, noise=False)
    wrapped = _wrapped(text, after)
    assert wrapped != text
    got, want = parse_text(wrapped).case, parse_text(text).case
    if layout == "fdl-2014":  # no case number: the placeholder is the text's hash
        got, want = ({**c, "case_number": None} for c in (got, want))
    assert got == want


@pytest.mark.parametrize("layout", sorted(set(LAYOUTS) - {"fdl-2014"}))
def test_a_footer_and_header_left_in_the_middle_of_a_page_are_dropped(layout):
    # Our PDF's "Page 1 of 2" and the next page's running header, in the text's flow after
    # its pages were cut again elsewhere. Before (session 25): only a page's first and last
    # lines were looked at, and both were read into the summary or a rationale.
    case = next(c for c in generate_cases(12, seed=2026) if len(c["items"]) >= 3)
    text = extract_text(letter_pdf(case, layout))
    assert "Page 1 of " in text
    damaged = damaged_text("running header/footer, form feeds", text)
    assert lost(fields(text), fields(damaged)) == []


def test_an_organisations_name_in_a_full_stop_under_both_pages_of_two_is_a_footer():
    # Before (session 26): a footer had to end no sentence, and "Inc." ends in a full stop:
    # the name was read as the last words of the first page's rationale and of the letter.
    page = "The {} page.\nThe request is not \nmedically necessary.\n{}"
    text = "\f".join(page.format(n, "MAXIMUS Federal Services, Inc.") for n in ("one", "two"))
    lines = ("The {} page.", "The request is not", "medically necessary.")
    assert normalize(text).text == tuple(line.format(n) for n in ("one", "two") for line in lines)
    # A wrapped sentence whose last word closes both pages is the sentence's, not a footer.
    text = "\f".join(page.format(n, "Guidelines.") for n in ("one", "two"))
    assert normalize(text).text.count("Guidelines.") == 2


def test_a_label_line_opening_every_items_page_is_the_items_and_a_running_header_is_not():
    # A letter that starts each item on a new page: the same label's line opens three pages
    # under a running header. Before (session 26): any line on three pages' edges was read
    # as running, and the three items lost their claims administrator guideline.
    items = ["Aquatic therapy", "Cervical MRI", "Lumbar brace"]
    pages = [
        LETTER.format(header=HEADER, heading=f"{items[0]}: Upheld").split(
            "Claims Administrator guideline"
        )[0]
        + "See the next page.\n",
        *(
            "Claims Administrator guideline: Decision based on MTUS Neck and Upper Back "
            "Complaints 2004.\nMAXIMUS guideline: Decision based on MTUS Neck and Upper Back "
            f"Complaints 2004.\nDecision rationale: The request for item {n} is not needed.\n"
            + (f"{items[n]}: Upheld\n" if n < 3 else "")
            for n in (1, 2, 3)
        ),
    ]
    text = "\f".join(
        (f"Case Number: CM16-0000001 Page {n} of 4\n" if n > 1 else "") + page
        for n, page in enumerate(pages, 1)
    )
    parsed = parse_text(text)
    assert [i["treatment"] for i in parsed.case["items"]] == items
    for item in parsed.case["items"]:
        assert item["claims_administrator_basis"] == [
            {"mtus": True, "citation": "Neck and Upper Back Complaints 2004"}
        ]
        assert "Case Number" not in item["rationale"] and "Page" not in item["rationale"]
