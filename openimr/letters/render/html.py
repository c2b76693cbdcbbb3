"""HTML letter: a fragment for the web pages and a standalone document for files and email.
Every value is escaped: names and clinical text come from outside."""

import re
from html import escape
from pathlib import Path

from openimr.letters.domain.content import BulletList, Letter, Paragraph

# The letter's stylesheet: served as a static file to the web pages, whose
# Content-Security-Policy allows no inline style, and inlined only in the standalone
# document, whose exact text the policy allows by its hash (config/settings.py).
STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "letters" / "letter.css"
STYLE = STYLESHEET.read_text(encoding="utf-8")
# A sentence's reference numbers, as the builder writes them after it: " [1, 3]".
_CITATION = re.compile(r" \[(\d+(?:, \d+)*)\](?=\s|$)")


def _link(match: re.Match[str]) -> str:
    links = ", ".join(
        f'<a class="cite" href="#ref-{n}">{n}</a>' for n in match.group(1).split(", ")
    )
    return f" [{links}]"


def _paragraph(p: Paragraph) -> str:
    label = f"<strong>{escape(p.label)}</strong> " if p.label else ""
    lines = (escape(line) for line in p.lines)
    text = "<br>".join(_CITATION.sub(_link, line) if p.cites else line for line in lines)
    return f'<p class="{escape(p.role)}">{label}{text}</p>'


def _bullets(block: BulletList) -> str:
    tag = "ol" if block.ordered else "ul"
    entries = "".join(
        f'<li id="{block.anchor}-{n}">{escape(e)}</li>' if block.anchor else f"<li>{escape(e)}</li>"
        for n, e in enumerate(block.entries, 1)
    )
    return f"<{tag}>{entries}</{tag}>"


def render_fragment(letter: Letter) -> str:
    header = "".join(
        f"<dt>{escape(f.label)}:</dt><dd>{escape(f.value)}</dd>" for f in letter.header
    )
    parts = [
        '<article class="fdl">',
        f'<div class="org">{escape(letter.organization)}</div>',
        f"<h1>{escape(letter.title)}</h1>",
        f'<dl class="header">{header}</dl>',
    ]
    for section in letter.sections:
        parts.append(f"<section><h2>{escape(section.heading)}</h2>")
        for block in section.blocks:
            parts.append(_paragraph(block) if isinstance(block, Paragraph) else _bullets(block))
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts)


def render_html(letter: Letter) -> str:
    title = escape(f"{letter.title} — {letter.case_number}")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{STYLE}</style></head>"
        # In a <main>: a screen reader's "main content" lands on the letter (WCAG 1.3.1).
        f"<body><main>\n{render_fragment(letter)}\n</main></body></html>\n"
    )
