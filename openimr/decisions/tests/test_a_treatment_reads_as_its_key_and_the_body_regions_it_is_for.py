"""The words that key a treatment's cohort and the body regions it is for, read without a
database: the body part leaves the key for the regions, each region by one name however a
letter writes it ("low back", "lumbosacral": lumbar); how many, how often or when is no part
of the key ("Three sessions of", "Additional", "Post operative"); an abbreviation is written
out ("PT", "MRI", "CT", "X-ray"); a two-letter word in capitals counts; a treatment named by
nothing but a body part keeps its words rather than an empty key. The key's words are in
alphabetical order ("NCV/EMG" is "EMG/NCV"); an upper or lower extremity is a region. The body part's words
also read as the region a diagnosis names it by ("low back": lumbar). Wordings marked with a
case number are items of the letters in /work/shared/corpus."""

import pytest

from openimr.decisions.domain.key_spellings import abbreviations_for
from openimr.decisions.domain.treatment_words import body_words, key_words, regions
from openimr.decisions.precedents import _NOISE

MR = ["magnetic", "resonance"]
PHYSICAL = ["physical", "therapy"]
EPIDURAL = ["epidural", "injection"]  # "steroid" names a variant, as "transforaminal"


@pytest.mark.parametrize(
    ("treatment", "category", "key", "parts"),
    [
        ("Physical therapy for the lumbar spine", "rehabilitation", PHYSICAL, ("lumbar",)),
        ("Lumbar physical therapy x 12", "rehabilitation", PHYSICAL, ("lumbar",)),
        ("PT to the low back 2x6", "rehabilitation", PHYSICAL, ("lumbar",)),
        ("Three sessions of physical therapy of the right knee", "rehabilitation", PHYSICAL, ("knee",)),  # CM16-0241231
        ("Additional physical therapy two times four visits (8) for the lumbar and bilateral knees", "rehabilitation", PHYSICAL, ("lumbar", "knee")),  # CM16-0237844
        ("Post operative physical therapy for the right knee 2 times a week for 6 weeks", "rehabilitation", PHYSICAL, ("knee",)),  # CM17-0002892
        ("Continue physical therapy 3 times a week for 2 weeks", "rehabilitation", PHYSICAL, ()),
        ("Traction for the neck", "dmepos", ["traction"], ("cervical",)),
        ("Cervical pillow", "dmepos", ["pillow"], ("cervical",)),
        ("MRI of the low back", "diagnostics", MR, ("lumbar",)),
        ("MRI of the lumbar spine without contrast", "diagnostics", MR, ("lumbar",)),  # CM16-0239479
        ("Lumbar MRI", "diagnostics", MR, ("lumbar",)),
        ("MRI scan of the cervical spine", "diagnostics", MR, ("cervical",)),  # CM16-0246624
        ("MRI (magnetic resonance imaging) of the cervical spine", "diagnostics", MR, ("cervical",)),  # CM16-0235991
        ("MRI of the neck without contrast", "diagnostics", MR, ("cervical",)),
        ("Left knee MRI without contrast", "diagnostics", MR, ("knee",)),  # CM16-0249320
        ("MRI right knee", "diagnostics", MR, ("knee",)),  # CM17-0001064
        ("MRI of the cervical and thoracic spine", "diagnostics", MR, ("cervical", "thoracic")),  # CM16-0236969
        ("Cervical CT scan", "diagnostics", ["computed", "tomography"], ("cervical",)),  # CM16-0236380
        ("X-ray of the pelvis", "diagnostics", ["ray"], ("pelvis",)),  # CM16-0232543
        ("X-rays of the left shoulder", "diagnostics", ["ray"], ("shoulder",)),  # CM16-0232543
        ("Xray lumbar spine", "diagnostics", ["ray"], ("lumbar",)),
        ("EMG of the left upper extremity", "diagnostics", ["emg"], ("upper extremity",)),
        ("EMG/NCV of the bilateral lower extremities", "diagnostics", ["emg", "ncv"], ("lower extremity",)),
        ("Acupuncture, right shoulder, 6 sessions", "acupuncture", ["acupuncture"], ("shoulder",)),
        ("OT 2x4 for the right wrist", "rehabilitation", ["occupational", "therapy"], ("wrist",)),
        ("PT/INR", "diagnostics", ["inr", "pt"], ()),
        ("Low level laser therapy to the low back", "rehabilitation", ["level", "low"], ("lumbar",)),
        ("Cervical epidural steroid injection at C5-C6", "injections", EPIDURAL, ("cervical",)),
        ("Right L5-S1 epidural steroid injection", "injections", EPIDURAL, ("lumbar",)),  # CM16-0247274
        ("Facet joint injections L4-5, L5-S1", "injections", ["facet", "joint"], ("lumbar",)),  # CM16-0219557
        ("Epidural steroid injection C6-C7", "injections", EPIDURAL, ("cervical",)),
        ("HbA1c", "diagnostics", ["hba"], ()),
        ("Spinal cord stimulator trial", "surgery", ["cord", "spinal"], ()),
        ("Hinged knee brace", "dmepos", ["brace"], ("knee",)),
        ("Left total knee arthroplasty", "surgery", ["arthroplasty", "total"], ("knee",)),
        ("Right total hip arthroplasty", "surgery", ["arthroplasty", "total"], ("hip",)),
        ("Lumbar spine", "diagnostics", ["lumbar", "spine"], ("lumbar",)),
        ("Norco10/325 #90", "pharmaceuticals", ["acetaminophen", "hydrocodone"], ()),
        ("Tramadol50mg", "pharmaceuticals", ["tramadol"], ()),
        ("Lidoderm5% patch", "pharmaceuticals", ["lidocaine"], ()),
        ("12 x 6 #90", "rehabilitation", [], ()),
        ("Tramadol ER 100 mg #30", "pharmaceuticals", ["tramadol"], ()),
        ("Norco 10/325 1 tab PO q6h PRN #90", "pharmaceuticals", ["acetaminophen", "hydrocodone"], ()),
        ("Ketoprofen 10% cream 120 GM", "pharmaceuticals", ["ketoprofen"], ()),
        ("", "", [], ()),
    ],
)  # fmt: skip
def test_the_key_and_the_regions_of_a_treatment(treatment, category, key, parts):
    assert key_words(treatment, category, drop=_NOISE, limit=2) == key
    assert regions(treatment) == parts


@pytest.mark.parametrize(
    ("treatment", "body"),
    [
        ("Physical therapy for the lumbar spine", ["lumbar", "spine"]),
        ("PT to the low back 2x6", ["low", "back", "lumbar"]),
        ("Traction for the neck", ["neck", "cervical"]),
        ("Physical therapy for the bilateral knees", ["knees", "knee"]),
        ("Norco 10/325", []),
    ],
)
def test_the_body_words_a_diagnosis_may_name_the_part_by(treatment, body):
    assert body_words(treatment) == body


@pytest.mark.parametrize(
    ("key", "category", "also"),
    [
        (["physical", "therapy"], "rehabilitation", ["pt"]),
        (["occupational", "therapy"], "rehabilitation", ["ot"]),
        (["physical", "therapy"], "chiropractic", []),
        (["aquatic", "therapy"], "rehabilitation", []),
        (["magnetic", "resonance"], "diagnostics", ["mri", "mris"]),
        (["ray"], "diagnostics", ["rays", "xray", "xrays", "radiograph", "radiographs"]),
    ],
)
def test_a_letter_may_write_the_abbreviation_for_the_key_in_its_category(key, category, also):
    assert abbreviations_for(key, category) == also
