"""The numbered list of record pages a letter prints after its rationales."""

import pytest

from openimr.core.errors import InvalidInput
from openimr.review.domain.provenance import (
    Linked,
    SourceRef,
    reference_numbers,
    references,
)

NOTE = "Progress note, Dr. Ann Lee, 1/9/2014"
UR = "Utilization review determination, 5/9/2014"
TITLES = {"doc-1": NOTE, "doc-2": UR}
P2, P3, UR1 = SourceRef("doc-1", 2), SourceRef("doc-1", 3), SourceRef("doc-2", 1)


@pytest.mark.parametrize(
    ("sentences", "listed", "numbers"),
    [
        ((), (), ()),
        ((Linked("No source."),), (), ((),)),
        ((Linked("A.", (P2,)),), (f"[1] {NOTE}, page 2",), ((1,),)),
        (
            (Linked("A.", (UR1, P2)), Linked("B.", (P2,)), Linked("C.", (P3,))),
            (f"[1] {UR}, page 1", f"[2] {NOTE}, page 2", f"[3] {NOTE}, page 3"),
            ((1, 2), (2,), (3,)),
        ),
        (
            (Linked("A.", (P3, P2)),),
            (f"[1] {NOTE}, page 3", f"[2] {NOTE}, page 2"),
            ((1, 2),),
        ),
    ],
    ids=["nothing", "unsourced", "one page", "numbered by first citation", "order of a sentence"],
)
def test_references_are_numbered_in_order_of_first_citation(sentences, listed, numbers):
    assert references(sentences, TITLES) == listed
    assert reference_numbers(sentences) == numbers


def test_a_source_without_a_title_is_refused_not_printed_as_an_id():
    with pytest.raises(InvalidInput) as raised:
        references([Linked("A.", (SourceRef("doc-9", 1), SourceRef("doc-8", 2)))], TITLES)
    assert [p.message for p in raised.value.problems] == [
        "no title for document doc-8",
        "no title for document doc-9",
    ]
