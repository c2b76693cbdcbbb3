"""A letter's content as JSON, kept with the issued letter (``FrozenLetter.content``): the
copy mailed to a party is set again from it with the party's address block on its first
page (render/pdf_window), word for word the letter issued. Its PDF, whose SHA-256 the
parties can check, stays the one issued (LC 4610.6(g): the determination binds as issued)."""

from typing import Any

from openimr.letters.domain.content import Block, BulletList, Field, Letter, Paragraph, Section


def letter_to_dict(letter: Letter) -> dict[str, Any]:
    return {
        "organization": letter.organization,
        "title": letter.title,
        "case_number": letter.case_number,
        "header": [[f.label, f.value] for f in letter.header],
        "sections": [
            {"heading": s.heading, "blocks": [_block_to_dict(b) for b in s.blocks]}
            for s in letter.sections
        ],
        "draft": letter.draft,
    }


def _block_to_dict(block: Block) -> dict[str, Any]:
    if isinstance(block, BulletList):
        return {"entries": list(block.entries), "ordered": block.ordered, "anchor": block.anchor}
    return {
        "text": block.text,
        "label": block.label,
        "role": block.role,
        "cites": block.cites,
        "as_written": block.as_written,
    }


def letter_from_dict(data: dict[str, Any]) -> Letter:
    """The letter ``letter_to_dict`` kept; KeyError or TypeError for anything else."""
    return Letter(
        organization=data["organization"],
        title=data["title"],
        case_number=data["case_number"],
        header=tuple(Field(label, value) for label, value in data["header"]),
        sections=tuple(
            Section(s["heading"], tuple(_block_from_dict(b) for b in s["blocks"]))
            for s in data["sections"]
        ),
        draft=data["draft"],
    )


def _block_from_dict(data: dict[str, Any]) -> Block:
    if "entries" in data:
        return BulletList(tuple(data["entries"]), data["ordered"], data["anchor"])
    return Paragraph(**data)
