"""Plain-text letter: for email bodies, terminals and diffing. Wrapped at 80 columns without
breaking words or hyphenated terms ("L3-S1"), so searching the text for a phrase works once
runs of white space are folded."""

from openimr.letters.domain.content import BulletList, Letter, Paragraph

WIDTH = 80


def _wrap(text: str, indent: str = "", hang: str = "") -> str:
    """Greedy filling, as textwrap.fill with no word or hyphen breaking does, at a fifth of
    its cost: every notice is rendered, so a year of them spent more time in textwrap's
    general machinery than in writing them."""
    words = text.split()
    if not words:
        return ""
    lines, line = [], indent + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= WIDTH:
            line += " " + word
        else:
            lines.append(line)
            line = hang + word
    lines.append(line)
    return "\n".join(lines)


def _paragraph(p: Paragraph) -> str:
    first, *rest = p.lines
    return "\n".join(_wrap(line) for line in [f"{p.label} {first}" if p.label else first, *rest])


def _bullets(block: BulletList) -> str:
    lines = []
    for number, entry in enumerate(block.entries, start=1):
        mark = f"{number}. " if block.ordered else "- "
        lines.append(_wrap(entry, indent=mark, hang=" " * len(mark)))
    return "\n".join(lines)


def render_text(letter: Letter) -> str:
    out = [letter.organization, letter.title, ""]
    # Wrapped as the body is: a reason for an amendment or a party's long name ran on.
    out += [_wrap(f"{f.label}: {f.value}") for f in letter.header]
    for section in letter.sections:
        out += ["", section.heading]
        for block in section.blocks:
            out += ["", _paragraph(block) if isinstance(block, Paragraph) else _bullets(block)]
    return "\n".join(out) + "\n"
