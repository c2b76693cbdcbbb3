from openimr.records.tests.drafting import draft, sentences_with

MRI = """INLAND DIAGNOSTIC IMAGING
MRI OF THE LUMBAR SPINE WITHOUT CONTRAST
Patient: Jane Roe   DOB: 02/14/1971
Date of Exam: 01/22/2015
FINDINGS:
L4-5: 5 mm protrusion.
IMPRESSION:
1. L4-5 5 mm left paracentral disc protrusion contacting the left L5 nerve root.
2. Mild L5-S1 facet arthropathy.
3. No fracture.
Electronically signed by Sunil Mehra, M.D. on 01/22/2015
"""
XRAY = """RADIOLOGY REPORT
X-RAY RIGHT SHOULDER, 3 VIEWS
Exam Date: 01/05/2017
IMPRESSION: No fracture or dislocation.
"""
NOTE = """PROGRESS NOTE
Date of Visit: January 20, 2015
History: An MRI of the right shoulder dated June 12, 2014 showed a full-thickness tear.
"""


def test_each_imaging_report_gives_its_first_impressions_with_its_date_oldest_first():
    found = draft(XRAY, MRI)
    assert sentences_with(found, "showed") == [
        "An MRI of the lumbar spine dated 1/22/2015 showed L4-5 5 mm left paracentral disc "
        "protrusion contacting the left L5 nerve root; mild L5-S1 facet arthropathy.",
        "An X-ray of the right shoulder dated 1/5/2017 showed no fracture or dislocation.",
    ]
    assert "2015-01-22" in found.facts["imaging"]


def test_the_radiologists_signature_is_not_part_of_the_impression():
    report = "CT OF THE HEAD\nExam Date: 4/12/2016\nIMPRESSION:\nNo acute abnormality.\nElectronically signed by Victor Almeida, MD"
    [told] = sentences_with(draft(report), "showed")
    assert told == "A CT of the head dated 4/12/2016 showed no acute abnormality."


def test_without_a_report_a_notes_account_of_a_study_is_told_as_the_notes():
    [told] = sentences_with(draft(NOTE), "MRI")
    assert told == (
        "According to the progress note dated 1/20/2015, an MRI of the right shoulder dated "
        "June 12, 2014 showed a full-thickness tear."
    )


def test_films_taken_today_are_dated_by_the_visit():
    note = "PROGRESS NOTE\nDOS: 05/06/14\nX-RAYS: Two views of the left knee taken today show well-fixed components."
    assert "2014-05-06" in draft(note).facts["imaging"]


def test_no_imaging_gives_no_imaging_sentence():
    found = draft(
        "PROGRESS NOTE\nDOS: 1/2/2015\nNo lumbar imaging has been performed. MRI is requested."
    )
    assert "imaging" not in found.facts
    assert not sentences_with(found, "showed")
