"""axe-core, Deque's accessibility engine (the copy the axe-playwright-python package
bundles), run over a page open in the test browser: the WCAG 2.0 and 2.1 level A and AA
rules and axe's best practices, which hold the landmarks and the order of headings."""

from typing import Any

from axe_playwright_python.sync_playwright import Axe

RULES = {
    "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    "resultTypes": ["violations"],
}
_AXE = Axe()


def violations(page: Any) -> list[str]:
    """Each rule the page breaks: its id, impact, the first elements that break it and
    what axe says to do."""
    found = _AXE.run(page, options=RULES).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:4])
        for v in found
    ]
