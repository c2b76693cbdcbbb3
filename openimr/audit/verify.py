"""Checking the chain: every event's hash against its content, every link against the
event before it (in id order), and the chain head against the last event. A problem names
the event where the chain breaks and what is wrong there."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from openimr.audit import case_index, chain
from openimr.audit.models import AuditChainHead, AuditEvent

BATCH = 5000


@dataclass(frozen=True)
class Problem:
    event_id: int | None
    kind: str  # changed, removed, reordered, inserted, truncated, unindexed
    message: str

    def __str__(self) -> str:
        where = f"event {self.event_id}" if self.event_id is not None else "trail"
        return f"{where}: {self.kind}: {self.message}"


@dataclass
class Report:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _BadLink:
    event_id: int
    lane: int
    before_id: int | None
    link: str


@dataclass
class _Lane:
    """Where the walk is in one lane: the hash the next event must link to."""

    expected: str = chain.GENESIS
    last_id: int | None = None
    length: int = 0


def _rows() -> Iterator[dict[str, Any]]:
    columns = ("id", "prev_hash", "hash", *chain.CONTENT)
    yield from AuditEvent.objects.order_by("id").values(*columns).iterator(BATCH)


def trail_verify() -> Report:
    """Walk the whole trail once, in id order, each lane's links checked against the event
    before it in that lane; links that fail are explained afterwards (which event they
    point at), in a second look-up of the hashes they name."""
    report, bad_links = Report(), []
    lanes: defaultdict[int, _Lane] = defaultdict(_Lane)
    for row in _rows():
        report.checked += 1
        lane = lanes[row["lane"]]
        if chain.event_hash(row["prev_hash"], row) != row["hash"]:
            report.problems.append(
                Problem(
                    row["id"],
                    "changed",
                    "its content no longer matches its hash: a field was changed after it"
                    " was written",
                )
            )
        if row["prev_hash"] != lane.expected:
            bad_links.append(_BadLink(row["id"], row["lane"], lane.last_id, row["prev_hash"]))
        lane.expected, lane.last_id, lane.length = row["hash"], row["id"], lane.length + 1
    report.problems += _explained(bad_links)
    report.problems += _head_problems(lanes)
    report.problems += [Problem(k, "unindexed", m) for k, m in case_index.index_mismatches()]
    report.problems.sort(key=lambda p: (p.event_id is None, p.event_id or 0))
    return report


def _explained(bad_links: list[_BadLink]) -> list[Problem]:
    if not bad_links:
        return []
    wanted = {bad.link for bad in bad_links}
    found = dict(
        AuditEvent.objects.filter(hash__in=wanted).values_list("hash", "id")
        if len(wanted) <= BATCH
        else (
            (h, i)
            for h, i in AuditEvent.objects.values_list("hash", "id").iterator()
            if h in wanted
        )
    )
    return [_explain(bad, found.get(bad.link)) for bad in bad_links]


def _explain(bad: _BadLink, target: int | None) -> Problem:
    after = f"event {bad.before_id}" if bad.before_id is not None else "the start of the trail"
    if target is not None and target > bad.event_id:
        return Problem(
            bad.event_id,
            "reordered",
            f"it follows event {target}, which comes after it: events were reordered",
        )
    if target is not None:
        between = _ids_between(target, bad.event_id, bad.lane)
        return Problem(
            bad.event_id,
            "inserted",
            f"it follows event {target}, not {after}: event(s) {_names(between)} between them"
            " were inserted or moved there",
        )
    if bad.link == chain.GENESIS:
        return Problem(
            bad.event_id,
            "inserted",
            f"it claims to be the first event but comes after {after}: it or the events"
            " before it were inserted",
        )
    gap = _gap(bad.before_id, bad.event_id)
    if not gap and bad.before_id is not None:
        return _rehashed(bad)
    return Problem(
        bad.event_id,
        "removed",
        f"the event it follows (hash {bad.link[:12]}…) is gone: an event between {after} and"
        f" this one was removed{f' (id {gap})' if gap else ''}",
    )


def _rehashed(bad: _BadLink) -> Problem:
    """No id is missing between the event before and this one, yet no event has the hash
    this one links to: the event before was edited and its own hash recomputed so that it
    checks by itself (its content and hash agree). Named at that event, the one changed; an
    event removed and the ids closed up after it would look the same, and is said too."""
    return Problem(
        bad.before_id,
        "changed",
        f"its hash was rewritten: event {bad.event_id}, the next in its chain lane, links to"
        f" hash {bad.link[:12]}…, which no event has. Its content was changed and its hash"
        " recomputed to match (or an event after it was removed and the ids moved to close"
        " the gap)",
    )


def _ids_between(low: int, high: int, lane: int) -> list[int]:
    found = AuditEvent.objects.filter(id__gt=low, id__lt=high, lane=lane).order_by("id")
    return list(found.values_list("id", flat=True)[:20])


def _names(ids: list[int]) -> str:
    return ", ".join(str(i) for i in ids) or "(none left)"


def _gap(before_id: int | None, event_id: int) -> str:
    """The ids missing from the table between the two events (other lanes' events may sit
    between them): the removed event's id, when it was the only one."""
    low = (before_id or 0) + 1
    if event_id - low > 1000:
        return ""
    present = set(
        AuditEvent.objects.filter(id__gte=low, id__lt=event_id).values_list("id", flat=True)
    )
    return ", ".join(str(i) for i in range(low, event_id) if i not in present)


def _head_problems(lanes: dict[int, _Lane]) -> list[Problem]:
    """Each lane's head row records how long the lane is and where it ends: a lane that
    stops short of it lost its last events, which no link after them can show."""
    heads = {head.pk: head for head in AuditChainHead.objects.all()}
    problems = []
    for number, lane in sorted(lanes.items()):
        head = heads.get(number)
        if head is None:
            problems.append(
                Problem(lane.last_id, "truncated", f"the head of chain lane {number} is missing")
            )
        elif head.last_hash != lane.expected:
            problems.append(_head_problem(head, lane))
    for number, head in sorted(heads.items()):
        if number not in lanes and head.length > 0:
            problems.append(
                Problem(
                    None,
                    "removed",
                    f"chain lane {number} records {head.length} event(s) but the trail holds"
                    " none of them: they were removed",
                )
            )
    return problems


def _head_problem(head: AuditChainHead, lane: _Lane) -> Problem:
    if head.length > lane.length:
        return Problem(
            lane.last_id,
            "removed",
            f"its chain lane records {head.length} event(s) but the trail holds {lane.length}:"
            f" {head.length - lane.length} event(s) after event {lane.last_id} were removed",
        )
    return Problem(
        lane.last_id,
        "changed",
        "the last event of its chain lane is not the one the lane's head records: it was"
        " replaced or events were added outside the chain",
    )
