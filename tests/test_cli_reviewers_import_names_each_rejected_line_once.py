"""`openimr reviewers import` names a rejected row's line once per problem ("line 3:
license_states: ..."), as the import page does; it used to print "line 3: line 3: ..."."""

import pytest

from openimr.cli import main
from openimr.reviewers.tests.test_panel_pages import BAD, GOOD, HEADER


@pytest.mark.django_db(transaction=True)
def test_each_problem_of_a_rejected_row_names_its_line_once(tmp_path, capsys):
    path = tmp_path / "panel.csv"
    path.write_text(f"{HEADER}\n{GOOD}\n{BAD}\n", encoding="utf-8")
    assert main(["reviewers", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "  line 3: license_states: 'ZZ' is not a US state code\n" in err
    assert "line 3: line 3" not in err
