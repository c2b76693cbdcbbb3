"""A party's name written with one typo that turns it into another common name is still a
conflict of interest (LC 139.5(d); 8 CCR 9792.10.6). The panel index looked a name up only by
its rarer words: "William Hall" written for a tie to "William Hill" looked up "hall", whose
near spellings ("hll" → "hill") were skipped as too common, and never "william", the commonest
first name; so the reviewer tied to William Hill was chosen. The index now also looks a
person's name up by its pairs of words, and by two words written together ("AmandaTaylor")."""

from itertools import product

from openimr.reviewers.domain.conflicts import panel_conflicts
from openimr.reviewers.domain.panel import PartyRole
from openimr.reviewers.index import PanelIndex
from openimr.reviewers.tests.builders import TODAY, parties, reviewer, tie

# 64 made-up words of four letters: first names and surnames of a crowd.
CROWD = ["".join(p).title() for p in product("klmnrstv", "aeiou"[:4], "dn", "o")][:64]


def _crowd_panel(*named: tuple[str, str]) -> PanelIndex:
    """Over 50 ties to a "... Hill", "... Hall" to a "William ...", and to an "Amanda ..." and
    a "... Taylor" (each word commoner than PanelIndex's common cut), plus ``named``."""
    crowd = [
        *(f"{word} Hill" for word in CROWD),
        *(f"William {word}" for word in CROWD),
        *(f"Amanda {word}" for word in CROWD),
        *(f"{word} Taylor" for word in CROWD),
    ]
    ties = [reviewer(f"R-C{n}", affiliations=(tie(name),)) for n, name in enumerate(crowd)]
    return PanelIndex([*ties, *(reviewer(rid, affiliations=(tie(n),)) for rid, n in named)])


def _conflicted(index: PanelIndex, party: str) -> dict[str, list[str]]:
    case = parties((PartyRole.REQUESTING_PHYSICIAN, party))
    found = panel_conflicts(case, index, index, TODAY)
    return {rid: [r.matched[1] for r in reasons] for rid, reasons in found.items()}


def test_a_typo_that_makes_a_common_surname_still_finds_the_tie():
    index = _crowd_panel(("R-X", "William Hill"))
    assert _conflicted(index, "Dr. William Hall") == {"R-X": ["William Hill"]}


def test_a_typo_on_a_common_first_name_written_surname_first_still_finds_the_tie():
    index = _crowd_panel(("R-X", "Hill, William"))
    assert _conflicted(index, "Wiliam Hill, M.D.") == {"R-X": ["Hill, William"]}


def test_a_short_word_one_letter_away_in_a_common_pair_is_found():
    index = _crowd_panel(("R-X", "William Ho"))
    assert _conflicted(index, "William Hoi") == {"R-X": ["William Ho"]}


def test_two_words_written_together_meet_the_name_written_apart():
    index = _crowd_panel(("R-X", "AmandaTaylor"), ("R-Y", "Amanda Taylor"))
    assert _conflicted(index, "Amanda Taylor") == {
        "R-X": ["AmandaTaylor"],
        "R-Y": ["Amanda Taylor"],
    }
    assert _conflicted(index, "AmandaTaylor").keys() == {"R-X", "R-Y"}


def test_a_common_pair_of_an_organisations_words_does_not_pull_in_the_panel():
    many = [
        reviewer(f"R-{n}", affiliations=(tie(f"{word} Medical Group"),))
        for n, word in enumerate(CROWD)
    ]
    index = PanelIndex([*many, reviewer("R-X", affiliations=(tie("Acme Medical Group"),))])
    assert len(index._block("acme medical group")) == 1
