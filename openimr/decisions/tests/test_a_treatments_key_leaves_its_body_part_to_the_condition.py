"""The words that key a treatment's cohort, read without a database: the body part it is
written for is left to the condition, a rehabilitation abbreviation is written out, a
two-letter word in capitals ("CT") counts, a key with one word of its own takes the body part
as its second (one word alone is as broad as the word), and a treatment named by nothing but
a body part keeps its words rather than an empty key. The body part also reads as the region
a diagnosis names it by ("low back": lumbar)."""

import pytest

from openimr.decisions.domain.treatment_words import abbreviations_for, body_words, key_words
from openimr.decisions.precedents import _NOISE


@pytest.mark.parametrize(
    ("treatment", "category", "key", "body"),
    [
        ("Physical therapy for the lumbar spine", "rehabilitation", ["physical", "therapy"], ["lumbar", "spine"]),
        ("Lumbar physical therapy x 12", "rehabilitation", ["physical", "therapy"], ["lumbar"]),
        ("PT to the low back 2x6", "rehabilitation", ["physical", "therapy"], ["low", "back", "lumbar"]),
        ("Traction for the neck", "dmepos", ["traction", "neck"], ["neck", "cervical"]),
        ("Cervical pillow", "dmepos", ["pillow", "cervical"], ["cervical"]),
        ("MRI of the low back", "diagnostics", ["mri", "back"], ["low", "back", "lumbar"]),
        ("Acupuncture, right shoulder, 6 sessions", "acupuncture", ["acupuncture", "shoulder"], ["shoulder"]),
        ("OT 2x4 for the right wrist", "rehabilitation", ["occupational", "therapy"], ["wrist"]),
        ("PT/INR", "diagnostics", ["pt", "inr"], []),
        ("MRI of the lumbar spine without contrast", "diagnostics", ["mri", "lumbar"], ["lumbar", "spine"]),
        ("Lumbar MRI", "diagnostics", ["mri", "lumbar"], ["lumbar"]),
        ("CT scan of the left knee", "diagnostics", ["ct", "scan"], ["knee"]),
        ("X-rays of the right wrist, 3 views", "diagnostics", ["rays", "wrist"], ["wrist"]),
        ("Low level laser therapy to the low back", "rehabilitation", ["low", "level"], ["low", "back", "lumbar"]),
        ("Cervical epidural steroid injection at C5-C6", "injections", ["epidural", "steroid"], ["cervical"]),
        ("Lumbar epidural steroid injection at L4-L5", "injections", ["epidural", "steroid"], ["lumbar"]),
        ("Spinal cord stimulator trial", "surgery", ["spinal", "cord"], []),
        ("Hinged knee brace", "dmepos", ["hinged", "brace"], ["knee"]),
        ("Lumbar spine", "diagnostics", ["lumbar", "spine"], ["lumbar", "spine"]),
        ("Norco10/325 #90", "pharmaceuticals", ["norco"], []),
        ("Tramadol50mg", "pharmaceuticals", ["tramadol"], []),
        ("Lidoderm5% patch", "pharmaceuticals", ["lidoderm"], []),
        ("12 x 6 #90", "rehabilitation", [], []),
        ("Tramadol ER 100 mg #30", "pharmaceuticals", ["tramadol"], []),
        ("Norco 10/325 1 tab PO q6h PRN #90", "pharmaceuticals", ["norco"], []),
        ("Ketoprofen 10% cream 120 GM", "pharmaceuticals", ["ketoprofen"], []),
        ("", "", [], []),
    ],
)  # fmt: skip
def test_the_key_and_the_body_part_of_a_treatment(treatment, category, key, body):
    assert key_words(treatment, category, drop=_NOISE, limit=2) == key
    assert body_words(treatment) == body


@pytest.mark.parametrize(
    ("key", "category", "also"),
    [
        (["physical", "therapy"], "rehabilitation", ["pt"]),
        (["occupational", "therapy"], "rehabilitation", ["ot"]),
        (["physical", "therapy"], "chiropractic", []),
        (["aquatic", "therapy"], "rehabilitation", []),
    ],
)
def test_a_letter_may_write_the_abbreviation_for_the_key_in_its_category(key, category, also):
    assert abbreviations_for(key, category) == also
