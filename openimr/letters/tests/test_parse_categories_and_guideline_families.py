"""treatment_category (the DWC's statistical categories) and guideline_family (MTUS, ACOEM,
ODG, other), on treatments and citations as the published letters print them."""

import pytest

from openimr.letters.parsing import guideline_family, treatment_category


@pytest.mark.parametrize(
    ("treatment", "category"),
    [
        ("Norco 10/325mg #35", "pharmaceuticals"),
        ("Etodolac", "pharmaceuticals"),
        ("Flector 1.3% transdermal patch", "pharmaceuticals"),
        ("Retrospective Famotidine 20mg #60, per 12/07/2016 order", "pharmaceuticals"),
        ("Ketoprofen 20% in cream base 240g", "pharmaceuticals"),
        ("TENS unit, daily trial, cervical and thoracic spine, #30", "dmepos"),
        ("Associated surgical service: Shoulder sling with abduction pillow", "dmepos"),
        ("standard wheelchair for a 2 month rental", "dmepos"),
        ("Hot/cold therapy wrap", "dmepos"),
        ("Physical therapy 2 times a week for 6 weeks low back", "rehabilitation"),
        ("Post-op physical therapy 2 times a week for 4 weeks", "rehabilitation"),
        ("Occupational therapy for six sessions", "rehabilitation"),
        ("Chiropractic care to the low back two times a week for four weeks", "chiropractic"),
        ("Spinal manipulation 1 times 8", "chiropractic"),
        ("Electro acupuncture to the low back two times a week times six weeks", "acupuncture"),
        ("Right L5-S1 epidural steroid injection", "injections"),
        ("Facet joint injections L4-5, L5-S1", "injections"),
        ("Lumbar epidural steroid injection with pain interventionist consult", "injections"),
        ("Right shoulder arthroscopy RCR (rotator cuff repair) and decompression", "surgery"),
        (
            "Consult with hip replacement specialist to evaluation for a total hip arthroplasty",
            "evaluation_management",
        ),
        ("Spine surgery evaluation for the lumbar", "evaluation_management"),
        ("Assistant surgeon", "surgery"),
        ("MRI of the lumbar spine without contrast", "diagnostics"),
        ("EMG/NCV of the bilateral upper extremities", "diagnostics"),
        ("Pre-op labs: CBC", "diagnostics"),
        ("Labs to include: Chest X-ray", "diagnostics"),
        ("Urine drug testing", "diagnostics"),
        ("Functional capacity evaluation (FCE)", "evaluation_management"),
        ("Medical Clearance", "evaluation_management"),
        ("Follow up office visit times 2", "evaluation_management"),
        ("Four sessions of biofeedback two times a week times 2 weeks", "behavioral_health"),
        ("Cognitive behavioral therapy 6 sessions", "behavioral_health"),
        ("Home aide 6 hours per day, 5 times a week for 4 weeks", "home_health"),
        ("Wound care nurse, 1-2 visits to evaluate right hip incision", "home_health"),
        ("Functional restoration program 80 hours", "programs"),
        ("Gym membership", "programs"),
        ("Transportation to/from all medical appointments", "other"),
        ("", "other"),
    ],
)
def test_a_treatment_falls_in_its_dwc_category(treatment, category):
    assert treatment_category(treatment) == category


@pytest.mark.parametrize(
    ("citation", "family"),
    [
        ("Chronic Pain Medical Treatment 2016, Section(s): Facet blocks", "mtus"),
        ("Low Back Complaints 2004, Section(s): Special Studies", "mtus"),
        ("MTUS ACOEM Chapter 12, Table 12-8", "mtus"),
        ("Acupuncture Medical Treatment Guidelines, 8 CCR 9792.24.1", "mtus"),
        ("ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders", "acoem"),
        ("Official Disability Guidelines (ODG), Low Back Chapter", "odg"),
        ("ODG Knee & Leg (Acute & Chronic) (updated 01/02/2017), Opioids", "odg"),
        ("Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016", "other"),
        ("Chou R, Huffman LH. Medications for acute and chronic low back pain. 2007", "other"),
    ],
)
def test_a_citation_belongs_to_its_guideline_family(citation, family):
    assert guideline_family(citation) == family


def test_few_corpus_treatments_fall_in_other():
    """On the 411 items of the 182 published letters, 'other' is left for what really is
    none of the categories (transportation, an assistant's fee, ...)."""
    from openimr.letters.parsing import parse_text
    from openimr.letters.tests.test_parse_support import CORPUS, corpus_or_skip, corpus_text

    corpus_or_skip()
    items = [
        item
        for path in sorted(CORPUS.glob("*.pdf"))
        for item in parse_text(corpus_text(path.stem)).case["items"]
    ]
    others = [i["treatment"] for i in items if i["category"] == "other"]
    assert len(items) == 411
    assert len(others) <= 4, others
