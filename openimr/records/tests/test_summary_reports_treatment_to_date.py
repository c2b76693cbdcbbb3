import pytest

from openimr.records.tests.drafting import draft, sentences_with


def note(text: str) -> str:
    return f"PROGRESS NOTE\nDate of Service: 02/24/2015\n{text}"


def test_a_treatment_to_date_statement_is_told_as_such():
    found = draft(
        note("HPI: Treatment to date has included six chiropractic visits and ibuprofen.")
    )
    assert sentences_with(found, "treatment to date") == [
        "Treatment to date has included six chiropractic visits and ibuprofen."
    ]


def test_a_completed_course_and_a_procedure_are_each_told():
    found = draft(
        note(
            "History: He underwent arthroscopic rotator cuff repair on October 14, 2014.\n"
            "Interval history: He has completed 12 sessions of postoperative physical therapy."
        )
    )
    assert sentences_with(found, "injured worker") == [
        "The injured worker has completed 12 sessions of postoperative physical therapy.",
        "The injured worker underwent arthroscopic rotator cuff repair on October 14, 2014.",
    ]


def test_the_medication_list_of_the_latest_note_is_told():
    found = draft(
        note(
            "CURRENT MEDICATIONS:\n1. Meloxicam 7.5 mg daily\n2. Lidoderm 5% patch, 12 hours on, "
            "12 hours off\n3. Omeprazole 20 mg daily"
        )
    )
    assert sentences_with(found, "medications") == [
        "Medications included Meloxicam 7.5 mg, Lidoderm 5% and Omeprazole 20 mg."
    ]
    assert found.facts["medications"] == "Meloxicam 7.5 mg, Lidoderm 5% and Omeprazole 20 mg"


def test_without_a_list_the_drugs_the_plan_continues_with_a_dose_are_the_medications():
    found = draft(
        note("PLAN:\n1. Physical therapy.\n2. Continue ibuprofen 600 mg three times daily.")
    )
    assert found.facts["medications"] == "ibuprofen 600 mg"


def test_a_course_the_complaints_already_tell_is_not_told_twice():
    found = draft(
        note("S: Reports knee pain 6/10. She has completed 8 sessions of physical therapy.")
    )
    assert len([s for s in found.sentences if "8 sessions" in s.text]) == 1
    assert "completed 8 sessions" in found.facts["treatment_to_date"]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "History: Tried a counterforce strap and 12 sessions of occupational therapy.",
            "The injured worker has tried a counterforce strap and 12 sessions of occupational therapy.",
        ),
        (
            "HPI: Physical therapy for 6 weeks and a subacromial injection gave no lasting relief.",
            "Physical therapy for 6 weeks and a subacromial injection gave no lasting relief.",
        ),
        (
            "HPI: She was treated with splinting and 10 sessions of hand therapy.",
            "Treatment to date has included splinting and 10 sessions of hand therapy.",
        ),
    ],
    ids=["tried", "gave no relief", "was treated with"],
)
def test_what_was_tried_is_told_in_the_records_words(text, sentence):
    assert sentences_with(draft(note(text)), sentence[:30]) == [sentence]


def test_procedure_reports_and_therapy_notes_on_file_are_treatment_to_date():
    procedure = (
        "PROCEDURE NOTE\nProcedure date: 9/14/2016\nProcedure: Right L5-S1 transforaminal "
        "epidural steroid injection."
    )
    therapy = "Harmony Acupuncture Clinic\nACUPUNCTURE TREATMENT NOTE\nDate: 10/05/2016\nBL23."
    found = draft(procedure, therapy)
    assert sentences_with(found, "underwent") == [
        "The injured worker underwent right L5-S1 transforaminal epidural steroid injection on "
        "9/14/2016."
    ]
    assert sentences_with(found, "records include") == [
        "Records include acupuncture note dated 10/5/2016."
    ]


def test_no_treatment_stated_gives_no_treatment_sentence():
    found = draft(note("Subjective: Low back pain since the injury."))
    assert "treatment_to_date" not in found.facts
    assert not sentences_with(found, "treatment") and not sentences_with(found, "medications")
