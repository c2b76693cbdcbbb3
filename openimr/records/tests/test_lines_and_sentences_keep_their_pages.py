from openimr.records.domain.text import Line, Passage, document_lines, passages


def test_page_counters_and_repeated_running_headers_are_dropped_after_their_first_printing():
    pages = [
        "Valley Spine - Jane Roe - 02/19/2014\nSUBJECTIVE:\nLow back pain.\nPage 1 of 2",
        "Valley Spine - Jane Roe - 02/19/2014\nPLAN:\nTherapy.\nPage 2 of 2",
    ]
    assert [line.text for line in document_lines(pages)] == [
        "Valley Spine - Jane Roe - 02/19/2014",
        "SUBJECTIVE:",
        "Low back pain.",
        "PLAN:",
        "Therapy.",
    ]


def test_each_line_remembers_its_page():
    lines = document_lines(["first", "second"])
    assert lines == (Line(1, "first"), Line(2, "second"))


def test_column_gaps_stay_a_double_space_so_a_labels_value_can_end_there():
    [line] = document_lines(["Patient: Jane Roe        DOB: 01/02/1960"])
    assert line.text == "Patient: Jane Roe  DOB: 01/02/1960"


def test_a_sentence_wrapped_across_a_page_break_cites_both_pages():
    lines = [Line(1, "She has completed twelve sessions of"), Line(2, "physical therapy.")]
    assert passages(lines) == (
        Passage("She has completed twelve sessions of physical therapy.", (1, 2)),
    )


def test_titles_initials_decimals_and_list_numbers_do_not_end_a_sentence():
    lines = [Line(1, "1. Seen by Dr. Okafor and J. Marsh. Meloxicam 7.5 mg daily. Better.")]
    assert [p.text for p in passages(lines)] == [
        "1. Seen by Dr. Okafor and J. Marsh.",
        "Meloxicam 7.5 mg daily.",
        "Better.",
    ]


def test_list_entries_and_labelled_lines_are_kept_apart():
    lines = [
        Line(1, "Naproxen 550 mg twice daily"),
        Line(1, "- Omeprazole 20 mg daily"),
        Line(1, "Lumbar spine: tenderness L4-S1"),
    ]
    assert [p.text for p in passages(lines)] == [
        "Naproxen 550 mg twice daily",
        "- Omeprazole 20 mg daily",
        "Lumbar spine: tenderness L4-S1",
    ]


def test_a_long_line_in_capitals_is_prose_not_a_heading():
    lines = [
        Line(1, "THE PATIENT COMPLAINS OF LOW BACK PAIN RADIATING DOWN THE"),
        Line(1, "LEFT LEG."),
    ]
    assert [p.text for p in passages(lines)] == [
        "THE PATIENT COMPLAINS OF LOW BACK PAIN RADIATING DOWN THE LEFT LEG."
    ]
