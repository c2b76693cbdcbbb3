import pytest

from openimr.core.case import DocumentKind as K
from openimr.records.domain.authors import infer_author
from openimr.records.domain.text import document_lines


def author(text: str, kind: K = K.PROGRESS_NOTE) -> str | None:
    return infer_author(document_lines([text]), kind)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Impression: normal.\nElectronically signed by: Irene Castillo, MD on 4/2/15 5:12 PM",
            K.IMAGING,
            "Irene Castillo, MD",
        ),
        ("Findings: normal.\nRadiologist: Amit Chaudhry, MD", K.IMAGING, "Amit Chaudhry, MD"),
        ("Decision: denied.\nReviewer: Daniel Fosse, MD, Orthopedic Surgery", K.UR_DETERMINATION, "Daniel Fosse, MD"),
        ("Physician Reviewer: Paul Tran, D.O.\nBoard Certified", K.UR_DETERMINATION, "Paul Tran, D.O."),
        ("Plan: PT.\n\nKenneth Abernathy, D.O.\nPhysical Medicine", K.PROGRESS_NOTE, "Kenneth Abernathy, D.O."),
        ("Plan: PT.\nDanielle Ferreira, PT, DPT\nCA License PT 41187", K.THERAPY_NOTE, "Danielle Ferreira, PT, DPT"),
        ("Note.\nHelena Marsh, Psy.D.", K.PROGRESS_NOTE, "Helena Marsh, Psy.D."),
        ("RAMÓN ORTEGA-VÁSQUEZ, M.D., INC.\nOrthopaedic Surgery\nVisit Date: 06/14/2016", K.PROGRESS_NOTE, "Ramón Ortega-Vásquez, M.D."),
        ("Surgeon: Lucia Ferrante, M.D.\nProcedure: repair", K.OPERATIVE_REPORT, "Lucia Ferrante, M.D."),
        ("IMPRESSION: stenosis.\nReading radiologist: Paul Amundsen, MD", K.IMAGING, "Paul Amundsen, MD"),
        ("Doctor's Name and Degree: Anita Kaur, M.D.     Date: 06/05/2018", K.EVALUATION, "Anita Kaur, M.D."),
        ("P: MRI.\n\nJacqueline Soto, PA-C / Ronald Imai, M.D.", K.PROGRESS_NOTE, "Ronald Imai, M.D."),
        ("I ask that my therapy be approved.\nSincerely,\nMaria Lopez", K.CORRESPONDENCE, "Maria Lopez"),
    ],
    ids=[
        "electronic signature", "radiologist label", "reviewer label with specialty",
        "physician reviewer label", "signature block", "therapist above a licence line",
        "psychologist", "letterhead in capitals", "surgeon label", "role ending in radiologist",
        "DWC first report", "supervising physician co-signs", "letter signed under its closing",
    ],
)  # fmt: skip
def test_the_author_is_the_signer(text, kind, expected):
    assert author(text, kind) == expected


def test_the_patients_name_is_never_the_author_even_with_credentials_beside_it():
    text = "Patient: Jane Roe\nJane Roe, PT\nAssessment: better."
    assert author(text) is None


def test_the_addressee_and_copy_recipients_are_not_the_author():
    text = "Dear Dr. Okafor:\nThe request is denied.\ncc: Mei-Ling Chen, Esq.; Jane Roe"
    assert author(text, K.UR_DETERMINATION) is None


def test_the_referring_physician_is_not_the_author_of_an_imaging_report():
    text = "Referring Physician: Priya Raghunathan, MD\nIMPRESSION: normal.\nInterpreted by: Howard Kessler, MD"
    assert author(text, K.IMAGING) == "Howard Kessler, MD"


def test_the_requesting_physician_writes_the_request_but_not_the_ur_decision():
    text = "Requesting Physician: Farid Haddad, M.D.\nService/Good Requested: TENS unit"
    assert author(text, K.RFA) == "Farid Haddad, M.D."
    assert author(text, K.UR_DETERMINATION) is None


def test_a_name_in_the_request_forms_physician_block_is_its_author_not_the_patient():
    text = (
        "Employee Information\nName (Last, First, Middle): Whitcomb, Gerald\n"
        "Requesting Physician Information\nName: Kenneth Abernathy, D.O.\nSpecialty: PM&R"
    )
    assert author(text, K.RFA) == "Kenneth Abernathy, D.O."


def test_an_electronic_signature_outranks_a_letterhead():
    text = (
        "Harold Lee, M.D.\nClinic\nFindings: normal.\nElectronically signed by Ravi Subramanian, MD"
    )
    assert author(text, K.IMAGING) == "Ravi Subramanian, MD"


def test_a_document_without_signature_has_no_author():
    assert author("Where is your pain? Both hands.\nPatient signature: B. Solano", K.OTHER) is None
