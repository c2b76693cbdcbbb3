"""`trail_verify` passes a trail as written and names the event where a changed, removed,
inserted or reordered event breaks the chain, and what happened there."""

import pytest

from openimr.audit.chain import CONTENT, event_hash
from openimr.audit.selectors import trail_verify
from openimr.audit.tests.tampering import events, forged_after, tamper

pytestmark = pytest.mark.django_db

UPDATE = "UPDATE audit_auditevent SET {} WHERE id = %s"
DELETE = "DELETE FROM audit_auditevent WHERE id = %s"
MOVE = "UPDATE audit_auditevent SET id = %s WHERE id = %s"


def _problems() -> list[tuple[int | None, str, str]]:
    report = trail_verify()
    return [(p.event_id, p.kind, p.message) for p in report.problems]


def test_a_trail_as_written_passes():
    written = events(5)
    report = trail_verify()
    assert report.ok and report.problems == []
    assert report.checked == len(written)


def test_a_changed_detail_is_named():
    trail = events(4)
    tamper((UPDATE.format("detail = %s"), ['{"n": 99}', trail[2].pk]))
    [(event_id, kind, message)] = _problems()
    assert (event_id, kind) == (trail[2].pk, "changed")
    assert "no longer matches its hash" in message


def test_a_changed_actor_is_named():
    trail = events(3)
    tamper((UPDATE.format("actor_label = %s"), ["somebody else", trail[0].pk]))
    assert [(i, k) for i, k, _ in _problems()] == [(trail[0].pk, "changed")]


def test_a_removed_event_is_named_by_the_event_after_it_and_its_id():
    trail = events(4)
    tamper((DELETE, [trail[1].pk]))
    [(event_id, kind, message)] = _problems()
    assert (event_id, kind) == (trail[2].pk, "removed")
    assert f"between event {trail[0].pk} and this one was removed (id {trail[1].pk})" in message


def test_removing_the_last_events_is_seen_against_the_chain_head():
    trail = events(4)
    tamper((DELETE, [trail[3].pk]), (DELETE, [trail[2].pk]))
    [(event_id, kind, message)] = _problems()
    assert (event_id, kind) == (trail[1].pk, "removed")
    assert "lane records 4 event(s) but the trail holds 2" in message


def test_two_swapped_events_are_named_as_reordered():
    trail = events(4)
    first, second = trail[1].pk, trail[2].pk
    tamper((MOVE, [-1, first]), (MOVE, [first, second]), (MOVE, [second, -1]))
    problems = _problems()
    assert (first, "reordered") in [(i, k) for i, k, _ in problems]
    # The link after the pair breaks too: it follows the event that moved away.
    assert {i for i, _, _ in problems} == {first, second, trail[3].pk}
    assert f"it follows event {second}, which comes after it" in problems[0][2]


def test_a_forged_event_slipped_between_two_others_is_named():
    trail = events(3)
    last = trail[2].pk
    # Make room after the second event, then write a well-formed event linked after it.
    tamper((MOVE, [last + 10, last]), forged_after(trail[1], event_id=last))
    [(event_id, kind, message)] = _problems()
    assert (event_id, kind) == (last + 10, "inserted")
    assert f"event(s) {last} between them were inserted" in message


def test_a_forged_event_added_at_the_end_is_seen_against_the_chain_head():
    trail = events(2)
    tamper(forged_after(trail[1], event_id=trail[1].pk + 1))
    [(event_id, kind, message)] = _problems()
    assert (event_id, kind) == (trail[1].pk + 1, "changed")
    assert "not the one the lane's head records" in message


def test_an_edited_event_whose_hash_was_recomputed_is_named_itself():
    # A forger who knows the format rewrites the row and its hash, so that the row checks by
    # itself: the break shows at the next event's link, but the event changed is the one
    # named, not "an event between them was removed" with no id to find.
    trail = events(4)
    forged = {**{name: getattr(trail[1], name) for name in CONTENT}, "detail": {"n": 99}}
    digest = event_hash(trail[1].prev_hash, forged)
    tamper((UPDATE.format("detail = %s, hash = %s"), ['{"n": 99}', digest, trail[1].pk]))
    [(event_id, kind, message)] = _problems()
    assert (event_id, kind) == (trail[1].pk, "changed")
    assert f"its hash was rewritten: event {trail[2].pk}, the next in its chain lane" in message
