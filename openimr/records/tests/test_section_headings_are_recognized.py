import pytest

from openimr.records.domain.sections import SectionName, read_heading, split_sections
from openimr.records.domain.text import Line

S = SectionName


@pytest.mark.parametrize(
    ("line", "section", "rest"),
    [
        ("SUBJECTIVE COMPLAINTS:", S.SUBJECTIVE, ""),
        ("Subjective: Low back pain 6/10.", S.SUBJECTIVE, "Low back pain 6/10."),
        ("S: Pt returns for R knee.", S.SUBJECTIVE, "Pt returns for R knee."),
        ("Chief Complaint: Neck pain.", S.CHIEF_COMPLAINT, "Neck pain."),
        ("HPI: 27-year-old female", S.HISTORY_OF_PRESENT_ILLNESS, "27-year-old female"),
        ("History of Present Illness", S.HISTORY_OF_PRESENT_ILLNESS, ""),
        ("OBJECTIVE FINDINGS:", S.OBJECTIVE, ""),
        ("Physical Examination:", S.OBJECTIVE, ""),
        ("MENTAL STATUS EXAMINATION:", S.OBJECTIVE, ""),
        ("O: BP 130/82, P 76.", S.OBJECTIVE, "BP 130/82, P 76."),
        ("ASSESSMENT:", S.ASSESSMENT, ""),
        ("Diagnoses:", S.DIAGNOSES, ""),
        ("IMPRESSION:", S.IMPRESSION, ""),
        (
            "Impression: Normal right wrist radiographs.",
            S.IMPRESSION,
            "Normal right wrist radiographs.",
        ),
        ("TREATMENT PLAN:", S.PLAN, ""),
        ("Plan", S.PLAN, ""),
        ("CURRENT MEDICATIONS:", S.MEDICATIONS, ""),
        ("Meds: Naproxen 500 mg BID.", S.MEDICATIONS, "Naproxen 500 mg BID."),
        ("Treatment to date: PT x12.", S.TREATMENT_TO_DATE, "PT x12."),
        ("Mechanism of Injury: Motor vehicle accident.", S.MECHANISM, "Motor vehicle accident."),
        ("HISTORY OF INJURY:", S.INJURY_HISTORY, ""),
        ("Service/Good Requested: TENS unit", S.REQUEST, "TENS unit"),
        ("PAST MEDICAL HISTORY:", S.OTHER, ""),
        ("1. Diagnoses:", S.DIAGNOSES, ""),
        ("S: 55 yo female f/u R shoulder.", S.SUBJECTIVE, "55 yo female f/u R shoulder."),
        ("Neuro exam: Spurling positive.", S.OBJECTIVE, "Spurling positive."),
        ("Shoulder examination:", S.OBJECTIVE, ""),
        ("Reason for consultation: right elbow pain.", S.CHIEF_COMPLAINT, "right elbow pain."),
        ("PROCEDURES PERFORMED:", S.PROCEDURE, ""),
        ("17. DESCRIBE HOW THE ACCIDENT OR EXPOSURE HAPPENED:", S.MECHANISM, ""),
    ],
)
def test_a_heading_line_or_label_opens_its_section(line, section, rest):
    found = read_heading(line)
    assert found is not None
    assert (found[0], found[2]) == (section, rest)


@pytest.mark.parametrize(
    "line",
    [
        "P: 72",  # a pulse, not a plan
        "P: 72 bpm",
        "Date of last exam: 1/2/2015",
        "Lumbar spine: tenderness L4-S1",
        "Date of Service: 01/02/2015",
        "Patient: Jane Roe",
        "The plan was discussed with the patient.",
        "S",  # a single letter alone is no heading
    ],
)
def test_other_labels_and_sentences_are_not_headings(line):
    assert read_heading(line) is None


def test_sections_collect_the_lines_under_their_heading_in_order():
    lines = [
        Line(1, "PROGRESS NOTE"),
        Line(1, "SUBJECTIVE: Low back pain."),
        Line(1, "Worse with sitting."),
        Line(2, "OBJECTIVE:"),
        Line(2, "Tenderness L4-S1."),
    ]
    sections = split_sections(lines)
    assert [(s.name, [line.text for line in s.lines]) for s in sections] == [
        (S.HEADER, ["PROGRESS NOTE"]),
        (S.SUBJECTIVE, ["Low back pain.", "Worse with sitting."]),
        (S.OBJECTIVE, ["Tenderness L4-S1."]),
    ]
    assert sections[2].lines[0].page == 2
