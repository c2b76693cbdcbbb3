"""A case imported whole (`openimr case import`, the `openimr.case/1` format) lists each
disputed treatment once (8 CCR 9792.10.6(d)), compared as intake and screening compare them:
ignoring case, spacing, punctuation, Unicode form and invisible characters. The case rule
had compared only case and spacing, so "MRI, lumbar spine." beside "MRI lumbar spine" was
imported as two items, to be decided twice, where an application listing both is refused."""

import pytest

from openimr.cases.domain.rules import case_problems
from openimr.core.case import Case, Category, Item


def _problems(*treatments):
    case = Case("CM24-0000001", items=tuple(Item(t, Category.DIAGNOSTICS) for t in treatments))
    return [(p.path, p.message) for p in case_problems(case)]


@pytest.mark.parametrize(
    "again",
    [
        "MRI lumbar spine",
        "mri  LUMBAR spine",
        "MRI, lumbar-spine.",
        "MRI lum\u00adbar spine",  # a soft hyphen, as text pasted from a PDF carries it
        "ＭＲＩ lumbar spine",  # full-width letters
    ],
)
def test_the_same_treatment_written_another_way_repeats_the_first(again):
    assert _problems("MRI lumbar spine", again) == [("$.items[1].treatment", "repeats items[0]")]


def test_other_treatments_are_not_repeats():
    assert (
        _problems("MRI lumbar spine", "MRI thoracic spine", "MRI lumbar spine with contrast") == []
    )
