from openimr.records.tests.drafting import draft, sentences_with

OLDER = """PROGRESS NOTE
Date of Service: 12/18/2013
SUBJECTIVE: The patient reports low back pain rated 5/10.
OBJECTIVE: Tenderness L4-S1.
"""
LATEST = """PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)
Patient: Gerald Roe    DOB: 07/22/1966    Date of Service: 02/19/2014
SUBJECTIVE COMPLAINTS:
The patient reports ongoing low back pain, rated 6/10, with morning stiffness.
OBJECTIVE FINDINGS:
Vital signs: BP 128/82, pulse 74, respirations 16.
Lumbar spine: Tenderness from L3-S1 with muscle spasms and guarding.
Straight leg raise negative bilaterally. Sensation intact.
"""


def test_the_latest_progress_note_by_date_gives_the_complaints_whatever_the_file_order():
    found = draft(LATEST, OLDER)
    [told] = sentences_with(found, "most recent")
    assert told == (
        "The most recent progress note, dated 2/19/2014, documented complaints of ongoing "
        "low back pain, rated 6/10, with morning stiffness."
    )
    assert found.facts["latest_note_date"] == "2014-02-19"


def test_the_exam_sentence_names_the_body_part_and_leaves_out_vital_signs_and_normal_findings():
    [told] = sentences_with(draft(LATEST), "examination")
    assert told == (
        "The physical examination of the lumbar spine demonstrated tenderness from L3-S1 with "
        "muscle spasms and guarding."
    )
    assert "128/82" not in told and "negative" not in told


def test_normal_findings_are_reported_when_there_is_nothing_abnormal():
    note = "PROGRESS NOTE\nDOS: 1/2/2015\nObjective: Straight leg raise negative. Strength 5/5."
    [told] = sentences_with(draft(note), "examination")
    assert (
        told == "The physical examination demonstrated straight leg raise negative. Strength 5/5."
    )


def test_a_complaint_without_its_subject_is_still_a_complaint():
    note = "SOAP\nDOS: 5/13/15\nS: Reports medial knee pain 6/10 with locking.\nO: Effusion."
    [told] = sentences_with(draft(note), "most recent")
    assert "documented complaints of medial knee pain 6/10 with locking." in told


def test_the_introduction_is_dropped_and_a_reported_statement_is_noted():
    note = (
        "PROGRESS REPORT\nDate: 12/3/13\nSUBJECTIVE:\nMr. Roe is a 60-year-old male who returns "
        "with neck pain, 6/10.\n"
    )
    assert "documented complaints of neck pain, 6/10." in sentences_with(draft(note), "recent")[0]
    stated = "PROGRESS NOTE\nDOS: 1/2/2015\nSubjective: She states that the pain is worse at night."
    assert "noted that the pain is worse at night." in sentences_with(draft(stated), "recent")[0]


def test_a_record_typed_in_capitals_is_summarised_in_ordinary_case_keeping_acronyms():
    note = (
        "PROGRESS NOTE\nDOS: 04/21/2015\nSUBJECTIVE COMPLAINTS:\nTHE PATIENT COMPLAINS OF LOW "
        "BACK PAIN WITH NUMBNESS, 7/10.\nOBJECTIVE FINDINGS:\nSLR POSITIVE ON THE LEFT AT 45 "
        "DEGREES AT L5.\n"
    )
    found = draft(note)
    assert "complaints of low back pain with numbness, 7/10." in found.text
    assert "SLR positive on the left at 45 degrees at L5." in found.text


def test_a_later_evaluation_is_the_most_recent_visit():
    evaluation = (
        "PSYCHIATRIC EVALUATION\nDate of Evaluation: 04/28/2017\nHISTORY OF PRESENT ILLNESS:\n"
        "She reports nightmares several times a week.\nMENTAL STATUS EXAMINATION:\n"
        "Affect: anxious and constricted, tearful.\n"
    )
    note = "PROGRESS NOTE\nDate of Service: 02/21/2017\nSubjective: She reports anxiety 7/10."
    found = draft(note, evaluation)
    assert found.facts["latest_note_date"] == "2017-04-28"
    assert sentences_with(found, "most recent")[0].startswith(
        "The most recent psychiatric evaluation, dated 4/28/2017, documented complaints of nightmares"
    )
    assert sentences_with(found, "mental status") == [
        "The mental status examination documented affect: anxious and constricted, tearful."
    ]


def test_a_note_without_complaint_or_exam_sections_still_gives_its_date():
    found = draft("PROGRESS NOTE\nDate of Service: 02/19/2014\nPlan: return in 6 weeks.")
    assert sentences_with(found, "most recent") == [
        "The most recent progress note is dated 2/19/2014."
    ]
    assert "complaints" not in found.facts and "exam" not in found.facts


def test_without_a_progress_note_or_evaluation_there_is_no_visit_sentence():
    found = draft("MRI OF THE LUMBAR SPINE\nDate of Exam: 01/22/2015\nIMPRESSION: Normal.")
    assert not sentences_with(found, "most recent")
    assert "latest_note_date" not in found.facts
