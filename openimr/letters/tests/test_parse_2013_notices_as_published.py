"""The 2013 notices as they were published: the decision section is headed "INDEPENDENT
MEDICAL REVIEW DECISION AND RATIONALE", states the filing, UR and assignment dates in one
sentence, and numbers its findings "1)"; extraction may glue "not" to "medically". The
letter below is written for this test in that structure (its facts are invented)."""

from openimr.letters.parsing import parse_text

NOTICE = """MAXIMUS FEDERAL SERVICES, INC.
Notice of Independent Medical Review Determination
Dated: 10/2/2013
IMR Case Number: CM13-0045678
Date of UR Decision: 9/3/2013
Date of Injury: 4/11/2010
IMR Application Received: 9/12/2013
Final Determination: PARTIAL OVERTURN. This means we decided that some of the disputed
items/services are medically necessary and appropriate.
INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
An application for Independent Medical Review was filed on 9/12/2013 disputing the
Utilization Review Denial dated 9/3/2013. A Notice of Assignment and Request for
Information was provided to the above parties on 9/24/2013. A decision has been made
for each of the treatment and/or services that were in dispute:
1) MAXIMUS Federal Services, Inc. has determined the request for twelve sessions of
aquatic therapy is notmedically necessary and appropriate.
2) MAXIMUS Federal Services, Inc. has determined the request for a lumbar support
brace is medically necessary and appropriate.
Medical Qualifications of the Expert Reviewer:
The independent Medical Doctor who made the decision has no affiliation with the
employer, employee, providers or the claims administrator. The physician reviewer is
Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in
California. He/she has been in active clinical practice for more than five years.
Case Summary:
The patient is a 51 year-old male injured on 4/11/2010 lifting boxes, with low back pain.
"""


def test_a_published_2013_notice_gives_each_finding_its_decision_and_its_dates():
    parsed = parse_text(NOTICE)
    assert parsed.layout == "notice-2013"
    items = [(i["treatment"], i["decision"]) for i in parsed.case["items"]]
    assert items == [
        ("twelve sessions of aquatic therapy", "upheld"),
        ("a lumbar support brace", "overturned"),
    ]
    assert parsed.case["dates"] == {
        "injury": "2010-04-11",
        "ur_decision": "2013-09-03",
        "application_received": "2013-09-12",
        "assigned": "2013-09-24",
        "records_complete": None,
        "decision": "2013-10-02",
    }
    assert parsed.confidence["dates.assigned"] == 0.9
    # Printed "Physical Medicine and Rehabilitation": the known name, as the later letters spell it.
    assert parsed.case["reviewer"]["specialties"] == ["Physical Medicine & Rehabilitation"]
    assert parsed.printed == {"reviewer.specialties": ["Physical Medicine and Rehabilitation"]}
    assert parsed.case["reviewer"]["licensed_in"] == ["CA"]
