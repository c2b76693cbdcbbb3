"""Plain-text letter: for email bodies, terminals and diffing. Wrapped at 80 columns without
breaking words or hyphenated terms ("L3-S1"), so searching the text for a phrase works once
runs of white space are folded."""

import textwrap

from openimr.letters.domain.content import BulletList, Letter, Paragraph

WIDTH = 80


def _wrap(text: str, indent: str = "", hang: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _paragraph(p: Paragraph) -> str:
    return _wrap(f"{p.label} {p.text}" if p.label else p.text)


def _bullets(block: BulletList) -> str:
    lines = []
    for number, entry in enumerate(block.entries, start=1):
        mark = f"{number}. " if block.ordered else "- "
        lines.append(_wrap(entry, indent=mark, hang=" " * len(mark)))
    return "\n".join(lines)


def render_text(letter: Letter) -> str:
    out = [letter.organization, letter.title, ""]
    out += [f"{f.label}: {f.value}" for f in letter.header]
    for section in letter.sections:
        out += ["", section.heading]
        for block in section.blocks:
            out += ["", _paragraph(block) if isinstance(block, Paragraph) else _bullets(block)]
    return "\n".join(out) + "\n"
