"""What session 23 left (docs/corpus.md, "Limits"), closed in session 24 (deid24): a web
address written whole ("www.smithlaw.com"), a one-word mailbox with a plain "at" ("jsmith at
example.com"), a name in capitals after a clinician's role ("the treating physician JOHN
SMITH"), an employer in small letters ("works at acme warehouse") and a known employer
shortened ("Sunrise Farms") are identifiers (45 CFR 164.514(b)(2)(i)(A), (F), (N), and its
"employers"; LC 4610.6(f)). And one over-removal: "Exhibit A. Jane Smith's deposition" lost
"Exhibit A." with the name. The sources letters cite by their addresses stay."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.web_addresses import cited_site

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Her attorney's site is www.smithlaw.com for records.",
            f"Her attorney's site is {R} for records.",
        ),
        ("See smithlaw.com/contact.", f"See {R}."),
        ("See http://smithlaw.com, then https://www.smithlaw.com/a?b=1.", f"See {R}, then {R}."),
        ("Her page (JaneSmithLaw.net) and www.smithlaw.co.uk.", f"Her page ({R}) and {R}."),
    ],
)
def test_a_web_address_written_whole_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # As the 182 real letters of 2016-2017 cite their sources.
        "Per ODG (www.odg-twc.com) and ACOEM, www.acoempracguides.org, it is not supported.",
        "See www.mdguidelines.com and http://www.drugs.com/famotidine.html for the guidance.",
        "Accessed from UpToDate.com on 12/17/2016.",
        "See http://www.nhlbi.nih.gov/health/ekg, https://www.cms.gov/R148CIM.pdf and dir.ca.gov.",
        "See http://www.aetna.com/cpb/medical/data/100_199/0181.html, e.g. at kaiser.org.",
        "The MME was 3.5 at drugs.com; e.g. the dose; i.e. none; U.S. data.",
    ],
)
def test_a_cited_sources_web_address_stays(text):
    assert published(text) == text


def test_a_cited_site_is_a_reference_publishers_or_a_public_bodys_and_no_other():
    assert cited_site("emedicine.medscape.com") and cited_site("www.who.int")
    assert cited_site("www.nice.org.uk") and cited_site("www.gov.uk")
    assert not cited_site("www.smithlaw.com") and not cited_site("drugs.com.example.net")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email jsmith at example.com for records.", f"Email {R} for records."),
        ("(jdavis at gmail.com)", f"({R})"),
        ("She works at Amazon.com as a picker.", f"She works at {R} as a picker."),
        ("She works at amazon.com as a picker.", f"She works at {R} as a picker."),
    ],
)
def test_a_one_word_mailbox_with_a_plain_at_is_removed_and_an_employers_site_too(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The guidelines are available at www.mdguidelines.com and posted at dir.ca.gov.",
        "Records at kaiser.org were read; she is working at kaiser.org now.",
    ],
)
def test_prose_before_a_plain_at_and_a_cited_site_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The treating physician JOHN SMITH requested an MRI.",
            f"The treating physician {R} requested an MRI.",
        ),
        (
            "The PTP JANE DOE noted it; the surgeon, ALAN REYES, agreed.",
            f"The PTP {R} noted it; the surgeon, {R}, agreed.",
        ),
        ("The QME JOHN SMITH found MMI.", f"The QME {R} found MMI."),
        ("The physician JANE DOE, M.D., noted spasm.", f"The physician {R}, M.D., noted spasm."),
    ],
)
def test_a_name_in_capitals_after_a_clinicians_role_is_removed(text, expected):
    assert published(text) == expected


def test_a_titled_name_in_capitals_after_a_clinicians_abbreviation_is_removed():
    published_text = published("PTP DR. JANE DOE requested EMG/NCV of the LUMBAR SPINE.")
    assert "JANE" not in published_text and "DOE" not in published_text
    assert published_text.startswith("PTP ")
    assert published_text.endswith(" requested EMG/NCV of the LUMBAR SPINE.")


@pytest.mark.parametrize(
    "text",
    [
        "The treating physician MRI report, the PTP EMG/NCV and the surgeon LUMBAR SPINE notes.",
        "The treating physician RIGHT KNEE MRI and the physician NORCO REFILL were reviewed.",
        "The physician URINE DRUG SCREEN was denied; the specialist SLEEP STUDY, then MRI.",
        "The doctor X-RAY FINDINGS and the consultant OPIOID AGREEMENT were read.",
    ],
)
def test_medical_words_in_capitals_after_a_clinicians_role_stay(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She works at acme warehouse as a picker.", f"She works at {R} as a picker."),
        ("Works at acme warehouse.", f"Works at {R}."),
        ("She works at acme\nwarehouse, on nights.", f"She works at {R}, on nights."),
        (
            "He is employed by valley orchard packing since 2010.",
            f"He is employed by {R} since 2010.",
        ),
        ("She works as a cashier at valley foods market.", f"She works as a cashier at {R}."),
        ("She picks grapes at Sunrise Farms.", "She picks grapes at the employer."),
    ],
)
def test_an_employer_in_small_letters_or_shortened_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She works at a warehouse, works at the local market, works at home and at night.",
        "He is currently working at least 24 hours a week; she works at grocery store.",
    ],
)
def test_a_workplace_described_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exhibit A. Jane Smith's deposition was reviewed.",
            f"Exhibit A. {R}'s deposition was reviewed.",
        ),
        ("See Exhibit C. J. Smith's report.", f"See Exhibit C. {R}'s report."),
        ("Tab B. Sam Ortiz's note was read.", f"Tab B. {R}'s note was read."),
    ],
)
def test_an_exhibits_letter_before_a_name_owning_a_record_stays(text, expected):
    assert published(text) == expected
