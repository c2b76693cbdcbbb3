from datetime import date

import pytest

from openimr.core.case import DocumentKind as K
from openimr.records.domain.service_dates import infer_date_of_service, label_before
from openimr.records.domain.text import document_lines


def service_date(text: str, kind: K = K.PROGRESS_NOTE) -> date | None:
    return infer_date_of_service(document_lines([text]), kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date of Service: 01/02/2015", date(2015, 1, 2)),
        ("DOS: 1/2/15", date(2015, 1, 2)),
        ("Date of Exam: 2015-01-02", date(2015, 1, 2)),
        ("Exam Date: 09-30-2016", date(2016, 9, 30)),
        ("Date of Visit: January 2, 2015", date(2015, 1, 2)),
        ("Visit Date: Jan 2, 2015", date(2015, 1, 2)),
        ("Date of Evaluation: 04/28/2017", date(2017, 4, 28)),
        ("Date of Surgery: October 14, 2014", date(2014, 10, 14)),
        ("Date of Determination: 05/05/2015", date(2015, 5, 5)),
        ("Date: 12/3/13", date(2013, 12, 3)),
        ("Date(s) of Service: 03/04/2015", date(2015, 3, 4)),
        ("14. DATE OF YOUR FIRST EXAMINATION: 06/05/2018", date(2018, 6, 5)),
        ("Follow-up note     Feb. 24, 2016", date(2016, 2, 24)),
        ("OFFICE VISIT 04/03/2018", date(2018, 4, 3)),
        ("Review completed: 11/10/2016", date(2016, 11, 10)),
        ("Date of this notice: 2/20/18", date(2018, 2, 20)),
    ],
)
def test_a_labelled_date_of_service_is_read_in_any_form(text, expected):
    assert service_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient: Jane Roe    DOB: 02/14/1971    DOS: 04/21/2015", date(2015, 4, 21)),
        ("DOS: 04/21/2015   DOB: 02/14/1971", date(2015, 4, 21)),
        ("Date of Birth: 06/02/1966   Date of Evaluation: 11/05/2013", date(2013, 11, 5)),
        ("Date of Injury: 09/08/2014\nDate of Service: 03/10/2015", date(2015, 3, 10)),
        ("DOI: 1/7/15   DOS: 3/4/15", date(2015, 3, 4)),
        ("Birth date: 1/2/1960\nVisit Date: 06/14/2016", date(2016, 6, 14)),
        ("Patient: Luis Roe   D.O.B. 10/02/1979\nSeen: 08/01/2018", date(2018, 8, 1)),
    ],
    ids=[
        "birth date before on one line", "birth date after on one line", "long labels",
        "injury date on the line above", "two-digit years", "birth date ending in date",
        "dotted D.O.B. ending its line",
    ],
)  # fmt: skip
def test_a_date_of_birth_or_injury_beside_it_is_never_taken(text, expected):
    assert service_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Date of Injury: 09/08/2014",
        "DOB: 02/14/1971\nDOI: 09/08/2014",
        "Date received: 05/02/2014\nDate of Request: 04/30/2014",
        "She was seen on a Tuesday and improved.",
        "11. DATE OF INJURY OR ONSET OF ILLNESS: 06/04/2018",
        "13. DATE LAST WORKED: 06/04/2018",
        "",
    ],
)
def test_without_a_service_label_or_letter_date_there_is_no_date(text):
    assert service_date(text) is None


def test_a_specific_label_wins_over_a_bare_date_label():
    text = "Date: 01/05/2015\nDate of Exam: 01/02/2015"
    assert service_date(text) == date(2015, 1, 2)


def test_a_bare_date_label_counts_only_near_the_top():
    top = "Date: 05/20/14\n" + "Plan: therapy.\n" * 3
    bottom = "Plan: therapy.\n" * 20 + "Date: 05/20/14"
    assert service_date(top) == date(2014, 5, 20)
    assert service_date(bottom) is None


def test_a_request_is_dated_where_its_physician_signs_it():
    text = "REQUEST FOR AUTHORIZATION\nDate of Injury: 05/19/2012\n" + "x\n" * 20
    text += "Requesting Physician Signature: /s/ Farid Haddad, M.D.\nDate: 12/05/2013"
    assert service_date(text, K.RFA) == date(2013, 12, 5)
    assert service_date(text, K.PROGRESS_NOTE) is None


def test_a_label_printed_above_its_date_is_read():
    assert service_date("Date of Service:\n03/10/2015") == date(2015, 3, 10)


def test_a_letter_is_dated_by_its_date_line_at_the_top():
    text = "Western States Review Organization\n\nMarch 3, 2015\n\nDear Dr. Nakamura:"
    assert service_date(text, K.UR_DETERMINATION) == date(2015, 3, 3)


@pytest.mark.parametrize(
    ("segment", "label"),
    [
        ("Patient: Jane Roe    DOB:", "dob"),
        ("Birth Date:", "birth date"),
        ("Exam Date:", "exam date"),
        ("Date of Injury:", "date of injury"),
        ("Date:", "date"),
        ("Seen on", "seen on"),
        ("Update:", ""),
        ("", ""),
    ],
)
def test_the_longest_known_label_before_a_date_names_it(segment, label):
    assert label_before(segment) == label
