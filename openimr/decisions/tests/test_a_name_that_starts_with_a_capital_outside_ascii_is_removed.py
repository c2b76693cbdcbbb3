"""A name whose first letter is a capital outside ASCII ("Émile Durand", "Łukasz Nowak",
"Ştefan Popescu", "ŠIMONOVÁ") is a name as "John Smith" is: after a title in capitals, a
role, a relative, "seen by" or a credential it goes, where the rules read only A to Z (or
Latin-1 in capitals) as a name's first letter and published it (45 CFR
164.514(b)(2)(i)(A); LC 4610.6(f))."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DR. ŁUKASZ NOWAK noted spasm.", "The physician noted spasm."),
        ("Per CLAIMS ADJUSTER ŁUKASZ NOWAK, denied.", f"Per CLAIMS ADJUSTER {R}, denied."),
        ("ATTORNEY ŠIMONOVÁ objected.", f"ATTORNEY {R} objected."),
        ("ATTORNEY ŠIMONOVÁ NOVÁKOVÁ objected.", f"ATTORNEY {R} objected."),
        ("Claims Adjuster Łukasz Nowak denied it.", f"Claims Adjuster {R} denied it."),
        ("The chiropractor Émile Durand treated her.", f"The chiropractor {R} treated her."),
        ("Claims Examiner Ólafur Sigurðsson denied it.", f"Claims Examiner {R} denied it."),
        ("She was seen by Émile Durand and Łukasz Nowak.", f"She was seen by {R} and {R}."),
        ("Her husband, Łukasz Nowak, drives her.", f"Her husband, {R}, drives her."),
        ("The adjuster, Ştefan Popescu, denied it.", f"The adjuster, {R}, denied it."),
        ("Signed by Žaneta Dvořák, PA-C.", f"Signed by {R}, PA-C."),
    ],
)
def test_a_name_with_a_capital_outside_ascii_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ÉCOLE protocol was not cited; ATTORNEY FEES are not at issue.",
        "The Émergence protocol was not cited; Évian water was allowed.",
        "The Ölfaktor test was not done.",
    ],
)
def test_capitals_outside_ascii_that_name_no_one_stay(text):
    assert published(text) == text
