"""A case brought in whole (`openimr case import`, the `openimr.case/1` format) gives each
item's ICD-10-CM codes as intake does: any chapter, U too (COVID-19 U07.1, a
post-COVID-19 condition U09.9, presumed work injuries for many workers, LC 3212.86-3212.88),
and letters in either case, since a code's letters are not case-sensitive. The format's
schema took every leading letter but U and capitals only, so such a case was refused whole;
it is now taken, its codes kept in capitals as the code set prints them."""

import pytest

from openimr.cases import models
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core.errors import InvalidInput

CODES = ["u09.9", "U07.1", "m54.16", "s46011a"]


@pytest.mark.django_db
def test_a_case_coded_in_the_u_chapter_or_in_small_letters_is_imported_in_capitals(
    three_item_doc,
):
    three_item_doc["items"][0]["icd10"] = CODES
    case_import(case=case_from_document(three_item_doc), actor="test")
    item = models.DisputedItem.objects.get(position=0)
    assert item.icd10 == ["U09.9", "U07.1", "M54.16", "S46011A"]


@pytest.mark.parametrize("code", ["UU9.9", "9U.1", "m2.91", "m23.9\u0131", "M23.91.1"])
def test_what_is_not_a_code_is_still_refused_at_its_place(three_item_doc, code):
    three_item_doc["items"][1]["icd10"] = ["M54.5", code]
    with pytest.raises(InvalidInput) as refused:
        case_from_document(three_item_doc)
    assert [p.path for p in refused.value.problems] == ["$.items[1].icd10[1]"]
