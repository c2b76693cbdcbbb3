"""Two spellings of a claims administrator's name mean the same administrator when they
differ only in case, spacing, punctuation or accents; a word more or less is another one."""

import pytest

from openimr.cases.domain.administrators import administrator_key


@pytest.mark.parametrize(
    "spelling",
    [
        "Golden State Claims Services, Inc.",
        "GOLDEN STATE CLAIMS SERVICES INC",
        "  golden   state claims services inc ",
        "Golden-State Claims Services Inc",
    ],
)
def test_the_same_words_are_the_same_administrator(spelling):
    assert administrator_key(spelling) == "golden state claims services inc"


def test_accents_do_not_matter():
    assert administrator_key("Zürich Seguros") == administrator_key("Zurich seguros")


@pytest.mark.parametrize(
    "other", ["Golden State Claims", "Golden State Claims Services", "Golden State Claims Svcs Inc"]
)
def test_a_word_more_or_less_is_another_administrator(other):
    assert administrator_key(other) != administrator_key("Golden State Claims Services, Inc.")


@pytest.mark.parametrize("blank", [None, "", "  ", ".,-"])
def test_no_name_has_no_key(blank):
    assert administrator_key(blank) == ""
