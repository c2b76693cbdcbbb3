"""A reviewer's or an affiliation's name of punctuation or accents alone ("...", a combining
accent) names no one: no conflict of interest could be found against it (LC 139.5(d)).
Intake refuses such a name with "must hold a letter or digit"; the panel import
(`openimr reviewers import`, the panel file) now refuses it by the same one rule, naming
the line (or JSON path) and the field, and imports the other rows."""

import pytest

from openimr.cli import main
from openimr.core.errors import InvalidInput
from openimr.reviewers import models
from openimr.reviewers.panel_format import panel_from_document
from openimr.reviewers.tests.test_panel_pages import GOOD, HEADER

NO_ONE = "must hold a letter or digit: punctuation or accents alone name no one"


def _row(**changes):
    cells = dict(zip(HEADER.split(","), GOOD.split(","), strict=True))
    cells.update(changes)
    return ",".join(cells.values())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"name": "..."}, f"line 2: name: {NO_ONE}"),
        ({"name": "\u0301"}, f"line 2: name: {NO_ONE}"),
        (
            {"affiliations": "paid_by:- / -"},
            f"line 2: affiliations: 'paid_by:- / -': the name {NO_ONE}",
        ),
        ({"affiliations": "employed_by:\u0301\u0301"}, "line 2: affiliations: "),
    ],
)
def test_the_import_command_rejects_the_row_at_its_line_and_field(tmp_path, capsys, changes, said):
    panel = tmp_path / "panel.csv"
    panel.write_text("\n".join([HEADER, _row(**changes), _row(reviewer_id="R-2"), ""]))
    assert main(["reviewers", "import", str(panel)]) == 2
    out, err = capsys.readouterr()
    assert "imported 1 reviewer(s), rejected 1 row(s)" in out
    assert said in err and NO_ONE in err
    assert list(models.Reviewer.objects.values_list("reviewer_id", flat=True)) == ["R-2"]


@pytest.mark.django_db
def test_a_name_with_a_letter_among_its_accents_is_imported(tmp_path):
    panel = tmp_path / "panel.csv"
    panel.write_text(
        "\n".join([HEADER, _row(name="Dr. O\u0301 Ana", affiliations="paid_by:A.B."), ""])
    )
    assert main(["reviewers", "import", str(panel)]) == 0
    assert models.Reviewer.objects.get().name == "Dr. O\u0301 Ana"


def test_the_panel_file_refuses_such_names_at_their_paths():
    doc = {
        "format": "openimr.panel/1",
        "reviewers": [
            {
                "reviewer_id": "R-1",
                "name": "...",
                "affiliations": [{"name": "\u0301", "kind": "paid_by"}],
            }
        ],
    }
    with pytest.raises(InvalidInput) as refused:
        panel_from_document(doc)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("$.reviewers[0].name", NO_ONE),
        ("$.reviewers[0].affiliations[0].name", NO_ONE),
    ]
