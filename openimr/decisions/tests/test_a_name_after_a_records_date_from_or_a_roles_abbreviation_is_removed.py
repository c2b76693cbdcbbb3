"""Names as an IMR summary writes them beside a record or a role, found by reading the
State's letters: "the consultation report dated 12-02-2016 by Jane Smith", "a progress note
from Jane Smith", "records from Tom Reyes", "the applicant followed up with Tom Reyes", "the
primary treating physician (PTP), Tom Reyes,", "her manager, Dale Brewer," (LC 4610.6(f);
45 CFR 164.514(b)(2)(i)(A)).
A service in the same place stays ("a report from Physical Therapy", "records from Fresno
Community Hospital", "the report dated 12-02-2016 by Utilization Review", "the physician
(PTP), Board Certified,")."""

import pytest

from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.labelled_names import (
    replace_labelled_names,
    replace_role_phrase_names,
)
from openimr.decisions.domain.names_after_verbs import replace_names_after_by
from openimr.decisions.domain.people_around import replace_people_around_names

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The orthopedic consultation report dated 12-02-2016 by Jane Smith indicates spasm.",
            f"The orthopedic consultation report dated 12-02-2016 by {R} indicates spasm.",
        ),
        (
            "The progress report dated 11-11-2016, by Tom Reyes, documented 8/10 pain.",
            f"The progress report dated 11-11-2016, by {R}, documented 8/10 pain.",
        ),
        (
            "The note dated March 3, 2016 by Tom Reyes documented spasm.",
            f"The note dated March 3, 2016 by {R} documented spasm.",
        ),
        (
            "A progress note from Jane Smith dated 11-29-16 was reviewed.",
            f"A progress note from {R} dated 11-29-16 was reviewed.",
        ),
        ("Records from Jane Smith were reviewed.", f"Records from {R} were reviewed."),
        (
            "The applicant followed up with Tom Reyes on 11-29-16.",
            f"The applicant followed up with {R} on 11-29-16.",
        ),
    ],
)
def test_a_name_after_a_records_date_or_from_is_removed(text, expected):
    assert replace_names_after_by(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Records from Kaiser Permanente Medical Group were reviewed.",
        "A report from Physical Therapy dated 3/3/2016 was reviewed.",
        "The request from Utilization Review was denied.",
        "She followed up with Physical Therapy and Pain Management.",
        "The report dated 12-02-2016 by Utilization Review was upheld.",
        "A letter from UCLA Medical Center was received.",
        "Records from Fresno Community Hospital were reviewed.",
        "She came from Mexico in 1998; the MRI from March 2016 was normal.",
    ],
)
def test_a_service_after_a_records_date_or_from_stays(text):
    assert replace_names_after_by(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The primary treating physician (PTP), Tom Reyes, requested an MRI.",
            f"The primary treating physician (PTP), {R}, requested an MRI.",
        ),
        (
            "The agreed medical evaluator (AME), Hana Sato, found her permanent and stationary.",
            f"The agreed medical evaluator (AME), {R}, found her permanent and stationary.",
        ),
    ],
)
def test_a_name_after_a_role_and_its_abbreviation_is_removed(text, expected):
    assert replace_role_phrase_names(replace_labelled_names(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The primary treating physician (PTP), Board Certified, requested an MRI.",
        "The physician (MD), Norco, and Lyrica were listed.",
        "Official Disability Guidelines (ODG), Low Back, Lumbar Supports.",
    ],
)
def test_a_description_after_a_role_and_its_abbreviation_stays(text):
    assert replace_labelled_names(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She reports that her manager, Dale Brewer, did not accommodate her.",
            f"She reports that her manager, {R}, did not accommodate her.",
        ),
        ("Her boss, Dale Brewer, offered modified duty.", f"Her boss, {R}, offered modified duty."),
        ("The foreman, Dale Brewer, witnessed the fall.", f"The foreman, {R}, witnessed the fall."),
        (
            "The manager, Pain Management, was consulted.",
            "The manager, Pain Management, was consulted.",
        ),
    ],
)
def test_a_name_after_the_workers_manager_is_removed(text, expected):
    assert replace_people_around_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The request was made by Jane Smith on 3/3/2016.",
            f"The request was made by {R} on 3/3/2016.",
        ),
        (
            "The decision was made by Utilization Review on 3/3/2016.",
            "The decision was made by Utilization Review on 3/3/2016.",
        ),
    ],
)
def test_a_name_after_made_by_is_removed(text, expected):
    assert replace_names_after_by(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The patient's mother-in-law, Rosa Diaz, watches the children.",
            f"The patient's mother-in-law, {R}, watches the children.",
        ),
        ("Her stepfather, Jose Tran, drives her.", f"Her stepfather, {R}, drives her."),
        (
            "The treating physician's assistant, Jane Doe, noted spasm.",
            f"The treating physician's assistant, {R}, noted spasm.",
        ),
        ("Stepfather: Jose Tran", f"Stepfather: {R}"),
        ("Stepmother: Breast Cancer", "Stepmother: Breast Cancer"),
        ("Her mother-in-law watches the children.", "Her mother-in-law watches the children."),
        (
            "The medical assistant, Board Certified, took vitals.",
            "The medical assistant, Board Certified, took vitals.",
        ),
    ],
)
def test_a_name_after_an_in_law_a_step_relative_or_an_assistant_is_removed(text, expected):
    assert replace_people_around_names(text) == expected
