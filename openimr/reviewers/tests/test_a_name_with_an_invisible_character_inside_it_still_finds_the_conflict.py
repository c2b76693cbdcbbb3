"""A reviewer may have no material tie to the parties (LC 139.5(d); 8 CCR 9792.10.6), however
a name was pasted. A soft hyphen, a zero-width space or a word joiner carried inside a word
from a PDF or a word processor shows nothing: "Karen Ro\u00adberts" prints as "Karen Roberts".
The conflict matcher read it as a space, so "ro berts" matched no one (59% alike), and the
reviewer who is the requesting physician, or works for its medical group, was chosen and
let attest to having no conflict. Intake's comparisons already took them out
(core.text.without_invisible); the matcher now uses that same rule."""

import json

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.reviewers import models, services
from openimr.reviewers.domain.conflicts import panel_conflicts, reviewer_conflicts
from openimr.reviewers.domain.panel import PartyRole
from openimr.reviewers.index import PanelIndex, rapidfuzz_similarity
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.builders import TODAY, parties, reviewer, tie
from openimr.reviewers.tests.test_assignment_service import AT, DATA, DEMO_PANEL

INVISIBLE = {"soft hyphen": "\u00ad", "zero-width space": "\u200b", "word joiner": "\u2060"}
KAREN = reviewer("R-1", name="Dr. Karen Roberts")
AT_GROUP = reviewer("R-2", affiliations=(tie("Roberts Orthopedic Group"),))
OTHER = reviewer("R-3", name="Dr. Karen Robson")


def _codes(found: dict) -> dict[str, list[str]]:
    return {rid: [r.code for r in reasons] for rid, reasons in found.items()}


@pytest.mark.parametrize("mark", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_the_requesting_physician_pasted_with_an_invisible_character_is_the_reviewer(mark):
    case = parties((PartyRole.REQUESTING_PHYSICIAN, f"Karen Ro{mark}berts, M.D."))
    index = PanelIndex([KAREN, AT_GROUP, OTHER])
    assert _codes(panel_conflicts(case, index, index, TODAY)) == {
        "R-1": ["reviewer_is_requesting_physician"]
    }


@pytest.mark.parametrize("mark", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_tie_disclosed_with_an_invisible_character_is_still_a_tie(mark):
    pasted = reviewer("R-2", affiliations=(tie(f"Ro{mark}berts Orthopedic Group"),))
    case = parties((PartyRole.MEDICAL_GROUP, "Roberts Orthopedic Group"))
    index = PanelIndex([KAREN, pasted, OTHER])
    assert _codes(panel_conflicts(case, index, index, TODAY)) == {
        "R-2": ["affiliated_medical_group"]
    }


def test_the_check_at_attestation_finds_it_too():
    case = parties((PartyRole.MEDICAL_GROUP, "Ro\u00adberts Ortho\u200bpedic Group"))
    [reason] = reviewer_conflicts(AT_GROUP, case, TODAY, rapidfuzz_similarity)
    assert reason.code == "affiliated_medical_group"
    assert "(the names are" not in reason.text  # the same name, not a near one
    assert reviewer_conflicts(OTHER, case, TODAY, rapidfuzz_similarity) == []


@pytest.mark.django_db
def test_the_reviewer_who_is_the_requesting_physician_is_not_chosen_when_pasted_so():
    for one in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=one, actor="test")
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc.update(case_number="CM26-0000001", documents=[])
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")
    [first] = services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    chosen = first.reviewer.name
    models.Assignment.objects.all().delete()
    surname = chosen.split()[-1]
    doc["requesting_physician"]["name"] = chosen.replace(
        surname, f"{surname[:2]}\u00ad{surname[2:]}"
    )
    case_import(case=case_from_document(doc), actor="test", replace=True)
    [assignment] = services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    assert assignment.reviewer.name != chosen
    excluded = {c["code"] for e in assignment.explanation["excluded"] for c in e["reasons"]}
    assert "reviewer_is_requesting_physician" in excluded
