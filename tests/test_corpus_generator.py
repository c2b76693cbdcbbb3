"""The synthetic corpus generator (bench/corpus.py): seeded, valid, realistic, and its letters
say what truth() promises in every layout, as text and as PDF."""

import re
from collections import Counter

import pypdfium2 as pdfium
import pytest

from bench.corpus import (
    LAYOUTS,
    generate_cases,
    injected_identifiers,
    letter_pdf,
    main,
    render_letter,
    truth,
)
from bench.corpus_identity import IDENTIFIER_KINDS
from bench.corpus_layouts import slash
from bench.corpus_text import RUNNING_LINE
from openimr.cases.interchange import case_from_document


def flat(text: str) -> str:
    """Text as a reader sees it: extraction's split words rejoined, whitespace collapsed."""
    text = RUNNING_LINE.sub("", text.replace("\f", "\n")).replace("\ufffe", "")
    text = re.sub(r"([a-z])-[ \r\n]*\n[\r\n ]*([a-z])", r"\1\2", text)
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return "\f".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def test_the_same_seed_gives_the_same_cases_and_letters():
    first = list(generate_cases(30, seed=7))
    again = list(generate_cases(30, seed=7))
    assert first == again
    for layout in LAYOUTS:
        assert render_letter(first[3], layout) == render_letter(again[3], layout)


def test_different_seeds_give_different_cases():
    one = list(generate_cases(20, seed=1))
    two = list(generate_cases(20, seed=2))
    assert {c["case_number"] for c in one}.isdisjoint({c["case_number"] for c in two})
    assert [c["clinical_summary"] for c in one] != [c["clinical_summary"] for c in two]


def test_asking_for_more_cases_keeps_the_first_ones():
    assert list(generate_cases(5, seed=3)) == list(generate_cases(40, seed=3))[:5]


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="n must be 0 or more"):
        list(generate_cases(-1, seed=1))


@pytest.mark.parametrize("identifiers", [False, True])
def test_every_generated_case_passes_the_schema_and_the_case_rules(identifiers):
    for case in generate_cases(300, seed=11, identifiers=identifiers):
        case_from_document(case)  # raises InvalidInput listing every problem


def test_case_numbers_are_unique_in_a_large_run():
    numbers = [c["case_number"] for c in generate_cases(20_000, seed=5)]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"CM\d\d-\d{7}", n) for n in numbers[:100])


def test_distributions_follow_the_published_figures():
    cases = list(generate_cases(4000, seed=2024))
    items = [i for c in cases for i in c["items"]]
    share = Counter(i["category"] for i in items)
    overturned = sum(i["decision"] == "overturned" for i in items) / len(items)
    pharma = [i for i in items if i["category"] == "pharmaceuticals"]
    opioid_words = (
        "Norco",
        "Hydrocodone",
        "Oxycodone",
        "Percocet",
        "Tramadol",
        "Ultram",
        "Nucynta",
        "OxyContin",
        "Morphine",
        "Fentanyl",
        "Buprenorphine",
        "Codeine",
    )
    opioids = [i for i in pharma if i["treatment"].startswith(opioid_words)]
    assert 0.10 < overturned < 0.155  # 12.7% (DWC 2024)
    assert 0.29 < share["pharmaceuticals"] / len(items) < 0.37  # 33%
    assert 0.19 < len(opioids) / len(pharma) < 0.29  # 24% of pharmaceuticals
    assert len(share) == 13  # every DWC category occurs
    assert {len(c["items"]) for c in cases} == {1, 2, 3, 4}
    ages = [c["employee"]["age"] for c in cases]
    assert min(ages) >= 18 and max(ages) <= 80
    years = {int(c["dates"]["decision"][:4]) for c in cases}
    assert min(years) == 2013 and max(years) == 2026
    assert any(not b["mtus"] for i in items for b in i["reviewer_basis"])
    assert sum(any(b["mtus"] for b in i["reviewer_basis"]) for i in items) / len(items) > 0.5


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_prints_what_truth_promises(layout):
    for case in generate_cases(12, seed=31):
        facts = truth(case, layout)
        for noise in (False, True):
            text = flat(render_letter(case, layout, noise=noise))
            for path, value in facts["fields"].items():
                if path.startswith("dates."):
                    assert slash(value) in text, (layout, path)
                elif path.endswith(("treatment", "rationale")) or path == "case_number":
                    assert " ".join(value.split()) in text, (layout, path)
                elif path.endswith("_basis"):
                    assert all(b["citation"] in text for b in value), (layout, path)
            for paragraph in case["clinical_summary"].split("\n\n"):
                assert paragraph in text
        assert layout == "fdl-2014" or case["case_number"] in text


def test_truth_says_what_a_layout_cannot_show():
    case = next(iter(generate_cases(1, seed=6)))
    review = truth(case, "professional-review")
    assert "items[0].claims_administrator_basis" not in review["fields"]
    assert review["fields"]["items[0].ur_outcome"] == case["items"][0]["ur_outcome"]
    assert review["fields"]["employee.age"] == case["employee"]["age"]
    notice = truth(case, "notice-2013")
    assert "priority" in notice["not_shown"] and "priority" not in notice["fields"]
    assert notice["fields"]["dates.assigned"] == case["dates"]["assigned"]
    seed_like = truth(case, "fdl-2014")
    assert seed_like["from_text"] == {
        "employee.age": case["employee"]["age"],
        "employee.sex": case["employee"]["sex"],
        "dates.injury": case["dates"]["injury"],
        "dates.ur_decision": case["dates"]["ur_decision"],
    }
    assert "dates.records_complete" in seed_like["not_shown"]


def test_fdl_2014_has_no_header_block_like_the_seed():
    case = next(iter(generate_cases(1, seed=4)))
    text = render_letter(case, "fdl-2014")
    assert text.startswith(" HOW THE IMR FINAL DETERMINATION WAS MADE \n\n")
    assert case["case_number"] not in text
    assert "case_number" in truth(case, "fdl-2014")["not_shown"]
    assert " \n\n" in text and "\r" not in text  # each printed line followed by a blank line
    assert "is Board Certified in " in text
    assert re.search(r":  (Upheld|Overturned) ", text)


def test_noise_is_what_pdf_extraction_leaves():
    texts = [render_letter(c, layout) for c in generate_cases(40, seed=9) for layout in LAYOUTS]
    joined = "".join(texts)
    assert "\f" in joined and "\r\n" in joined
    assert re.search(r"Page 2 of \d", joined)
    assert re.search(r"[a-z]-(\r?\n)+[a-z]", joined)  # words split at line ends
    assert "\ufffe" in joined  # pypdfium2's mark for the same
    assert re.search(r" \r?\n", joined)  # wrapped lines keep their trailing space
    # a header table read column by column: its labels first, then its values
    assert re.search(r"Case Number:\r?\n(\r?\n)?(Date of Injury|Review Type):", joined)
    fdl_2016 = [t for t in texts if t.startswith("Case Number:")]
    assert any(
        re.search(r"Priority: \w+ Application \r?\n(\r?\n)?Received: \r?\n", t) for t in fdl_2016
    )


def test_the_letters_vary_by_rng():
    import random

    case = next(iter(generate_cases(1, seed=4)))
    texts = {render_letter(case, "fdl-2016", rng=random.Random(k)) for k in range(8)}
    assert len(texts) > 4
    assert render_letter(case, "fdl-2016", noise=False) == render_letter(
        case, "fdl-2016", noise=False, rng=random.Random(3)
    )


def test_unknown_layout_is_refused_naming_the_known_ones():
    case = next(iter(generate_cases(1, seed=4)))
    with pytest.raises(ValueError, match="unknown layout 'fdl-1999'; one of: notice-2013"):
        render_letter(case, "fdl-1999")
    with pytest.raises(ValueError, match="unknown layout"):
        truth(case, "fdl-1999")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdfs_open_and_show_the_case_number_and_every_treatment(layout):
    case = next(c for c in generate_cases(20, seed=17) if len(c["items"]) >= 2)
    data = letter_pdf(case, layout)
    assert data.startswith(b"%PDF")
    text = flat(pdf_text(data))
    for item in case["items"]:
        assert item["treatment"] in text
    if "case_number" in truth(case, layout)["fields"]:
        assert case["case_number"] in text
    else:
        assert case["case_number"] not in text


def test_the_2016_pdf_header_reads_like_the_published_letters():
    case = next(iter(generate_cases(1, seed=8)))
    text = pdf_text(letter_pdf(case, "fdl-2016"))
    received = slash(case["dates"]["application_received"])
    assert text.startswith(f"Case Number: {case['case_number']}\r\nDate Assigned: ")
    assert f"Application \r\nReceived: \r\n{received}\r\nHOW THE IMR" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_identifiers_appear_only_when_asked_for(layout):
    named = list(generate_cases(15, seed=21, identifiers=True))
    plain = list(generate_cases(15, seed=21))
    for with_ids, without in zip(named, plain, strict=True):
        secrets = injected_identifiers(with_ids)
        assert len(secrets) == len(IDENTIFIER_KINDS)
        for noise in (False, True):
            shown = flat(render_letter(with_ids, layout, noise=noise))
            missing = [s for s in secrets if s not in shown]
            assert not missing, (layout, missing)
            published = render_letter(without, layout, noise=noise)
            leaked = [s for s in secrets if s in flat(published)]
            assert not leaked, (layout, leaked)
        assert with_ids["items"][0]["treatment"] == without["items"][0]["treatment"]


def test_cli_writes_one_file_per_letter_named_by_case_number(tmp_path, capsys):
    assert main(["--count", "10", "--seed", "3", "--out", str(tmp_path)]) == 0
    names = sorted(p.stem for p in tmp_path.glob("*.txt"))
    assert names == sorted(c["case_number"] for c in generate_cases(10, seed=3))
    assert re.search(r"10 cases generated in .* [\d,]+ cases/s", capsys.readouterr().out)


def test_cli_writes_pdfs_for_one_layout(tmp_path):
    assert (
        main(
            [
                "--count",
                "2",
                "--seed",
                "3",
                "--layout",
                "maximus-decisions",
                "--format",
                "pdf",
                "--out",
                str(tmp_path),
            ]
        )
        == 0
    )
    pdfs = list(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 2
    assert "MAXIMUS FEDERAL SERVICES, INC." in pdf_text(pdfs[0].read_bytes())


def test_cli_refuses_a_negative_count(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--count", "-3", "--out", str(tmp_path)])
    assert "--count must be 0 or more, not -3" in capsys.readouterr().err
