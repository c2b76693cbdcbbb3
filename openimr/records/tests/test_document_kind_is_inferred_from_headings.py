import pytest

from openimr.core.case import DocumentKind as K
from openimr.records.domain.inference import infer_record

PR2 = """PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)
Patient: Jane Roe   DOS: 02/19/2014
SUBJECTIVE: Low back pain 6/10.
OBJECTIVE: Tenderness L3-S1.
"""
SOAP = """Bayview Orthopedic Associates
Patient: Jane Roe   DOS: 3/4/15
S: Knee pain, locking. She has completed 8 sessions of physical therapy.
O: Medial joint line tenderness.
A: Meniscus tear.
P: Arthroscopy.
"""
PROGRESS_NOTE_MENTIONING_MRI = """PROGRESS NOTE
Date of Visit: 2015-02-24
Subjective: Neck pain.
An MRI of the cervical spine dated 1/5/2015 showed a C5-6 disc bulge.
Impression: cervical strain.
"""
NARRATIVE_FOLLOW_UP = """Lucia Ferrante, M.D.
Orthopaedic Follow-up Report
Re: Walter Roe
Date of Visit: January 20, 2015
He returns after rotator cuff repair and reports stiffness.
"""
MRI = """INLAND DIAGNOSTIC IMAGING
MRI OF THE LUMBAR SPINE WITHOUT CONTRAST
Date of Exam: 01/22/2015
FINDINGS: L4-5 protrusion.
IMPRESSION: L4-5 protrusion.
"""
XRAY = """RADIOLOGY REPORT
Exam: X-RAY RIGHT SHOULDER, 3 VIEWS
IMPRESSION: No fracture.
Radiologist: Howard Kessler, MD
"""
OPERATIVE = """OPERATIVE REPORT
Date of Surgery: October 14, 2014
PROCEDURES PERFORMED: Arthroscopic rotator cuff repair.
ESTIMATED BLOOD LOSS: Minimal.
"""
RFA = """State of California, Division of Workers' Compensation
REQUEST FOR AUTHORIZATION
DWC Form RFA
Requested Treatment
Service/Good Requested: TENS unit
"""
UR = """COMPWEST UTILIZATION MANAGEMENT
UTILIZATION REVIEW DETERMINATION
Date of Determination: 05/05/2015
Date of Request: 04/22/2015
Your request for authorization dated 04/22/2015 for an MRI of the lumbar spine was reviewed.
Determination: NON-CERTIFIED
"""
UR_LETTER = """Western States Review Organization
March 3, 2015
Dear Dr. Nakamura:
Your request for MRI of the lumbar spine without contrast has been reviewed. The request is
non-certified.
Sincerely,
Karen Whitfield, M.D.
Physician Reviewer
"""
APPEAL_LETTER = """ANTELOPE VALLEY OCCUPATIONAL MEDICINE
March 10, 2015
Dear Ms. Ramirez:
I am writing about the utilization review non-certification of March 3, 2015 for an MRI.
Sincerely,
Theodore Nakamura, M.D.
"""
THERAPY = """RIVER CITY PHYSICAL THERAPY
Daily Note
Visit 8 of 12   Date: 04/15/14
S: Knee stiffness.
"""
CHIROPRACTIC = """ALIGN CHIROPRACTIC & WELLNESS
CHIROPRACTIC TREATMENT NOTE
Date of Service: 2015-02-10
Subjective: Neck pain 5/10.
"""
QME = """PANEL QUALIFIED MEDICAL EVALUATION
Date of Examination: August 14, 2013
HISTORY: Neck pain.
"""
PSYCHIATRIC = """SAMUEL OKAFOR, M.D.
PSYCHIATRIC EVALUATION
Date of Evaluation: 04/28/2017
HISTORY OF PRESENT ILLNESS: Nightmares.
"""
APPLICATION = """APPLICATION FOR INDEPENDENT MEDICAL REVIEW
DWC Form IMR
Employee name: Jane Roe
"""
ULTRASOUND = """MERIDIAN IMAGING ASSOCIATES
Musculoskeletal Ultrasound Report
Study: Ultrasound, left hip, limited
Conclusion: Partial tear of the gluteus medius tendon.
Reading physician: Oleg Petrenko, M.D.
"""
UR_UNABLE = """March 1, 2019
Dear Dr. Zhao,
After a physician review of the records, we are unable to approve the right C6-7 injection.
Sincerely,
Gordon Pike, M.D.
Reviewing Physician, Bay Risk Services Utilization Review
"""
NOTE_CITING_AME = """Golden Valley Occupational Clinic
Pt: Rosalind Roe     Visit: 07/10/2018
S: 55 yo female f/u R shoulder. Failed PT and 2 injections per AME report.
PE: Tender at the greater tuberosity.
P: MRI R shoulder as recommended by AME.
"""
CONSULTATION = """COASTAL HAND CENTER
Consultation
Referring doctor: Marcus Hale, M.D.
Reason for consultation: right elbow pain.
History: tried 12 sessions of occupational therapy.
"""
QUESTIONNAIRE = """PATIENT PAIN QUESTIONNAIRE
Where is your pain? Both hands.
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (PR2, K.PROGRESS_NOTE),
        (SOAP, K.PROGRESS_NOTE),
        (PROGRESS_NOTE_MENTIONING_MRI, K.PROGRESS_NOTE),
        (NARRATIVE_FOLLOW_UP, K.PROGRESS_NOTE),
        (MRI, K.IMAGING),
        (XRAY, K.IMAGING),
        (OPERATIVE, K.OPERATIVE_REPORT),
        (RFA, K.RFA),
        (UR, K.UR_DETERMINATION),
        (UR_LETTER, K.UR_DETERMINATION),
        (APPEAL_LETTER, K.CORRESPONDENCE),
        (THERAPY, K.THERAPY_NOTE),
        (CHIROPRACTIC, K.THERAPY_NOTE),
        (QME, K.EVALUATION),
        (PSYCHIATRIC, K.EVALUATION),
        (APPLICATION, K.APPLICATION),
        (ULTRASOUND, K.IMAGING),
        (UR_UNABLE, K.UR_DETERMINATION),
        (NOTE_CITING_AME, K.PROGRESS_NOTE),
        (CONSULTATION, K.EVALUATION),
        (QUESTIONNAIRE, K.OTHER),
        ("", K.OTHER),
    ],
    ids=[
        "PR-2 form", "SOAP note that mentions therapy", "progress note that mentions an MRI",
        "narrative follow-up report", "MRI report", "X-ray report", "operative report",
        "request for authorization", "UR determination quoting the request", "UR letter",
        "appeal letter about UR", "physical therapy daily note", "chiropractic note",
        "panel QME", "psychiatric evaluation", "IMR application", "ultrasound report",
        "UR letter unable to approve", "note citing an AME", "consultation", "questionnaire",
        "empty",
    ],
)  # fmt: skip
def test_the_kind_is_read_from_the_headings_and_where_they_stand(text, kind):
    assert infer_record([text]).kind is kind


def test_a_heading_on_a_later_page_weighs_less_than_the_opening_title():
    pages = ["PROGRESS NOTE\nSubjective: back pain.", "RADIOLOGY REPORT attached: MRI of the spine"]
    assert infer_record(pages).kind is K.PROGRESS_NOTE
