import pytest

from openimr.core.case import Citation
from openimr.letters.domain.guidelines import CLAIMS_ADMINISTRATOR, EXPERT_REVIEWER, guideline_line

M1 = Citation(True, "Chronic Pain Medical Treatment Guidelines, Opioids")
M2 = Citation(True, "ACOEM Chapter 12, Low Back Complaints")
N1 = Citation(False, "ODG, Low Back, Physical Therapy")


@pytest.mark.parametrize(
    ("basis", "party", "line"),
    [
        (
            [M1],
            EXPERT_REVIEWER,
            "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids.",
        ),
        (
            [M1, M2],
            EXPERT_REVIEWER,
            "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids; ACOEM Chapter 12, Low Back Complaints.",
        ),
        (
            [N1],
            CLAIMS_ADMINISTRATOR,
            "The Claims Administrator did not base their decision on the MTUS. "
            "Decision based on Non-MTUS Citation ODG, Low Back, Physical Therapy.",
        ),
        (
            [M1, N1],
            EXPERT_REVIEWER,
            "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids. "
            "Decision based on Non-MTUS Citation ODG, Low Back, Physical Therapy.",
        ),
        (
            [],
            CLAIMS_ADMINISTRATOR,
            "The Claims Administrator did not cite any medical evidence for its decision.",
        ),
        (
            [Citation(True, "ACOEM 2nd ed., pg. 607.")],
            EXPERT_REVIEWER,
            "Decision based on MTUS ACOEM 2nd ed., pg. 607.",
        ),
    ],
    ids=["one MTUS", "two MTUS", "non-MTUS only", "both", "none", "no doubled period"],
)
def test_guideline_line(basis, party, line):
    assert guideline_line(basis, party) == line
