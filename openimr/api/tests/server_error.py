"""An unexpected error inside an API operation, for the tests of what its 500 answers and
logs: the public search's selector made to raise, as a bug in any operation would."""

from django.test import Client

from openimr.decisions import selectors as decision_selectors

PATH = "/api/v1/decisions"


def answer_of_a_bug(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(decision_selectors, "decision_search", broken)
    return Client(raise_request_exception=False).get(PATH)
