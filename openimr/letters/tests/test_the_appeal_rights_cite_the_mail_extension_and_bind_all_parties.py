"""The letter's appeal rights, as the parties read them. The 5 more days to appeal a letter
served by mail come from CCP 1013(a) (Matute v. LAUSD, WCAB en banc 2015), not from
LC 4610.6(h), which gives the 30 days: the letter cited only the latter for both. And the
determination binds all parties (LC 4610.6(g)), not only the employee and the claims
administrator, as the letter said."""

from openimr.cases.interchange import case_from_document
from openimr.letters.rendering import render


def _text(doc) -> str:
    return " ".join(render(case_from_document(doc), "text").decode("utf-8").split())


def test_the_mailed_letters_35_days_cite_their_own_source(seed_doc):
    text = _text(seed_doc)
    assert (
        "or 35 days if it reached you by mail (Labor Code section 4610.6(h); Code of Civil "
        "Procedure section 1013(a))"
    ) in text


def test_the_determination_binds_all_parties(seed_doc):
    text = _text(seed_doc)
    assert "binds all parties (Labor Code section 4610.6(g))" in text
