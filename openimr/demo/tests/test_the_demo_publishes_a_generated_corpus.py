"""`openimr demo` publishes generated letters (`--corpus N`, 2,000 by default) through the
real ingest path, so the public search and analytics show a realistic corpus, not only the
demo's own letters: every layout parses, search finds them and opens them, the analytics
count them, and loading again adds nothing."""

import csv
import io

import pytest

from openimr.decisions.models import Decision
from openimr.decisions.selectors import decision_search
from openimr.demo.corpus import ALREADY
from openimr.demo.services import demo_corpus_load, demo_load
from openimr.letters.parsing import LAYOUTS

pytestmark = pytest.mark.django_db(transaction=True)
COUNT = 40  # eight of each layout: the same path as the default 2,000, at test speed


@pytest.fixture
def loaded():
    demo_load()
    own = decision_search({}).total
    return own, demo_corpus_load(COUNT)


def test_every_generated_letter_of_every_layout_is_ingested(loaded):
    _, done = loaded
    assert done.summary is not None, done.reason
    assert (done.summary.parsed, done.summary.failed) == (COUNT, 0)
    assert done.summary.by_layout == dict.fromkeys(sorted(LAYOUTS), COUNT // len(LAYOUTS))


def test_the_public_search_and_analytics_show_the_generated_letters(client, loaded):
    own, _ = loaded
    assert own >= 1  # the demo's own issued letters are published too
    assert decision_search({}).total == own + COUNT
    page = client.get("/decisions/").content.decode()
    assert f"{own + COUNT} decisions" in page
    generated = Decision.objects.order_by("id").last()  # ingested after the demo's own
    opened = client.get(f"/decisions/{generated.case_number}/")
    assert opened.status_code == 200
    # Letters per month counts each letter that states its date (the 2013 notices do not).
    dated = Decision.objects.exclude(decision_date=None)
    assert dated.count() >= own + COUNT * 4 // 5
    rows = list(csv.reader(io.StringIO(client.get("/decisions/analytics/letters.csv").text)))
    assert sum(int(row[-1]) for row in rows[1:]) == dated.count()
    assert "Overturn rate by treatment category" in client.get("/decisions/analytics/").text


def test_loading_again_adds_nothing(loaded):
    count = Decision.objects.count()
    again = demo_corpus_load(COUNT)
    assert again.summary is None and again.reason == ALREADY
    demo_load()
    assert Decision.objects.count() == count
