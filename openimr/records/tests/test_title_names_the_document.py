import pytest

from openimr.core.case import DocumentKind as K
from openimr.records.domain.inference import infer_record
from openimr.records.domain.text import document_lines
from openimr.records.domain.titles import infer_title


@pytest.mark.parametrize(
    ("text", "kind", "title"),
    [
        ("MRI OF THE LUMBAR SPINE WITHOUT CONTRAST", K.IMAGING, "MRI of the lumbar spine"),
        ("MRI RIGHT KNEE WITHOUT CONTRAST", K.IMAGING, "MRI of the right knee"),
        ("Exam: XR WRIST RIGHT 3 VIEWS", K.IMAGING, "X-ray of the wrist"),
        ("CERVICAL SPINE RADIOGRAPHS, 5 VIEWS", K.IMAGING, "X-ray of the cervical spine"),
        ("CT OF THE HEAD WITHOUT CONTRAST", K.IMAGING, "CT of the head"),
        ("RADIOLOGY REPORT", K.IMAGING, "Imaging report"),
        ("PROGRESS NOTE", K.PROGRESS_NOTE, "Progress note"),
        ("PHYSICAL THERAPY DISCHARGE SUMMARY", K.THERAPY_NOTE, "Physical therapy discharge summary"),
        ("CHIROPRACTIC TREATMENT NOTE", K.THERAPY_NOTE, "Chiropractic note"),
        ("PANEL QUALIFIED MEDICAL EVALUATION", K.EVALUATION, "Qualified medical evaluation"),
        ("PSYCHIATRIC EVALUATION", K.EVALUATION, "Psychiatric evaluation"),
        ("INITIAL COMPREHENSIVE PHYSIATRIC EVALUATION", K.EVALUATION, "Initial evaluation"),
        ("REQUEST FOR AUTHORIZATION", K.RFA, "Request for authorization"),
        ("NOTICE OF UTILIZATION REVIEW DETERMINATION", K.UR_DETERMINATION, "Utilization review determination"),
        ("PATIENT PAIN QUESTIONNAIRE", K.OTHER, "Patient pain questionnaire"),
    ],
)  # fmt: skip
def test_the_title_names_the_kind_and_for_a_study_its_modality_and_body_part(text, kind, title):
    assert infer_title(document_lines([text]), kind) == title


def test_a_document_with_no_text_is_titled_by_its_kind():
    assert infer_record([""]).title == "Document"
