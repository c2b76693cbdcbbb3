"""A panel CSV the csv module cannot read to its end is refused whole, at the line where the
broken row starts, and nothing is imported. A quote left open in a name swallowed every row
after it into that one cell: the importer reported the row as "name: holds a control
character", and the reviewers written below it were neither imported nor named. A cell past
the csv field limit (131,072 characters, a pasted document) raised in the middle of the
import: a server error on the page and a traceback from the command, the rows before it
stored and the rows after it never read."""

import io

import pytest

from openimr.core.errors import InvalidInput
from openimr.reviewers import models, services
from openimr.reviewers.tests.test_panel_pages import GOOD, HEADER

pytestmark = pytest.mark.django_db
FIRST, LAST = GOOD, GOOD.replace("R-1,Dr. Ada Park", "R-3,Dr. Cy Moss")
BROKEN = {
    "a quote left open": 'R-2,"Dr. Bo Li,Psychiatry,ABPN',
    "a cell past the csv field limit": 'R-2,"' + "x" * 140_000 + '",Psychiatry',
    "text after a closing quote": 'R-2,"Dr. Bo" Li,Psychiatry',
}


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_the_file_is_refused_at_the_broken_row_and_nothing_is_imported(broken):
    text = "\n".join([HEADER, FIRST, broken, LAST, ""])
    with pytest.raises(InvalidInput) as refused:
        services.reviewers_import_csv(text=text, actor="clerk")

    [problem] = refused.value.problems
    assert problem.path == "line 3"
    assert problem.message.startswith("cannot be read as CSV")
    assert problem.message.endswith("nothing was imported")
    assert not models.Reviewer.objects.exists()


def test_the_page_answers_422_with_the_line_and_imports_nothing(client, staff_client):
    upload = io.BytesIO("\n".join([HEADER, FIRST, BROKEN["a quote left open"], LAST]).encode())
    upload.name = "panel.csv"
    response = client.post("/reviewers/import/", {"panel": upload})

    assert response.status_code == 422
    assert "line 3: cannot be read as CSV" in response.content.decode()
    assert not models.Reviewer.objects.exists()
