import pytest

from openimr.reviewers.domain.names import name_tokens, normalise_name


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Acme Insurance Co.", "acme insurance"),
        ("ACME INSURANCE COMPANY", "acme insurance"),
        ("Acme Insurance Company, Inc.", "acme insurance"),
        ("Dr. Ramón Ortega", "ramon ortega"),
        ("Ramon Ortega MD", "ramon ortega"),
        ("Ortega, Ramón, M.D., Ph.D.", "ramon ortega"),  # surname first, turned round
        ("Mei-Ling Chen, Esq.", "mei ling chen"),
        ("Zoë Łukasiewicz", "zoe lukasiewicz"),
        ("Smith & Jones, LLP", "smith and jones"),
        ("State Comp Ins Fund", "state compensation insurance fund"),
        ("State Compensation Insurance Fund", "state compensation insurance fund"),
        ("Golden State Claims Svcs., Inc.", "golden state claims services"),
        ("Pacific Risk Mgmt LLC", "pacific risk management"),
        ("Calif. Med. Assn.", "calif medical association"),
        ("Natl Intl Svc Corp", "national international services"),
        ("St. Jude Medical Center", "saint jude medical center"),
        ("Main St Clinic", "main st clinic"),
        ("O'Brien Physical Therapy, P.C.", "obrien physical therapy"),
        ("Coastal Orthopedic Medical Group", "coastal orthopedic medical group"),
        ("  Mrs.   Ana   Ruiz  ", "ana ruiz"),
        # "Do" is a surname too: dropped as a post-nominal only after two other words.
        ("Anh Do", "anh do"),
        ("Anh Do, D.O.", "anh do"),
        ("John Smith DO", "john smith"),
        # A name made only of a legal form or a title keeps it rather than vanish.
        ("Inc.", "inc"),
        ("", ""),
    ],
)
def test_names_normalise_to_one_comparable_form(written, normalised):
    assert normalise_name(written) == normalised


def test_group_is_not_a_legal_form_so_a_medical_group_keeps_it():
    assert normalise_name("Valley Medical Group") != normalise_name("Valley Medical")


def test_name_tokens_are_the_words_in_order():
    assert name_tokens("state compensation insurance fund") == (
        "state",
        "compensation",
        "insurance",
        "fund",
    )
    assert name_tokens("") == ()
