"""The QA physician's checklist: each check passes on a sound letter and fails on a flawed one."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from openimr.core.case import Category, Citation, Decision, Item
from openimr.core.errors import InvalidInput, Problem
from openimr.review.domain.identity import ReviewerIdentity
from openimr.review.domain.qa import Check, Determination, documents_check, qa_checks, qa_ready

NOW = datetime(2014, 3, 3, 17, 0, tzinfo=UTC)
MTUS = Citation(True, "Chronic Pain Medical Treatment Guidelines, Physical Medicine, page 99")
RATIONALE = (
    "The progress note dated January 9, 2014 documents low back pain after 12 visits of "
    "physical therapy without functional improvement. The MTUS supports 9-10 visits over 8 "
    "weeks. The request is not medically necessary."
)
SUMMARY = (
    "The records indicate that this 47 year old male was injured on February 25, 2013. The "
    "most recent progress note, dated January 9, 2014, documents ongoing low back pain. "
    "A request for 6 more visits of physical therapy was denied on 2/10/2014."
)
RECORDS = ("Progress note January 9, 2014: low back pain; 12 PT visits. Request: PT x6.",)
ALLOWED = ("47", "2013-02-25", "2014-02-10")
ITEM = Item(
    "Physical therapy x6",
    Category.REHABILITATION,
    reviewer_basis=(MTUS,),
    decision=Decision.UPHELD,
    rationale=RATIONALE,
)
IDENTITY = ReviewerIdentity(("Jane Q. Roe",), ("A123456",))
SOUND = Determination(
    items=(ITEM, replace(ITEM, treatment="Acupuncture x6", decision=Decision.OVERTURNED)),
    clinical_summary=SUMMARY,
    documents_reviewed=("Progress note, Dr. Ann Lee, January 9, 2014",),
    identity=IDENTITY,
    due=NOW + timedelta(days=5),
    now=NOW,
)


def _checks(determination=SOUND, **options):
    options.setdefault("record_pages", RECORDS)
    options.setdefault("allowed_figures", ALLOWED)
    return qa_checks(determination, **options)


def _failed(checks):
    return [(c.code, c.where, c.text) for c in checks if not c.passed]


def _with_item(**change):
    return replace(SOUND, items=(replace(ITEM, **change), SOUND.items[1]))


def test_a_sound_determination_passes_every_check_and_is_ready():
    checks = _checks()
    assert _failed(checks) == []
    assert not any(c.warning for c in checks)
    assert qa_ready(checks)
    assert {c.code for c in checks} == {
        "summary_present",
        "documents_listed",
        "item_decided",
        "basis_hierarchy",
        "rationale_condition",
        "rationale_records",
        "rationale_standard",
        "identity_hidden",
        "on_time",
    }


def test_every_check_names_its_legal_source():
    sources = {c.code: c.source for c in _checks()}
    assert sources["item_decided"] == "LC 4610.6(d); 8 CCR 9792.10.6"
    assert sources["basis_hierarchy"] == "LC 4610.5(c)(2); 8 CCR 9792.21.1"
    assert sources["rationale_records"] == "LC 4610.6(e)"
    assert sources["identity_hidden"] == "LC 4610.6(f)"
    assert sources["on_time"] == "LC 4610.6(d)"


@pytest.mark.parametrize(
    ("determination", "failed"),
    [
        (
            _with_item(decision=None),
            [
                (
                    "item_decided",
                    "$.items[0].decision",
                    "item 1 (Physical therapy x6) is not decided",
                )
            ],
        ),
        (
            replace(SOUND, items=()),
            [("items_present", "$", "the determination has no disputed items")],
        ),
        (
            _with_item(rationale="  "),
            [
                (
                    "rationale_present",
                    "$.items[0].rationale",
                    "item 1 (Physical therapy x6) has no rationale",
                )
            ],
        ),
        (
            _with_item(rationale="The MTUS does not support more therapy for the back pain."),
            [
                (
                    "rationale_records",
                    "$.items[0].rationale",
                    "the rationale of item 1 (Physical therapy x6) does not state the records relied on",
                )
            ],
        ),
        (
            _with_item(rationale="Not medically necessary."),
            [
                (
                    "rationale_condition",
                    "$.items[0].rationale",
                    "the rationale of item 1 (Physical therapy x6) does not state the employee's medical condition",
                ),
                (
                    "rationale_records",
                    "$.items[0].rationale",
                    "the rationale of item 1 (Physical therapy x6) does not state the records relied on",
                ),
                (
                    "rationale_standard",
                    "$.items[0].rationale",
                    "the rationale of item 1 (Physical therapy x6) does not state the standard applied (the MTUS, a guideline or the evidence)",
                ),
            ],
        ),
        (
            replace(SOUND, clinical_summary=None),
            [("summary_present", "$.clinical_summary", "the clinical summary is empty")],
        ),
        (
            replace(SOUND, clinical_summary="Low back pain. See records."),
            [
                (
                    "summary_present",
                    "$.clinical_summary",
                    'the clinical summary holds the placeholder "see records"',
                )
            ],
        ),
        (
            replace(SOUND, clinical_summary="Low back pain. Physical therapy denied."),
            [
                (
                    "summary_present",
                    "$.clinical_summary",
                    "the clinical summary is too short (39 characters)",
                )
            ],
        ),
        (
            replace(SOUND, clinical_summary=SUMMARY.replace(". ", "; ")),
            [
                (
                    "summary_present",
                    "$.clinical_summary",
                    f"the clinical summary is too short ({len(SUMMARY)} characters)",
                )
            ],
        ),
        (
            replace(SOUND, documents_reviewed=()),
            [("documents_listed", "$.documents", "no document reviewed is listed")],
        ),
    ],
    ids=[
        "an undecided item",
        "no items",
        "a blank rationale",
        "a rationale without its records",
        "a rationale without any part",
        "no summary",
        "a placeholder summary",
        "a short summary",
        "a one-sentence summary",
        "no documents listed",
    ],
)
def test_a_flawed_determination_fails_the_check_that_names_its_flaw(determination, failed):
    checks = _checks(determination)
    assert _failed(checks) == failed
    assert not qa_ready(checks)


def test_each_hierarchy_problem_is_its_own_failed_check():
    problems = [
        Problem("$.items[0].why_not_mtus", "a basis without an MTUS citation needs why"),
        Problem("$.items[1].reviewer_basis", "a decided item needs the standard"),
    ]
    checks = _checks(basis_problems=problems)
    # Each names its item: the page shows the text alone, not the path.
    assert _failed(checks) == [
        (
            "basis_hierarchy",
            "$.items[0].why_not_mtus",
            "item 1 (Physical therapy x6): a basis without an MTUS citation needs why",
        ),
        (
            "basis_hierarchy",
            "$.items[1].reviewer_basis",
            "item 2 (Acupuncture x6): a decided item needs the standard",
        ),
    ]
    assert not qa_ready(checks)


@pytest.mark.parametrize(
    ("determination", "where", "text"),
    [
        (
            replace(SOUND, clinical_summary=SUMMARY + " Reviewed by Jane Roe."),
            "$.clinical_summary",
            "the reviewer's name appears in the clinical summary",
        ),
        (
            _with_item(rationale=RATIONALE + " Jane Q. Roe, reviewer."),
            "$.items[0].rationale",
            "the reviewer's name appears in the rationale of item 1",
        ),
        (
            _with_item(why_not_mtus="As Dr. Roe, I find the MTUS silent on this."),
            "$.items[0].why_not_mtus",
            "the reviewer's name appears in the basis of item 1",
        ),
        (
            _with_item(rationale=RATIONALE + " License A123456."),
            "$.items[0].rationale",
            "an identifier of the reviewer (license number) appears in the rationale of item 1",
        ),
    ],
    ids=["summary", "rationale", "why not MTUS", "license number"],
)
def test_the_reviewers_identity_fails_the_check_without_being_repeated(determination, where, text):
    checks = _checks(determination)
    assert ("identity_hidden", where, text) in _failed(checks)
    assert not any("Roe" in c.text or "123456" in c.text for c in checks)
    assert not qa_ready(checks)


@pytest.mark.parametrize(
    ("left", "passed", "warning", "words"),
    [
        (timedelta(days=5), True, False, "is due March 8, 2014 17:00 UTC"),
        (timedelta(hours=25), True, False, "is due March 4, 2014 18:00 UTC"),
        (timedelta(hours=24), True, True, "is due within 24 hours, March 4, 2014 17:00 UTC"),
        (timedelta(hours=3), True, True, "is due within 3 hours"),
        (timedelta(0), True, True, "is due within 0 hours"),
        (timedelta(seconds=-1), False, False, "was due March 3, 2014 16:59 UTC"),
        (timedelta(days=-2), False, False, "was due March 1, 2014"),
    ],
)
def test_the_deadline_check_fails_when_overdue_and_warns_within_a_day(left, passed, warning, words):
    [check] = [c for c in _checks(replace(SOUND, due=NOW + left)) if c.code == "on_time"]
    assert (check.passed, check.warning) == (passed, warning)
    assert words in check.text
    # A late determination is said to be late, and still issues: holding it makes it later.
    assert qa_ready([check])
    assert passed or "it is late, so issue it without delay" in check.text


def test_a_naive_instant_is_refused():
    with pytest.raises(InvalidInput) as raised:
        replace(SOUND, due=datetime(2014, 3, 8), now=datetime(2014, 3, 3))
    assert [p.path for p in raised.value.problems] == ["$.due", "$.now"]


@pytest.mark.parametrize(
    ("determination", "failed"),
    [
        (
            _with_item(rationale=RATIONALE + " The note of 2/2/2014 shows 24 visits."),
            [
                (
                    "figures_supported",
                    "$.items[0].rationale",
                    '"2/2/2014" in the rationale of item 1: no record reviewed has the date 2014-02-02',
                ),
                (
                    "figures_supported",
                    "$.items[0].rationale",
                    '"24 visits" in the rationale of item 1: no record reviewed has the number 24',
                ),
            ],
        ),
        (
            replace(SOUND, clinical_summary=SUMMARY.replace("47", "52")),
            [
                (
                    "figures_supported",
                    "$.clinical_summary",
                    '"52 year" in the clinical summary: no record reviewed has the number 52',
                )
            ],
        ),
    ],
    ids=["in a rationale", "in the summary"],
)
def test_an_unsupported_figure_is_flagged_without_holding_the_letter(determination, failed):
    checks = _checks(determination)
    assert _failed(checks) == failed
    assert all(not c.blocking for c in checks if not c.passed)
    assert qa_ready(checks)


def test_figures_are_not_checked_without_the_records():
    determination = _with_item(rationale=RATIONALE + " He had 24 visits.")
    assert _failed(_checks(determination, record_pages=None)) == []


def test_a_license_number_is_not_repeated_by_the_figure_check():
    determination = _with_item(rationale=RATIONALE + " Reviewer 123456.")
    checks = _checks(determination)
    assert [c.code for c in checks if not c.passed] == ["identity_hidden"]
    assert not any("123456" in c.text for c in checks)


def test_the_conditions_of_the_case_count_as_the_medical_condition():
    rationale = "The records do not support it for the fasciitis under the MTUS."
    determination = _with_item(rationale=rationale)
    assert [c.code for c in _checks(determination) if not c.passed] == ["rationale_condition"]
    assert _failed(_checks(determination, conditions=("Plantar fasciitis",))) == []


@pytest.mark.parametrize(
    ("checks", "ready"),
    [
        ([], True),
        ([Check("a", True, "", "")], True),
        ([Check("a", True, "", "", warning=True)], True),
        ([Check("a", False, "", "", blocking=False)], True),
        ([Check("a", True, "", ""), Check("b", False, "", "")], False),
    ],
    ids=["nothing", "passed", "passed with a warning", "non-blocking failure", "blocking failure"],
)
def test_qa_is_ready_when_every_blocking_check_passed(checks, ready):
    assert qa_ready(checks) is ready


@pytest.mark.parametrize(
    ("documents", "text"),
    [
        ((), "no document reviewed is listed"),
        (("Progress note",), "1 document reviewed is listed"),
        (("Progress note", "MRI"), "2 documents reviewed are listed"),
    ],
)
def test_the_documents_check_counts_in_words_that_agree(documents, text):
    # It had read "1 documents reviewed are listed".
    assert documents_check(documents).text == text
