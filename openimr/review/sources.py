"""The record pages each sentence of a summary or rationale rests on (issue 5, provenance),
kept through the reviewer's edits. Pure: no Django.

A reviewer cites a page by writing ``[[<document id> p<page>]]`` after a sentence (the
workspace shows the marker beside each page); the markers are taken out of the text the
letter prints and kept as the sentence's sources. A summary sentence drafted from the
records keeps the draft's sources while the reviewer's edit leaves it recognizably the same
sentence (``SAME_SENTENCE`` per cent alike)."""

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from rapidfuzz import fuzz

from openimr.review.domain.provenance import Linked, SourceRef, split_sentences

MARKER = re.compile(r"\s*\[\[\s*([\w-]+)\s+p\.?\s*(\d{1,4})\s*\]\]")
SAME_SENTENCE = 80  # rapidfuzz ratio: a changed word or two, not a different sentence
# What is left of a marker the workspace cannot read: "[[7p2]]", "[[7 page 2]]", "[[7 p2]".
_STRAY = re.compile(r"\[\[[^\[\]\n]*\]{0,2}|\]\]")


def marker(ref: SourceRef) -> str:
    """The citation a reviewer types: ``[[12 p3]]``."""
    return f"[[{ref.document_id} p{ref.page}]]"


def without_markers(text: str) -> str:
    """The text as the letter prints it: paragraphs apart by a blank line, and each line the
    reviewer broke kept on its own (a list "1. ...", "- ..." prints as a list), its runs of
    white space folded; a browser's CRLF line ends read as line ends."""
    return "\n\n".join(
        "\n".join(line for line in map(_printed_line, p.splitlines()) if line)
        for p in re.split(r"\n\s*\n", text)
        if p.strip()
    )


def _printed_line(line: str) -> str:
    return " ".join(MARKER.sub("", line).split())


def summary_version(text: str) -> str:
    """A short fingerprint of a saved summary as written: a form carries the one it was
    opened on, so a save over another reviewer's later save is caught."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def item_version(item: Any, rationale_input: str | None) -> str:
    """A short fingerprint of an item's saved decision, basis, reason for leaving the MTUS
    and rationale as written: a form carries the one it was opened on, so a save from a tab
    opened before another tab's save is caught."""
    basis = [[c.mtus, c.citation] for c in item.reviewer_basis]
    decision = item.decision.value if item.decision else ""
    rationale = rationale_input if rationale_input is not None else item.rationale or ""
    saved = [decision, basis, item.why_not_mtus or "", rationale]
    return hashlib.sha256(json.dumps(saved).encode()).hexdigest()[:16]


def determination_version(summary: str | None, items: Sequence[Any], decided_at: Any) -> str:
    """A short fingerprint of the determination QA reads: the summary, each item's decision,
    basis, reason for leaving the MTUS and rationale, and when it was submitted. QA's page
    carries the one it showed, so an approval from a page opened before the case was
    returned and submitted again is caught."""
    shown = [
        summary or "",
        [item_version(item, None) for item in items],
        decided_at.isoformat() if decided_at else "",
    ]
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:16]


def stray_markers(text: str) -> list[str]:
    """Each mistyped marker of ``text``: it is not taken out, so the letter would print it
    as typed."""
    return [found.strip() for found in _STRAY.findall(MARKER.sub(" ", text))]


def stray_problem(stray: str) -> str:
    """Why ``stray`` is refused, with the marker it seems to mean when its numbers say."""
    meant = re.match(r"\[\[\s*([\w-]+?)\s*p(?:age)?\.?\s*(\d{1,4})\b", stray)
    hint = f" (did you mean [[{meant[1]} p{meant[2]}]]?)" if meant else ""
    return f"{stray} is not a page marker: write [[<record> p<page>]]{hint}"


def _marked(sentence: str) -> tuple[str, tuple[SourceRef, ...]]:
    refs = tuple(SourceRef(doc, int(page)) for doc, page in MARKER.findall(sentence))
    return " ".join(MARKER.sub("", sentence).split()), tuple(dict.fromkeys(refs))


def _closest(sentence: str, draft: Sequence[Linked]) -> Linked | None:
    scored = [(fuzz.ratio(sentence, d.text), d) for d in draft if d.sources]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best and best[0] >= SAME_SENTENCE else None


def linked_sentences(text: str, draft: Sequence[Linked] = ()) -> tuple[Linked, ...]:
    """Each sentence of ``text`` with its sources: those its markers name, else those of the
    draft sentence it was edited from, else none. Markers are read before splitting, so a
    marker after a sentence's full stop belongs to that sentence."""
    out = []
    for chunk in _marker_sentences(text):
        clean, refs = _marked(chunk)
        if not clean:
            continue
        found = _closest(clean, draft) if not refs else None
        out.append(Linked(clean, refs or (found.sources if found else ())))
    return tuple(out)


def _marker_sentences(text: str) -> list[str]:
    # A marker written after the full stop ("... L3-S1. [[12 p3]] Next ...") moves before it,
    # so that the sentence splitter keeps it with the sentence it cites.
    moved = re.sub(r"([.!?])((?:\s*\[\[[^\]]*\]\])+)", r"\2\1", text)
    return [s for p in re.split(r"\n\s*\n", moved) for s in split_sentences(p)]


def to_json(sentences: Iterable[Linked]) -> list[dict[str, Any]]:
    return [
        {
            "text": s.text,
            "sources": [{"document_id": r.document_id, "page": r.page} for r in s.sources],
        }
        for s in sentences
    ]


def from_json(raw: Iterable[dict[str, Any]]) -> tuple[Linked, ...]:
    return tuple(
        Linked(
            str(s["text"]),
            tuple(SourceRef(str(r["document_id"]), int(r["page"])) for r in s.get("sources", [])),
        )
        for s in raw
    )


def with_markers(sentences: Sequence[Linked]) -> str:
    """The sentences as the reviewer edits them: each followed by its markers."""
    return " ".join(" ".join([s.text.rstrip(), *(marker(r) for r in s.sources)]) for s in sentences)
